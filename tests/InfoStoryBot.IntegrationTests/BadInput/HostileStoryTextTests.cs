using System.Text.Json;
using System.Text.RegularExpressions;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;

namespace InfoStoryBot.IntegrationTests.BadInput;

/// <summary>
/// A storyteller with a hostile display name tells a story whose every answer is hostile (markdown links, HTML,
/// Teams mention tags, Adaptive Card date functions, spreadsheet formula prefixes). The story is approved and read
/// back through "my stories" and the storybook. Every message the bot sent must show that text inert, and every
/// card must pass Microsoft's parser.
/// </summary>
public sealed partial class HostileStoryTextTests : IAsyncLifetime
{
    private const string Link = "[Click here](https://evil.example/phish)";
    private const string WhatHappened = Link + " <at>Everyone</at> <script>alert(1)</script> <b>bold</b> {{DATE(2030-01-01T00:00:00Z,SHORT)}} "
        + "and the school passed the concern on to the new council team the same week.";
    private const string Partners = "=HYPERLINK(\"https://evil.example\") and +Police and -Health and @Schools";
    private const string Shared = "=cmd|' /C calc'!A0 was what the spreadsheet said";
    private const string Difference = "+1 then -1 then @SUM(A1:A2) <img src=x onerror=alert(1)> ![pic](https://evil.example/p.png)";
    private const string Title = "**Bold** [link](https://evil.example) <at>All</at> {{TIME(2030-01-01T00:00:00Z)}}";
    private const string Role = "=1+1 <at>Admin</at>";
    private const string Organisation = "@Northtown [Council](https://evil.example)";

    private static readonly SimulatedUser Hostile = SimulatedUser.Create(77) with { Name = "[Boss](https://evil.example) <at>All</at> =1+1 <i>x</i>" };

    private TeamsHarness _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsHarness.StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task HostileStory_ToldApprovedAndRead_IsShownInertInEveryMessageAndEveryCardIsValid()
    {
        var chat = new ChatSession(_teams, Hostile);
        await chat.Say("hello");
        await TellAsync(chat);
        var stored = Assert.Single((await _teams.Service<IStoryStore>().ListAsync(
            new StoryQuery { Status = null, TellerAadObjectId = Hostile.AadObjectId }, null, CancellationToken.None)).Stories);
        Assert.Equal(WhatHappened, stored.Value.Content.WhatHappened);
        await _teams.Service<IStoryStore>().UpdateAsync(
            stored.Value with { Status = StoryStatus.Approved, ModeratedAt = DateTimeOffset.UtcNow }, stored.ETag, CancellationToken.None);

        await chat.Say("my stories");
        await chat.Click(ActionNames.StoryView, (ActionKeys.StoryId, stored.Value.Id));
        Assert.Contains("evil.example", chat.LastAnswer, StringComparison.Ordinal);
        var storybook = await chat.Say("storybook");
        Assert.Contains("evil.example", storybook, StringComparison.Ordinal);
        await chat.Click(ActionNames.StorybookRead, (ActionKeys.StoryId, stored.Value.Id));

        var sent = _teams.Sent().Where(a => a.Recipient?.Id == Hostile.Id).ToList();
        Assert.All(new[] { WhatHappened, Title, Difference, Organisation, Hostile.Name }, raw => Assert.NotEmpty(InspectMarkdown("the checks themselves", raw)));
        var problems = sent.SelectMany(Inspect).ToList();
        Assert.True(problems.Count == 0, "User text rendered live:\n" + string.Join("\n", problems.Distinct()));

        // Formula prefixes reach the cards intact (shown as text, which nothing evaluates). No export exists yet to
        // neutralise them in; when one is added, it must prefix them.
        var runs = sent.SelectMany(Cards).SelectMany(TextRuns).ToList();
        Assert.Contains(runs, r => r.Contains("=cmd|' /C calc'!A0", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("+1 then -1 then @SUM(A1:A2)", StringComparison.Ordinal));

        var cards = sent.SelectMany(Cards).Select(c => c.GetRawText()).ToList();
        Assert.True(cards.Count >= 5, $"expected the story's cards, got {cards.Count}");
        var reports = AdaptiveCardsParser.Validate(cards);
        var invalid = reports.Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0).ToList();
        Assert.True(invalid.Count == 0, "Cards the parser rejects:\n" + string.Join("\n", invalid.Select(r =>
            $"card {r.Index}: {string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Event + " " + e.Message))}")));
    }

