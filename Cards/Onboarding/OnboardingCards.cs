using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Onboarding;

/// <param name="GivenName">The user's first name from Teams, if known (untrusted).</param>
public sealed record WelcomeView(string? GivenName = null);

/// <param name="AdminCommands">Command lines to list for admins, e.g. "campaign list"; shown only when IsAdmin.</param>
/// <param name="AdminPanelCommand">The command that opens the admin panel (admin.run), for the admin section's button.</param>
public sealed record HelpView(bool IsAdmin = false, IReadOnlyList<string>? AdminCommands = null, string? AdminPanelCommand = null);

public sealed record NotUnderstoodView;

public static class WelcomeCard
{
    private const int NameLimit = 60;

    public static AdaptiveCard Build(WelcomeView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement> { Heading(t["Welcome_Heading"]) };
            if (!string.IsNullOrWhiteSpace(view.GivenName))
            {
                body.Add(new RichTextBlock(
                [
                    new TextRun(t["Welcome_Hello"]),
                    UntrustedText.Run(view.GivenName, budget.Chars(NameLimit)),
                    new TextRun(t["Welcome_HelloEnd"]),
                ]));
            }

            body.Add(Para(t["Welcome_Intro"]));
            body.Add(Para(t["Welcome_Triangle"]));
            body.Add(Para(t["Welcome_Ask"]));
            return new AdaptiveCard
            {
                Body = body,
                Actions = MainActions(t),
                MsTeams = FullWidth,
                FallbackText = t["Welcome_Heading"],
            };
        });
    }

    internal static IReadOnlyList<CardAction> MainActions(CardText t) =>
    [
        CardActions.Submit(t["Action_ShareStory"], ActionNames.StoryStart) with { Style = ActionStyle.Positive },
        CardActions.Submit(t["Action_MyStories"], ActionNames.MyStories),
        CardActions.Submit(t["Action_Storybook"], ActionNames.StorybookBrowse),
        CardActions.Submit(t["Action_Help"], ActionNames.Help),
    ];
}

public static class HelpCard
{
    private const int CommandLimit = 200;
    private const int MaxCommands = 40;

    public static AdaptiveCard Build(HelpView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>
            {
                Heading(t["Help_Heading"]),
                Para(t["Help_Intro"]),
                Label(t["Help_ShareHeading"]),
                Para(t["Help_Share"]),
                Label(t["Help_DialogHeading"]),
                Para(t["Help_Dialog"]),
                Label(t["Help_MineHeading"]),
                Para(t["Help_Mine"]),
                Label(t["Help_StorybookHeading"]),
                Para(t["Help_Storybook"]),
            };

            if (view.IsAdmin)
            {
                body.Add(SubHeading(t["Help_AdminHeading"]));
                if (view.AdminPanelCommand is { } panel)
                {
                    body.Add(Para(t["Help_AdminPanel"]));
                    body.Add(new ActionSet([CardActions.Submit(t["Admin_OpenPanel"], ActionNames.AdminRun, (ActionKeys.Command, panel)) with { Style = ActionStyle.Positive }]));
                }

                var commands = view.AdminCommands ?? [];
                if (commands.Count == 0)
                {
                    body.Add(Para(t["Help_AdminNone"]));
                }

                foreach (var command in commands.Take(MaxCommands))
                {
                    // "stories approve 1 — Approves a story": the example stands out, the summary follows it.
                    var split = command.IndexOf(" — ", StringComparison.Ordinal);
                    IReadOnlyList<TextRun> runs = split < 0
                        ? [UntrustedText.Run(command, budget.Chars(CommandLimit))]
                        : [UntrustedText.Run(command[..split], budget.Chars(CommandLimit)) with { Weight = TextWeight.Bolder }, UntrustedText.Run(command[split..], budget.Chars(CommandLimit))];
                    body.Add(new RichTextBlock(runs) { Spacing = Spacing.Small });
                }
            }

            return new AdaptiveCard
            {
                Body = body,
                Actions = WelcomeCard.MainActions(t),
                MsTeams = FullWidth,
                FallbackText = t["Help_Heading"],
            };
        });
    }
}

/// <summary>
/// Anything the bot did not understand: one line and the three things most people came for. The whole help card is
/// one "help" away, and the line says so.
/// </summary>
public static class NotUnderstoodCard
{
    public static AdaptiveCard Build(NotUnderstoodView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return new AdaptiveCard
        {
            Body = [Para(t["NotUnderstood_Text"])],
            Actions =
            [
                CardActions.Submit(t["Action_ShareStory"], ActionNames.StoryStart) with { Style = ActionStyle.Positive },
                CardActions.Submit(t["Action_MyStories"], ActionNames.MyStories),
                CardActions.Submit(t["Action_Help"], ActionNames.Help),
            ],
            FallbackText = t["NotUnderstood_Text"],
        };
    }
}
