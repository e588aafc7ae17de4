using System.Globalization;
using System.Text.RegularExpressions;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Testing;

namespace InfoStoryBot.Bot.Tests.Admin;

/// <summary>The audit card says every change in words: each verb the bot writes has its words (seen once as raw verbs beside worded ones).</summary>
public sealed partial class AuditVerbsTests
{
    [Fact]
    public void EveryVerbTheBotWrites_HasItsWordsOnTheAuditCard()
    {
        var written = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "Bot"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => Verb().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(Enum.GetValues<CampaignMove>().Select(m => "campaign." + m.ToString().ToLowerInvariant())) // "campaign." + move
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("storybook.export", written);
        Assert.Contains("campaign.create", written);
        Assert.All(written, verb =>
        {
            Assert.True(AuditHandler.Verbs.TryGetValue(verb, out var key), $"“{verb}” has no words on the audit card.");
            Assert.False(string.IsNullOrWhiteSpace(BotText.Get(key!, CultureInfo.GetCultureInfo("en-GB"))));
        });
    }

    // context.Audit("verb", …), a ternary's verbs, and an AuditEntry's Action = "verb".
    [GeneratedRegex("""(?:Audit\(|\? |: |Action = )"([a-z]+(?:\.[a-z-]+)+)"(?=[,)\s])""")]
    private static partial Regex Verb();
}
