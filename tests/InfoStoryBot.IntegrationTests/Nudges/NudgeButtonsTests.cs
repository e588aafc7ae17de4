using System.Text.Json;
using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Dialogs.StoryCapture;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.Nudges;

/// <summary>
/// The buttons of a nudge in a channel, pressed by its members through the Teams simulator against the real app:
/// Share yours opens each presser's own 1:1 story dialog once (fifty at once included) without ever touching the
/// channel's conversation state, and the story told there is attributed to its delivery; Read it shows the whole story
/// to the presser alone, as its teller chose to be credited. Every card the bot sent passes Microsoft's parser.
/// </summary>
public sealed class NudgeButtonsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The story dialog's opening words.</summary>
    private const string FirstQuestion = "five short questions";

    [Fact]
    public async Task ShareYours_PressedInTheChannel_LeadsToASubmittedStoryAttributedToItsDelivery()
    {
        await using var teams = await PartnershipHarness.StartAsync();
        var campaign = await teams.CampaignAsync();
        var post = await teams.SendNowAsync(campaign, NudgeKind.TwoMinuteShare);
        var sam = teams.Member(1);

        var answer = await teams.PressAsync(post, "Share yours", sam);

        Assert.Contains("private message", answer.Message, StringComparison.Ordinal);
        var opening = Assert.Single(teams.SentInChat(sam), m => CardAssert.Describe(m).Contains(FirstQuestion, StringComparison.Ordinal));
        Assert.Equal(sam.Id, opening.Recipient?.Id);

        var chat = new ChatSession(teams.Harness, sam);
        foreach (var message in GuidedStory.Messages().Skip(1))
        {
            await chat.Say(message);
        }

        Assert.Contains(GuidedStory.Stored, chat.LastAnswer, StringComparison.Ordinal);
        var mine = await teams.Service<IStoryStore>().ListAsync(new StoryQuery { Status = null, TellerAadObjectId = sam.AadObjectId }, null, None);
        var story = Assert.Single(mine.Stories).Value;
        Assert.Equal(new StoryOrigin(post.DeliveryId, null), story.Origin);
        Assert.Equal(campaign.Id, story.CampaignId);

        var outcomes = await teams.Service<IAttributionLedger>().ListAsync(campaign.Id, None);
        Assert.Single(outcomes, o => o.Kind == OutcomeKind.Press && o.DeliveryId == post.DeliveryId);
        Assert.Single(outcomes, o => o.Kind == OutcomeKind.DialogStarted && o.DeliveryId == post.DeliveryId);
        Assert.Equal(story.Id, Assert.Single(outcomes, o => o.Kind == OutcomeKind.StorySubmitted).Subject);

        await AssertChannelStateNeverWrittenAsync(teams, post);
        AssertEveryCardParses(teams, post);
    }

    [Fact]
    public async Task ShareYours_PressedAgainBySamePerson_StartsNothingTwiceAndSaysSoKindly()
    {
        await using var teams = await PartnershipHarness.StartAsync();
        var post = await teams.SendNowAsync(await teams.CampaignAsync(), NudgeKind.TwoMinuteShare);
        var sam = teams.Member(1);

        await teams.PressAsync(post, "Share yours", sam);
        var before = teams.MessagesInChat(sam);
        var again = await teams.PressAsync(post, "Share yours", sam);

        Assert.Contains("already started a story from this post", again.Message, StringComparison.Ordinal);
        Assert.Equal(before, teams.MessagesInChat(sam));

        // Halfway through the story, the chat still holds it: a press does not throw the answers away.
        var chat = new ChatSession(teams.Harness, sam);
        await chat.Say(GuidedStory.WhatHappened);
        var third = await teams.PressAsync(post, "Share yours", sam);
        Assert.Contains("just where you left it", third.Message, StringComparison.Ordinal);
        Assert.Contains("What information was shared", await chat.Say(GuidedStory.Partners), StringComparison.Ordinal);

        var outcomes = await teams.Service<IAttributionLedger>().ListAsync(PartnershipHarness.CampaignId, None);
        Assert.Single(outcomes, o => o.Kind == OutcomeKind.Press);
        Assert.Single(outcomes, o => o.Kind == OutcomeKind.DialogStarted);
    }

    [Fact]
    public async Task ShareYours_FiftyMembersPressOnePostAtOnce_EachGetsTheFirstQuestionOnceInTheirOwnChat()
    {
        const int members = 50;
        await using var teams = await PartnershipHarness.StartAsync(members);
        var campaign = await teams.CampaignAsync();
        var post = await teams.SendNowAsync(campaign, NudgeKind.TwoMinuteShare);
        var crowd = Enumerable.Range(1, members).Select(teams.Member).ToList();
        var perStart = StoryDialog.Start(new StoryDialogStart(), new DialogTurn { Now = DateTimeOffset.UnixEpoch, NewId = "000000000000-00000000" }).Messages.Count;

        var answers = await Task.WhenAll(crowd.Select(m => teams.PressAsync(post, "Share yours", m)));

        Assert.All(answers, a => Assert.Contains("private message", a.Message, StringComparison.Ordinal));
        foreach (var member in crowd)
        {
            var sent = teams.SentInChat(member);
            Assert.Equal(perStart, sent.Count);
            Assert.Single(sent, m => CardAssert.Describe(m).Contains(FirstQuestion, StringComparison.Ordinal));
            Assert.All(sent, m => Assert.Equal(member.Id, m.Recipient?.Id));
            var state = await teams.Service<IConversationStateStore>().GetAsync("msteams", teams.Teams.Activities.PersonalConversationId(member), None);
            Assert.Equal(post.DeliveryId, StoryDialog.SourceOf(state!.Value.Dialog!.Value)?.DeliveryId);
        }

        // The whole crowd again, at once: nobody gets a second dialog.
        var again = await Task.WhenAll(crowd.Select(m => teams.PressAsync(post, "Share yours", m)));
        Assert.All(again, a => Assert.Contains("already started a story from this post", a.Message, StringComparison.Ordinal));
        Assert.All(crowd, m => Assert.Equal(perStart, teams.MessagesInChat(m)));

        var outcomes = await teams.Service<IAttributionLedger>().ListAsync(campaign.Id, None);
        Assert.Equal(members, outcomes.Count(o => o.Kind == OutcomeKind.Press));
        Assert.Equal(members, outcomes.Count(o => o.Kind == OutcomeKind.DialogStarted));
        await AssertChannelStateNeverWrittenAsync(teams, post);
    }

    [Fact]
    public async Task ShareYours_WhenTheBotCannotOpenAChat_TellsThePresserAloneHowToStart()
    {
        await using var teams = await PartnershipHarness.StartAsync();
        var post = await teams.SendNowAsync(await teams.CampaignAsync(), NudgeKind.TwoMinuteShare);
        var sam = teams.Member(1);
        teams.Teams.InjectFault(SimulatedFault.Forbidden("ConversationBlockedByUser") with { Method = "POST", PathContains = "v3/conversations" });
        var channelMessagesBefore = teams.Harness.Sent().Count;

        var answer = await teams.PressAsync(post, "Share yours", sam);

        Assert.Contains("couldn’t open a private chat", answer.Message, StringComparison.Ordinal);
        Assert.Contains("share a story", answer.Message, StringComparison.Ordinal);
        Assert.Equal(channelMessagesBefore, teams.Harness.Sent().Count);

        // Nothing was left half-started: the next press, once Teams lets the bot in, starts the dialog.
        var retry = await teams.PressAsync(post, "Share yours", sam);
        Assert.Contains("private message", retry.Message, StringComparison.Ordinal);
        Assert.Single(teams.SentInChat(sam), m => CardAssert.Describe(m).Contains(FirstQuestion, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShareYours_PressedAsASubmitMessageInTheChannel_AnswersThePresserByMentionInTheThread()
    {
        await using var teams = await PartnershipHarness.StartAsync();
        var post = await teams.SendNowAsync(await teams.CampaignAsync(), NudgeKind.TwoMinuteShare);
        var sam = teams.Member(1);
        var press = teams.Teams.Activities.CardSubmit(CardPress.Value(post.Card, "Share yours"), replyToId: post.ActivityId, user: sam, channel: teams.Channel);
        press["conversation"]!["id"] = post.ThreadId;

        using var response = await teams.Harness.PostAsync(press);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(teams.Harness.Sent(), m => m.Conversation?.Id == post.ThreadId);
        Assert.Contains("private message", reply.Text, StringComparison.Ordinal);
        var mention = Assert.Single(reply.Entities ?? [], e => e.Type == "mention");
        Assert.Equal(sam.Id, mention.Mentioned?.Id);
        Assert.StartsWith(mention.Text!, reply.Text, StringComparison.Ordinal);
        Assert.Single(teams.SentInChat(sam), m => CardAssert.Describe(m).Contains(FirstQuestion, StringComparison.Ordinal));
        await AssertChannelStateNeverWrittenAsync(teams, post);
    }

    [Fact]
    public async Task ShareYours_OnAPostTheBotNeverSent_DoesNothingAndSaysWhy()
    {
        await using var teams = await PartnershipHarness.StartAsync();
        var post = await teams.SendNowAsync(await teams.CampaignAsync(), NudgeKind.TwoMinuteShare);
        var forged = post with { DeliveryId = "spring-stories~20990101T0000~kforged" };
        var card = JsonDocument.Parse(post.Card.GetRawText().Replace(post.DeliveryId, forged.DeliveryId, StringComparison.Ordinal)).RootElement;

        var answer = await teams.PressAsync(forged, "Share yours", teams.Member(1), card);

        Assert.Contains("a post I no longer know", answer.Message, StringComparison.Ordinal);
        Assert.Empty(teams.SentInChat(teams.Member(1)));
        Assert.Empty(await teams.Service<IAttributionLedger>().ListAsync(PartnershipHarness.CampaignId, None));
    }

    [Theory]
    [InlineData(Attribution.Named, true, true)]
    [InlineData(Attribution.RoleOnly, false, true)]
    [InlineData(Attribution.Anonymous, false, false)]
    public async Task ReadIt_OnStoryOfTheDay_ShowsThePresserTheWholeStoryCreditedAsItsTellerChose(Attribution attribution, bool named, bool role)
    {
        await using var teams = await PartnershipHarness.StartAsync();
        var campaign = await teams.CampaignAsync();
        var story = await teams.ApprovedStoryAsync(attribution);
        var post = await teams.SendNowAsync(campaign, NudgeKind.StoryOfTheDay);
        var sentBefore = teams.Harness.Sent().Count;

        var answer = await teams.PressAsync(post, "Read it", teams.Member(1));

        var text = CardAssert.Text(answer.Card);
        Assert.Contains(story.Content.WhatHappened, text, StringComparison.Ordinal);
        Assert.Contains(story.Content.InformationShared, text, StringComparison.Ordinal);
        Assert.Contains(story.Content.DifferenceMade, text, StringComparison.Ordinal);
        Assert.Equal(named, answer.Card.GetRawText().Contains("Dana Whitfield", StringComparison.Ordinal));
        Assert.Equal(role, answer.Card.GetRawText().Contains("Family support worker", StringComparison.Ordinal));
        Assert.Contains("nudge.share", CardAssert.Actions(answer.Card));
        Assert.Contains(post.DeliveryId, answer.Card.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(sentBefore, teams.Harness.Sent().Count); // shown to the presser alone: nothing posted for everyone
        Assert.Empty(AdaptiveCardsParser.Validate([answer.Card.GetRawText()]).SelectMany(r => r.Errors.Concat(r.Warnings)));

        // Withdrawn by its teller: never shown again, even from the post that featured it.
        await teams.Service<IStoryStore>().WithdrawAsync(story.Id, None);
        var after = await teams.PressAsync(post, "Read it", teams.Member(2));
        Assert.Contains("isn’t in the storybook any more", after.Message, StringComparison.Ordinal);
        await AssertChannelStateNeverWrittenAsync(teams, post);
    }

    [Fact]
    public async Task ReadIt_ForAStoryThePostDidNotFeature_ShowsNothing()
    {
        await using var teams = await PartnershipHarness.StartAsync();
        var campaign = await teams.CampaignAsync();
        await teams.ApprovedStoryAsync(Attribution.Named);
        var post = await teams.SendNowAsync(campaign, NudgeKind.StoryOfTheDay);
        var unpublished = await teams.ApprovedStoryAsync(Attribution.Named, consent: false);
        var card = JsonDocument.Parse(ReplaceStoryId(post.Card, unpublished.Id)).RootElement;

        var answer = await teams.PressAsync(post, "Read it", teams.Member(1), card);

        Assert.Equal(AdaptiveCardInvokeResponse.MessageType, answer.Type);
        Assert.DoesNotContain(unpublished.Content.WhatHappened, answer.Body.GetRawText(), StringComparison.Ordinal);
    }

    private static string ReplaceStoryId(JsonElement card, string storyId)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(card.GetRawText())!;
        foreach (var action in node["actions"]!.AsArray())
        {
            if (action!["data"]?["storyId"] is not null)
            {
                action["data"]!["storyId"] = storyId;
            }
        }

        return node.ToJsonString();
    }

    internal static async Task AssertChannelStateNeverWrittenAsync(PartnershipHarness teams, ChannelPostOnTeams post)
    {
        var states = teams.Service<IConversationStateStore>();
        Assert.Null(await states.GetAsync("msteams", post.ThreadId, None));
        Assert.Null(await states.GetAsync("msteams", teams.Channel.Id, None));
    }

    internal static void AssertEveryCardParses(PartnershipHarness teams, ChannelPostOnTeams post)
    {
        var cards = teams.Harness.Sent().SelectMany(m => m.Attachments ?? []).Where(a => a.Content is { ValueKind: JsonValueKind.Object }).Select(a => a.Content!.Value.GetRawText())
            .Append(post.Card.GetRawText()).ToList();
        var problems = AdaptiveCardsParser.Validate(cards).Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => $"card {p.Index}: {string.Join("; ", p.Errors.Concat(p.Warnings).Select(e => e.Message))}")));
    }
}
