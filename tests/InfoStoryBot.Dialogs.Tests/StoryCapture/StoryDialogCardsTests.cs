using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.StoryCapture;
using InfoStoryBot.Testing;

namespace InfoStoryBot.Dialogs.Tests.StoryCapture;

public sealed class StoryDialogCardsTests
{
    private const string Hostile = "[x](https://evil.example) <at>All</at> **b** Mrs Smith 07700 900123 {{DATE(2017-02-14T06:08:39Z, SHORT)}}";

    [Fact]
    public void EveryCardTheDialogSends_PassesMicrosoftsParserAndFits()
    {
        var cards = new List<string>();
        void Keep(StoryTranscript t) => cards.AddRange(t.Last!.Messages.Where(m => m.Card is not null).Select(m => m.Card!.Value.GetRawText()));

        var guided = new StoryTranscript();
        foreach (var step in new Func<StoryTranscript, StoryTranscript>[]
        {
            t => t.Send("share a story"), t => t.Send("Something happened " + Hostile), t => t.Press("It’s not personal data"),
            t => t.Send("Council, " + Hostile), t => t.Press("It’s not personal data"), t => t.Send(Hostile), t => t.Press("It’s not personal data"),
            t => t.Send(Hostile), t => t.Press("It’s not personal data"), t => t.Send("bananas"),
            t => t.Press("Yes, publish it", (StoryFields.Title, "ab"), (StoryFields.TellerRole, Hostile[..60])),
            t => t.Press("Yes, publish it", (StoryFields.Title, Hostile[..90]), (StoryFields.Attribution, "named"), (StoryFields.TellerOrganisation, "Northtown")),
            t => t.Press("It’s not personal data"), t => t.Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Pillars)), t => t.Send("help"),
            t => t.Send("2"), t => t.Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Title)), t => t.Send("A calmer title"),
            t => t.Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.WhatHappened)),
            t => t.Send("A much calmer retelling of what happened, with nobody named."), t => t.Send("submit"),
        })
        {
            step(guided);
            Keep(guided);
        }

        Assert.Equal(DialogStatus.Completed, guided.Last!.Status);
        var form = new StoryTranscript().Start(new StoryDialogStart { Mode = StoryEntryMode.Form });
        Keep(form);
        form.Click(ActionNames.StoryFormSubmit, (StoryFields.WhatHappened, "short"), (StoryFields.Pillars, "nope"));
        Keep(form);

        var reports = AdaptiveCardsParser.Validate(cards);

        Assert.True(cards.Count >= 16, $"only {cards.Count} cards");
        Assert.All(cards, c => Assert.True(System.Text.Encoding.UTF8.GetByteCount(c) < CardJson.MaxBytes));
        var problems = reports.Where(r => r.Errors.Count + r.Warnings.Count > 0)
            .Select(r => r.Index + ": " + string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Message)));
        Assert.Empty(problems);
    }

    [Fact]
    public void UnknownCulture_FallsBackToBritishEnglish()
    {
        var turn = new DialogTurn { Now = DateTimeOffset.UnixEpoch, Culture = CultureInfo.GetCultureInfo("fr-FR") };

        var result = StoryDialog.Start(new StoryDialogStart(), turn);

        Assert.Contains("Lovely, let’s hear it", result.Messages[0].Text, StringComparison.Ordinal);
    }
}
