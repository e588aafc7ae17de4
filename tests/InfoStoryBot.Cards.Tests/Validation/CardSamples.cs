using System.Globalization;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Onboarding;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Cards.Storybook;

namespace InfoStoryBot.Cards.Tests.Validation;

/// <summary>Every card we build, from realistic views and from hostile ones (markdown, mentions, huge text).</summary>
internal static class CardSamples
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public const string Hostile =
        "[click me](https://evil.example/x) ![img](https://evil.example/i.png) **bold** _it_ <at>Everyone</at> " +
        "<script>alert(1)</script> &amp; `code` ~~strike~~ {{DATE(2017-02-14T06:08:39Z, SHORT)}}\n- item\n1. one\n# head\u202Egnp.exe\u0007";

    public static string Huge(int length) => string.Concat(Enumerable.Repeat("😀\"<&> \\", length / 8 + 1))[..length];

    public static IReadOnlyList<ChoiceOption> Pillars { get; } =
        [new("culture", "Culture"), new("informationGovernance", "Information governance"), new("technology", "Technology")];

    public static IReadOnlyList<ChoiceOption> Elements { get; } =
    [
        new("communication", "Communication"), new("sharedLanguage", "Shared language"), new("partners", "Partners"),
        new("decisionMaking", "Decision making and problem solving"), new("creativity", "Creativity"), new("environment", "Environment"),
    ];

    public static IReadOnlyList<ChoiceOption> Kinds { get; } = [new("success", "A success"), new("barrier", "A barrier")];

    public static IReadOnlyList<ChoiceOption> Attributions { get; } =
        [new("named", "My name, role and organisation"), new("roleOnly", "My role and organisation only"), new("anonymous", "Anonymously")];

    public static StoryDisplay Story(string text, BylineKind kind = BylineKind.Named) => new()
    {
        Title = "Telling it once " + text,
        WhatHappened = "A family moved between two council areas and " + text,
        WhoWasInvolved = ["Northtown Council", "Police " + text, "GP surgery"],
        InformationShared = "The school shared a concern with children's services. " + text,
        DifferenceMade = "She only had to tell her story once. " + text,
        PillarLabels = ["Culture", "Technology"],
        ElementLabels = ["Communication", "Partners"],
        KindLabel = "A success",
        Tone = StoryTone.Success,
        Byline = new Byline(kind, "Sam " + text, "Family support worker " + text, "Northtown Council " + text),
    };

    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        foreach (var (variant, text) in new[] { ("realistic", "and it worked."), ("hostile", Hostile), ("huge", Huge(30_000)) })
        {
            yield return ($"welcome/{variant}", WelcomeCard.Build(new WelcomeView(text), EnGb));
            yield return ($"welcome-noname/{variant}", WelcomeCard.Build(new WelcomeView(), EnGb));
            yield return ($"help/{variant}", HelpCard.Build(new HelpView(), EnGb));
            yield return ($"help-admin/{variant}", HelpCard.Build(new HelpView(true, ["campaign list", "campaign create <name>", text, .. Enumerable.Repeat(text, 60)]), EnGb));
            yield return ($"not-understood/{variant}", NotUnderstoodCard.Build(new NotUnderstoodView(), EnGb));

            var values = new StoryFormValues
            {
                WhatHappened = text, WhoWasInvolved = text, InformationShared = text, DifferenceMade = text,
                Pillars = ["culture", "technology"], Elements = ["partners"], Kind = "barrier", Title = text,
                Attribution = "roleOnly", TellerRole = text, TellerOrganisation = text, Consent = true,
            };
            yield return ($"form-empty/{variant}", StoryFormCard.Build(new StoryFormView(new StoryFormValues(), Pillars, Elements, Kinds, Attributions), EnGb));
            yield return ($"form-filled/{variant}", StoryFormCard.Build(new StoryFormView(values, Pillars, Elements, Kinds, Attributions, ["Please tell me what happened.", "Please choose at least one pillar."]), EnGb));
            yield return ($"question-multi/{variant}", QuestionCard.Build(new QuestionView("pillars", "Which pillars does it touch?", "Choose as many as fit.", Input: new ChoiceQuestionInput(Pillars, true, ["culture"]), Progress: "Question 5 of 5", DialogId: "d-1"), EnGb));
            yield return ($"question-optional/{variant}", QuestionCard.Build(new QuestionView("elements", "Which parts of the partnership?", Input: new ChoiceQuestionInput(Elements, true, Required: false), Buttons: [new AnswerButton("None of these", "none")]), EnGb));
            yield return ($"question-single/{variant}", QuestionCard.Build(new QuestionView("kind", "Success or barrier?", Input: new ChoiceQuestionInput(Kinds, false)), EnGb));
            yield return ($"question-title/{variant}", QuestionCard.Build(new QuestionView("title", "How about this title?", Quote: text, Input: new TextQuestionInput(100, false, "Or type a new title", text), Buttons: [new AnswerButton("Keep it", "keep")]), EnGb));
            yield return ($"question-confirm/{variant}", QuestionCard.Build(new QuestionView("consent", "May we publish it?", Buttons: [new AnswerButton("Yes", "yes"), new AnswerButton("No", "no")], CanGoBack: false), EnGb));
            yield return ($"preview/{variant}", StoryPreviewCard.Build(new StoryPreviewView(Story(text), [new("whatHappened", "What happened"), new("title", "Title")], "You’ve agreed we may publish it."), EnGb));
            yield return ($"preview-full/{variant}", StoryPreviewCard.Build(new StoryPreviewView(
                Story(text), [new("whatHappened", "What happened"), new("title", "Title")], "You’ve agreed we may publish it.", "Credited by your role and organisation only.",
                "20261120T093000Z-abc", [.. Enumerable.Range(0, 25).Select(i => new PersonalDataItem("Phone number", text, "whatHappened", "What happened"))], "d-1"), EnGb));
            yield return ($"details/{variant}", StoryDetailsCard.Build(new StoryDetailsView(
                "Question 5 of 5", Pillars, ["culture", "technology"], Elements, [], Kinds, "success", text, Attributions, "roleOnly", text, text,
                ["Title: Could you tell me a little more?"], "d-1"), EnGb));
            yield return ($"details-empty/{variant}", StoryDetailsCard.Build(new StoryDetailsView(null, Pillars, [], Elements, [], Kinds, "barrier", null, Attributions, "anonymous"), EnGb));
            yield return ($"old-story-in/{variant}", OldStoryCard.Build(new OldStoryCardView(AlreadyIn: true), EnGb));
            yield return ($"old-story-ended/{variant}", OldStoryCard.Build(new OldStoryCardView(AlreadyIn: false), EnGb));
            yield return ($"personal-data/{variant}", PersonalDataWarningCard.Build(new PersonalDataWarningView(
                [.. Enumerable.Range(0, 25).Select(i => new PersonalDataItem("NHS number", text, "whatHappened", "What happened"))]), EnGb));
            yield return ($"thank-you/{variant}", ThankYouCard.Build(new ThankYouView(text, true), EnGb));
            yield return ($"thank-you-private/{variant}", ThankYouCard.Build(new ThankYouView(text, false), EnGb));

            foreach (var kind in Enum.GetValues<BylineKind>())
            {
                yield return ($"story-{kind}/{variant}", StoryCard.Build(new StoryCardView(Story(text, kind), "s-1", "Published", new DateOnly(2026, 11, 20), text, ShowOwnerActions: true, ShowBackToStorybook: true), EnGb));
            }

            var summaries = Enumerable.Range(1, StorybookPageCard.MaxStoriesPerPage)
                .Select(i => new StorySummary($"s-{i}", text, text, "A barrier", StoryTone.Barrier, new Byline(BylineKind.RoleOnly, text, text, text), ["Culture"]))
                .ToList();
            var filters = new StorybookFilters(Pillars, Elements, [new("c-1", "#infostory November " + text)], "culture", null, "c-1");
            yield return ($"storybook/{variant}", StorybookPageCard.Build(new StorybookPageView(summaries, 2, true, true, filters, 120), EnGb));
            yield return ($"storybook-empty/{variant}", StorybookPageCard.Build(new StorybookPageView([], 1, false, false, filters with { Pillar = null }), EnGb));

            var mine = Enumerable.Range(1, MyStoriesCard.MaxStoriesPerPage)
                .Select(i => new MyStoryItem($"s-{i}", text, "Waiting for the campaign team", new DateTime(2026, 11, i, 9 + i, 5 * i, 0), i % 2 == 0, true))
                .ToList();
            yield return ($"my-stories/{variant}", MyStoriesCard.Build(new MyStoriesView(mine, 2, true, true), EnGb));
            yield return ($"my-stories-empty/{variant}", MyStoriesCard.Build(new MyStoriesView([]), EnGb));
            yield return ($"withdraw/{variant}", WithdrawConfirmCard.Build(new WithdrawConfirmView("s-1", text), EnGb));
        }

        // Models the builders do not use yet, so that every record is checked against the parser.
        yield return ("model-extras", new AdaptiveCard
        {
            Body =
            [
                new ColumnSet([new Column([new Image("https://example.org/logo.png") { AltText = "Logo", Size = ImageSize.Small }]) { Width = "auto" },
                    new Column([new TextBlock("Text") { Size = TextSize.Small }]) { Width = "stretch", VerticalContentAlignment = VerticalAlignment.Center }]),
                new DateInput { Id = "when", Label = "When", Min = "2026-01-01", Max = "2026-12-31", Value = "2026-11-22" },
                new TextInput { Id = "email", Label = "Email", Style = TextInputStyle.Email, Regex = "^[^@]+@[^@]+$", IsRequired = true, ErrorMessage = "An email address, please" },
                new ActionSet([new OpenUrlAction(new Uri("https://example.org/storybook")) { Title = "Open" }]),
            ],
            Actions =
            [
                InfoStoryBot.Cards.Actions.CardActions.Execute("Refresh", "nudge.refresh", ("deliveryId", "d-1")),
                new ShowCardAction(new AdaptiveCard { Body = [new TextBlock("More")] }) { Title = "More" },
            ],
            Refresh = new CardRefresh(InfoStoryBot.Cards.Actions.CardActions.Execute("Refresh", "nudge.refresh")) { UserIds = [] },
            MsTeams = new TeamsCardProperties(),
        });
    }
}
