using System.Globalization;
using System.Text.RegularExpressions;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Moderation;

public enum TellerNoticeKind
{
    /// <summary>Approved, and the teller agreed to publication: it is in the storybook now.</summary>
    Published,

    /// <summary>Approved, but the teller did not agree to publication: the campaign team keeps it.</summary>
    KeptPrivate,

    Featured,

    /// <summary>Turned down, with the campaign team's reason.</summary>
    Returned,
}

/// <param name="Title">The story's title (untrusted).</param>
/// <param name="CampaignName">The campaign the story belongs to, if any (untrusted).</param>
/// <param name="Reason">The campaign team's reason, for <see cref="TellerNoticeKind.Returned"/> (untrusted).</param>
public sealed record TellerNoticeView(TellerNoticeKind Kind, string StoryId, string Title, string? CampaignName = null, string? Reason = null);

/// <summary>
/// What a storyteller hears in their 1:1 chat once the campaign team has decided on their story, in the campaign's
/// own voice: thanks first, where to see it, and, when it comes back, the reason and how to send it again.
/// </summary>
public static partial class TellerNoticeCard
{
    private const int TitleLimit = 120;
    private const int CampaignLimit = 100;

    public static AdaptiveCard Build(TellerNoticeView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var title = string.IsNullOrWhiteSpace(view.Title) ? t["Story_Untitled"] : view.Title;
            var campaign = string.IsNullOrWhiteSpace(view.CampaignName) ? null : view.CampaignName;
            var key = view.Kind.ToString();
            var body = new List<CardElement>
            {
                Heading(t["TellerNotice_" + key + "_Heading"]),
                Runs(t[campaign is null || view.Kind == TellerNoticeKind.Returned ? "TellerNotice_" + key : "TellerNotice_" + key + "_Campaign"],
                    budget, (title, TitleLimit), (campaign ?? "", CampaignLimit)),
            };

            var actions = new List<CardAction>();
            switch (view.Kind)
            {
                case TellerNoticeKind.Returned:
                    body.Add(new RichTextBlock([UntrustedText.Run(view.Reason, budget.Chars(1000)) with { Italic = true }]) { Spacing = Spacing.Small });
                    body.Add(Para(t["TellerNotice_Returned_Next"]) with { Spacing = Spacing.Medium });
                    actions.Add(CardActions.Submit(t["TellerNotice_EditIt"], ActionNames.StoryEditOwn, (ActionKeys.StoryId, view.StoryId)) with { Style = ActionStyle.Positive });
                    actions.Add(CardActions.Submit(t["Action_MyStories"], ActionNames.MyStories));
                    break;
                case TellerNoticeKind.KeptPrivate:
                    body.Add(Para(t["TellerNotice_KeptPrivate_Next"]));
                    actions.Add(CardActions.Submit(t["Action_MyStories"], ActionNames.MyStories));
                    actions.Add(CardActions.Submit(t["Action_ShareAnother"], ActionNames.StoryStart));
                    break;
                default:
                    body.Add(Para(t["TellerNotice_" + key + "_Next"]));
                    actions.Add(CardActions.Submit(t["Action_Storybook"], ActionNames.StorybookBrowse) with { Style = ActionStyle.Positive });
                    actions.Add(CardActions.Submit(t["Action_MyStories"], ActionNames.MyStories));
                    actions.Add(CardActions.Submit(t["Action_ShareAnother"], ActionNames.StoryStart));
                    break;
            }

            return new AdaptiveCard
            {
                Body = body,
                Actions = actions,
                MsTeams = FullWidth,
                FallbackText = t["TellerNotice_" + key + "_Heading"],
            };
        });
    }

    /// <summary>Our own sentence with untrusted text where it says {0}, {1}: the user's words go in as plain runs, never markdown.</summary>
    internal static RichTextBlock Runs(string format, TextBudget budget, params (string Text, int Limit)[] values)
    {
        var runs = new List<TextRun>();
        var at = 0;
        foreach (Match match in Placeholder().Matches(format))
        {
            if (match.Index > at)
            {
                runs.Add(new TextRun(format[at..match.Index]));
            }

            var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (index < values.Length)
            {
                runs.Add(UntrustedText.Run(values[index].Text, budget.Chars(values[index].Limit)) with { Weight = TextWeight.Bolder });
            }

            at = match.Index + match.Length;
        }

        if (at < format.Length)
        {
            runs.Add(new TextRun(format[at..]));
        }

        return new RichTextBlock(runs);
    }

    [GeneratedRegex(@"\{([0-9])\}")]
    private static partial Regex Placeholder();
}
