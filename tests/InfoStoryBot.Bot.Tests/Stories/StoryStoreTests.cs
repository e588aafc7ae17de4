using System.Text;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Tests.Storage;
using InfoStoryBot.Dialogs.Stories;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfoStoryBot.Bot.Tests.Stories;

public abstract class StoryStoreTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private StoryStore Store => new(Blobs, NullLogger<StoryStore>.Instance);

    internal static Story NewStory(
        int minutes,
        StoryStatus status = StoryStatus.Approved,
        string? campaign = null,
        Pillar[]? pillars = null,
        PartnershipElement[]? elements = null,
        string teller = "teller-1",
        bool consent = true,
        string title = "Sharing a care plan")
    {
        var createdAt = Start.AddMinutes(minutes);
        return new Story
        {
            Id = StoryIdGenerator.New(createdAt),
            CampaignId = campaign,
            Status = status,
            Content = new StoryContent
            {
                Title = title,
                WhatHappened = "The school and the health visitor spoke before the review.",
                Pillars = pillars ?? [Pillar.Culture],
                Elements = elements ?? [PartnershipElement.Communication],
                ConsentToPublish = consent,
            },
            Teller = new StoryTeller(teller, "29:" + teller, "Sam Teller"),
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
    }

    private async Task<List<Story>> SeedAsync(params Story[] stories)
    {
        foreach (var story in stories)
        {
            await Store.CreateAsync(story, None);
        }

        return [.. stories];
    }

    private async Task<List<string>> AllIdsAsync(StoryQuery query)
    {
        var ids = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await Store.ListAsync(query, continuation, None);
            Assert.True(page.Stories.Count <= query.PageSize);
            ids.AddRange(page.Stories.Select(s => s.Value.Id));
            continuation = page.Continuation;
        }
        while (continuation is not null && ++pages < 100);

        return ids;
    }

    [Fact]
    public async Task Create_ThenGet_ReturnsStoryWithETag()
    {
        var story = NewStory(0);
        var etag = await Store.CreateAsync(story, None);

        var loaded = await Store.GetAsync(story.Id, None);

        Assert.Equal(etag, loaded!.ETag);
        Assert.Equal(story.Content.Title, loaded.Value.Content.Title);
        Assert.Equal(story.Teller, loaded.Value.Teller);
    }

    [Fact]
    public async Task Create_SameIdTwice_ThrowsConflict()
    {
        var story = NewStory(0);
        await Store.CreateAsync(story, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CreateAsync(story, None));
    }

    [Fact]
    public async Task Create_AgainAfterACreateCutOffBeforeItsIndex_FinishesTheIndexAndStillThrowsConflict()
    {
        // What a storage outage between the two steps of a create leaves: the story, none of its entries.
        var story = NewStory(0);
        await Blobs.WriteAsync(StorybookIndex.StoryName(story.Id), StorageJson.Serialize(story), WriteCondition.IfAbsent, None);
        Assert.Empty(await AllIdsAsync(new StoryQuery { Status = null, TellerAadObjectId = "teller-1" }));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CreateAsync(story, None));

        Assert.Equal([story.Id], await AllIdsAsync(new StoryQuery { Status = null, TellerAadObjectId = "teller-1" }));
        Assert.Equal(new IndexRebuildReport(1, 0, 0, 0), await Store.RebuildIndexAsync(None));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("not-an-id")]
    public async Task Get_MalformedId_ReturnsNull(string id)
    {
        Assert.Null(await Store.GetAsync(id, None));
    }

    [Fact]
    public async Task List_Storybook_NewestApprovedConsentedFirst()
    {
        var stories = await SeedAsync(
            NewStory(1), NewStory(2, StoryStatus.Submitted), NewStory(3), NewStory(4, consent: false), NewStory(5));

        var page = await Store.ListAsync(StoryQuery.Storybook(), null, None);

        Assert.Equal([stories[4].Id, stories[2].Id, stories[0].Id], page.Stories.Select(s => s.Value.Id));
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task List_Paging_VisitsEveryMatchOnceNewestFirst()
    {
        var stories = Enumerable.Range(0, 25).Select(i => NewStory(i, pillars: i % 2 == 0 ? [Pillar.Technology] : [Pillar.Culture])).ToArray();
        await Parallel.ForEachAsync(stories, async (s, ct) => await Store.CreateAsync(s, ct));

        var all = await AllIdsAsync(new StoryQuery { PageSize = 7 });
        var technology = await AllIdsAsync(new StoryQuery { Pillar = Pillar.Technology, PageSize = 4 });

        Assert.Equal(stories.Reverse().Select(s => s.Id), all);
        Assert.Equal(stories.Where((_, i) => i % 2 == 0).Reverse().Select(s => s.Id), technology);
    }

    [Fact]
    public async Task List_Filters_CampaignPillarElementStatusTeller()
    {
        var stories = await SeedAsync(
            NewStory(1, campaign: "spring", pillars: [Pillar.Culture, Pillar.Technology], elements: [PartnershipElement.Creativity]),
            NewStory(2, campaign: "spring", pillars: [Pillar.InformationGovernance]),
            NewStory(3, campaign: "autumn", pillars: [Pillar.Technology], elements: [PartnershipElement.Creativity, PartnershipElement.Partners]),
            NewStory(4, StoryStatus.Submitted, campaign: "spring", teller: "teller-2"),
            NewStory(5, StoryStatus.Rejected, teller: "teller-2"));

        Assert.Equal([stories[1].Id, stories[0].Id], await AllIdsAsync(new StoryQuery { CampaignId = "spring" }));
        Assert.Equal([stories[2].Id, stories[0].Id], await AllIdsAsync(new StoryQuery { Pillar = Pillar.Technology }));
        Assert.Equal([stories[2].Id, stories[0].Id], await AllIdsAsync(new StoryQuery { Element = PartnershipElement.Creativity }));
        Assert.Equal([stories[0].Id], await AllIdsAsync(new StoryQuery { CampaignId = "spring", Pillar = Pillar.Technology }));
        Assert.Equal([stories[2].Id], await AllIdsAsync(new StoryQuery { Pillar = Pillar.Technology, Element = PartnershipElement.Partners }));
        Assert.Equal([stories[3].Id], await AllIdsAsync(new StoryQuery { Status = StoryStatus.Submitted }));
        Assert.Equal([stories[4].Id, stories[3].Id], await AllIdsAsync(new StoryQuery { Status = null, TellerAadObjectId = "teller-2" }));
    }

    [Fact]
    public async Task List_WithoutStatusOrTeller_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync(new StoryQuery { Status = null }, null, None));
    }

    [Fact]
    public async Task List_ForeignContinuation_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync(new StoryQuery(), "not a token!", None));
    }

    [Fact]
    public async Task Update_StatusChange_MovesStoryBetweenLists()
    {
        var story = NewStory(1, StoryStatus.Submitted, pillars: [Pillar.Culture]);
        var etag = await Store.CreateAsync(story, None);

        await Store.UpdateAsync(story with { Status = StoryStatus.Approved, Content = story.Content with { Pillars = [Pillar.Technology] } }, etag, None);

        Assert.Empty(await AllIdsAsync(new StoryQuery { Status = StoryStatus.Submitted }));
        Assert.Equal([story.Id], await AllIdsAsync(new StoryQuery { Status = StoryStatus.Approved, Pillar = Pillar.Technology }));
        Assert.Empty(await AllIdsAsync(new StoryQuery { Status = StoryStatus.Approved, Pillar = Pillar.Culture }));
        Assert.DoesNotContain(await AllNamesAsync(), n => n.Contains("/submitted/", StringComparison.Ordinal) || n.Contains("/culture/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_StaleETag_ThrowsConflictAndChangesNothing()
    {
        var story = NewStory(1, StoryStatus.Submitted);
        var stale = await Store.CreateAsync(story, None);
        await Store.UpdateAsync(story with { Featured = true }, stale, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.UpdateAsync(story with { Status = StoryStatus.Rejected }, stale, None));

        Assert.Equal(StoryStatus.Submitted, (await Store.GetAsync(story.Id, None))!.Value.Status);
    }

    [Fact]
    public async Task Update_TwoModeratorsAtOnce_OneWinsIndexMatchesWinner()
    {
        var story = NewStory(1, StoryStatus.Submitted);
        var etag = await Store.CreateAsync(story, None);

        var outcomes = await Task.WhenAll(new[] { StoryStatus.Approved, StoryStatus.Rejected }.Select(async status =>
        {
            try
            {
                await Store.UpdateAsync(story with { Status = status }, etag, None);
                return (status, won: true);
            }
            catch (ConcurrencyConflictException)
            {
                return (status, won: false);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.won).status;
        Assert.Equal(winner, (await Store.GetAsync(story.Id, None))!.Value.Status);
        var indexed = (await AllNamesAsync()).Where(n => n.StartsWith("storybook/all/", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"storybook/all/{winner.ToString().ToLowerInvariant()}/"], indexed.Select(n => n[..(n.IndexOf('/', 14) + 1)]));
    }

    [Fact]
    public async Task List_StrayEntryFromInterruptedChange_IsNotShownAndIsRemoved()
    {
        var story = NewStory(1, StoryStatus.Submitted);
        await Store.CreateAsync(story, None);
        // As if a process died after writing the story's old "approved" entry was never cleaned up.
        var stray = StorybookIndex.EntriesFor(story with { Status = StoryStatus.Approved })[0];
        await Blobs.WriteAsync(stray, ReadOnlyMemory<byte>.Empty, WriteCondition.Always, None);

        var page = await Store.ListAsync(new StoryQuery(), null, None);

        Assert.Empty(page.Stories);
        Assert.Null(await Blobs.ReadAsync(stray, None));
    }

    [Fact]
    public async Task RebuildIndex_AfterDrift_RestoresMissingAndRemovesStray()
    {
        var stories = await SeedAsync(NewStory(1, campaign: "spring"), NewStory(2, StoryStatus.Submitted));
        var expected = (await AllNamesAsync()).Where(n => n.StartsWith(StorybookIndex.IndexPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        await Blobs.DeleteAsync(StorybookIndex.EntriesFor(stories[0])[0], null, None);
        await Blobs.DeleteAsync(StorybookIndex.EntriesFor(stories[1])[^1], null, None);
        await Blobs.WriteAsync(StorybookIndex.EntriesFor(stories[1] with { Status = StoryStatus.Rejected })[0], ReadOnlyMemory<byte>.Empty, WriteCondition.Always, None);

        var report = await Store.RebuildIndexAsync(None);

        Assert.Equal(new IndexRebuildReport(2, 2, 1, 0), report);
        var rebuilt = (await AllNamesAsync()).Where(n => n.StartsWith(StorybookIndex.IndexPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, rebuilt);
    }

    [Fact]
    public async Task Withdraw_Story_LeavesNothingOfItInStorage()
    {
        const string secretTitle = "Withdrawn-title-xyzzy";
        var keep = NewStory(1, campaign: "spring", pillars: [Pillar.Culture]);
        var gone = NewStory(2, campaign: "spring", pillars: [Pillar.Culture, Pillar.Technology, Pillar.InformationGovernance],
            elements: Enum.GetValues<PartnershipElement>(), teller: "teller-gone", title: secretTitle);
        await SeedAsync(keep, gone);
        var etag = (await Store.GetAsync(gone.Id, None))!.ETag;
        await Store.UpdateAsync(gone with { Featured = true }, etag, None);

        Assert.True(await Store.WithdrawAsync(gone.Id, None));

        Assert.Null(await Store.GetAsync(gone.Id, None));
        var names = await AllNamesAsync();
        Assert.DoesNotContain(names, n => n.Contains(gone.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains(BlobNames.EncodeKey("teller-gone"), StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains(keep.Id, StringComparison.Ordinal));
        foreach (var name in names)
        {
            var blob = await Blobs.ReadAsync(name, None);
            Assert.DoesNotContain(secretTitle, Encoding.UTF8.GetString(blob!.Content.Span), StringComparison.Ordinal);
        }

        if (LocalRoot is { } root)
        {
            // Below the seam too: no file or folder names it, no file holds its text (temporary files included).
            foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
            {
                Assert.DoesNotContain(gone.Id, path, StringComparison.Ordinal);
                if (File.Exists(path))
                {
                    Assert.DoesNotContain(secretTitle, await File.ReadAllTextAsync(path), StringComparison.Ordinal);
                }
            }
        }

        Assert.Equal([keep.Id], await AllIdsAsync(new StoryQuery()));
        Assert.False(await Store.WithdrawAsync(gone.Id, None));
    }

    [Fact]
    public async Task RebuildIndex_InterruptedWithdrawal_IsCompleted()
    {
        var story = NewStory(1);
        await Store.CreateAsync(story, None);
        // As if the process died right after blanking the story during withdrawal.
        var name = StorybookIndex.StoryName(story.Id);
        await Blobs.WriteAsync(name, StorageJson.Serialize(story with { Status = StoryStatus.Withdrawn, Content = new StoryContent() }), WriteCondition.Always, None);

        Assert.Empty((await Store.ListAsync(new StoryQuery(), null, None)).Stories);
        var report = await Store.RebuildIndexAsync(None);

        Assert.Equal(1, report.WithdrawalsCompleted);
        Assert.DoesNotContain(await AllNamesAsync(), n => n.Contains(story.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_Story_NeverContainsText()
    {
        var story = NewStory(1, title: "Secret title");

        Assert.DoesNotContain("Secret", story.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("health visitor", story.ToString(), StringComparison.Ordinal);
    }
}

public sealed class LocalStoryStoreTests : StoryStoreTests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteStoryStoreTests(AzuriteFixture azurite) : StoryStoreTests
{
    protected override AzuriteFixture Azurite => azurite;
}