    private static async Task TellAsync(ChatSession chat)
    {
        await chat.Say("share a story");
        foreach (var answer in new[] { WhatHappened, Partners, Shared, Difference })
        {
            await chat.Say(answer);
            await ConfirmAnyPersonalData(chat);
        }

        // The details card, with the hostile title, role and organisation typed into it.
        await chat.Press("Yes, publish it",
            (StoryFields.Title, Title), (StoryFields.Attribution, "roleOnly"), (StoryFields.TellerRole, Role), (StoryFields.TellerOrganisation, Organisation));
        await ConfirmAnyPersonalData(chat);
        Assert.Contains(ActionNames.StorySubmit, chat.LastButtons());
        Assert.Contains("Thank you for sharing your story", await chat.Say("submit"), StringComparison.Ordinal);
    }

    private static async Task ConfirmAnyPersonalData(ChatSession chat)
    {
        if (chat.LastButtons().Contains(ActionNames.PersonalDataConfirm))
        {
            await chat.Click(ActionNames.PersonalDataConfirm);
        }
    }

    /// <summary>Every way user text could come alive in one message.</summary>
    private static IEnumerable<string> Inspect(Activity message)
    {
        foreach (var problem in InspectMarkdown("message text", message.Text))
        {
            yield return problem;
        }

        foreach (var problem in InspectPlain("summary", message.Summary))
        {
            yield return problem;
        }

        foreach (var card in Cards(message))
        {
            foreach (var (kind, text) in Strings(card, null))
            {
                var problems = kind == "markdown" ? InspectMarkdown("card markdown", text) : InspectPlain("card text", text);
                foreach (var problem in problems)
                {
                    yield return problem;
                }
            }
        }
    }

    /// <summary>Text no field may hold live: mention tags, HTML, card template functions.</summary>
    private static IEnumerable<string> InspectPlain(string where, string? text)
    {
        if (text is null)
        {
            yield break;
        }

        if (LiveTag().IsMatch(text))
        {
            yield return $"{where}: a live tag in \"{text}\"";
        }

        if (text.Contains("{{DATE(", StringComparison.Ordinal) || text.Contains("{{TIME(", StringComparison.Ordinal))
        {
            yield return $"{where}: a live date function in \"{text}\"";
        }
    }

    /// <summary>Markdown fields also must not hold a live link, image or emphasis from user text.</summary>
    private static IEnumerable<string> InspectMarkdown(string where, string? text)
    {
        foreach (var problem in InspectPlain(where, text))
        {
            yield return problem;
        }

        if (text is not null && (LiveLink().IsMatch(text) || text.Contains("**Bold**", StringComparison.Ordinal)))
        {
            yield return $"{where}: live markdown in \"{text}\"";
        }
    }

    private static IEnumerable<JsonElement> Cards(Activity message) =>
        (message.Attachments ?? []).Where(a => a.ContentType == Attachment.AdaptiveCardContentType && a.Content is not null).Select(a => a.Content!.Value);

    /// <summary>Every string in a card, marked "markdown" where the renderer interprets markdown (TextBlock text, facts).</summary>
    private static IEnumerable<(string Kind, string Text)> Strings(JsonElement element, string? parentType)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var type = element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : parentType;
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String)
                    {
                        var markdown = (type == "TextBlock" && property.Name == "text") || (type == "Fact" && property.Name is "title" or "value")
                            || (type is null && parentType == "FactSet" && property.Name is "title" or "value");
                        yield return (markdown ? "markdown" : "plain", property.Value.GetString()!);
                    }
                    else
                    {
                        foreach (var nested in Strings(property.Value, type))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var nested in Strings(item, parentType))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }

    private static IEnumerable<string> TextRuns(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "TextRun"
                && element.TryGetProperty("text", out var text))
            {
                yield return text.GetString()!;
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var run in TextRuns(property.Value))
                {
                    yield return run;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var run in TextRuns(item))
                {
                    yield return run;
                }
            }
        }
    }

    // "<at>", "<script", "<b>", "</i>", "<img": a tag opening straight after "<" (UntrustedText puts a joiner there).
    [GeneratedRegex(@"<(/?)(at|script|b|i|img)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LiveTag();

    // "[text](" or "![alt](" where neither bracket is backslash-escaped.
    [GeneratedRegex(@"(?<!\\)\[[^\]\n]*(?<!\\)\]\(")]
    private static partial Regex LiveLink();
}
