using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Channels;

/// <summary>
/// One channel in <c>channels</c>. <see cref="Number"/> is what commands take ("channels mute 3").
/// <see cref="Toggle"/> is the admin command its Mute or Unmute button runs (null: no button, e.g. a gone channel).
/// </summary>
public sealed record ChannelRowView(int Number, string Name, bool Muted, string? GoneNote, string? Toggle, string? InCampaigns = null);

public sealed record ChannelTeamView(string TeamName, IReadOnlyList<ChannelRowView> Channels);

/// <param name="NotShown">Channels beyond what the card shows; they are counted and reached by name.</param>
/// <param name="Done">What a press just did ("Muted … "), our own markdown.</param>
public sealed record ChannelListView(IReadOnlyList<ChannelTeamView> Teams, int NotShown = 0, string? Done = null);

/// <summary>
/// <c>channels</c>: every registered channel, numbered, grouped by team, muted and gone ones marked, each with a Mute
/// or Unmute button (Action.Execute: the list is redrawn in place after a press).
/// </summary>
public static class ChannelListCard
{
    /// <summary>How many rows a card can hold with a button each and stay under the size limit with long names.</summary>
    public const int MaxChannels = 30;

    private const int NameLimit = 100;
    private const int NoteLimit = 160;

    public static AdaptiveCard Build(ChannelListView view, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = new CardText(culture);
        var shownRows = view.Teams.Sum(team => team.Channels.Count);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement> { Heading(t["ChannelList_Heading"]) };
            if (view.Done is { Length: > 0 } done)
            {
                body.Add(new TextBlock(UntrustedText.Truncate(done, budget.Chars(600))) { Color = TextColor.Good, Weight = TextWeight.Bolder });
            }

            if (shownRows == 0)
            {
                body.Add(Para(t["ChannelList_Empty"]));
            }
            else
            {
                body.Add(Subtle(t["ChannelList_Intro"]));
            }

            var rows = 0;
            foreach (var team in view.Teams)
            {
                if (rows >= MaxChannels)
                {
                    break;
                }

                body.Add(new RichTextBlock([UntrustedText.Run(team.TeamName, budget.Chars(NameLimit)) with { Weight = TextWeight.Bolder, Size = TextSize.Medium }])
                {
                    Separator = true,
                    Spacing = Spacing.Medium,
                });
                foreach (var channel in team.Channels.Take(MaxChannels - rows))
                {
                    rows++;
                    body.Add(Row(channel, t, budget));
                }
            }

            var notShown = view.NotShown + shownRows - rows;
            if (notShown > 0)
            {
                body.Add(Subtle(t.Format("ChannelList_More", notShown)));
            }

            return new AdaptiveCard { Body = body, MsTeams = FullWidth, FallbackText = t["ChannelList_Heading"] };
        });
    }

    private static ColumnSet Row(ChannelRowView channel, CardText t, TextBudget budget)
    {
        var inlines = new List<TextRun>
        {
            new(channel.Number.ToString(CultureInfo.InvariantCulture) + ". ") { Weight = TextWeight.Bolder },
            UntrustedText.Run(channel.Name, budget.Chars(NameLimit)),
        };
        if (channel.Muted)
        {
            inlines.Add(new TextRun("  " + t["ChannelList_Muted"]) { Color = TextColor.Warning, Weight = TextWeight.Bolder });
        }

        if (channel.GoneNote is { Length: > 0 } gone)
        {
            inlines.Add(new TextRun("  " + UntrustedText.Plain(gone, budget.Chars(NoteLimit))) { Color = TextColor.Attention });
        }

        var text = new List<CardElement> { new RichTextBlock(inlines) };
        if (channel.InCampaigns is { Length: > 0 } campaigns)
        {
            text.Add(new RichTextBlock([UntrustedText.Run(campaigns, budget.Chars(NoteLimit)) with { IsSubtle = true, Size = TextSize.Small }]) { Spacing = Spacing.None });
        }

        var columns = new List<Column> { new(text) { Width = "stretch", VerticalContentAlignment = VerticalAlignment.Center } };
        if (channel.Toggle is { Length: > 0 } command)
        {
            var title = channel.Muted ? t["Action_ChannelUnmute"] : t["Action_ChannelMute"];
            columns.Add(new Column([new ActionSet([CardActions.Execute(title, ActionNames.AdminRun, (ActionKeys.Command, command)) with { AssociatedInputs = AssociatedInputs.None }])])
            {
                Width = "auto",
                VerticalContentAlignment = VerticalAlignment.Center,
            });
        }

        return new ColumnSet(columns) { Spacing = Spacing.Small };
    }
}
