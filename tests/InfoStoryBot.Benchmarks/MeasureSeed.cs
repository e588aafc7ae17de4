using System.Diagnostics;
using System.Globalization;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Stories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Benchmarks;

/// <summary>
/// One campaign of N stories for the report and export benchmarks, written through the real stores (story items and
/// storybook index entries), plus its nudges: 40 channels × 60 slots of deliveries, presses on them, and one story
/// in twenty submitted after a press. Statuses: 70% approved (19 in 20 of them consented), 15% submitted, 10%
/// rejected, 5% drafts. A marker makes a kept folder (--path) reusable between runs.
/// </summary>
internal static class MeasureSeed
{
    public const string CampaignId = "bench-campaign";
    public const int Channels = 40;
    public const int Slots = 60;
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    /// <param name="exportable">
    /// For the export benchmark: <paramref name="count"/> approved, consented stories (so an export holds exactly that
    /// many), plus one in fifty more that it must leave out (submitted, rejected, drafts, unconsented).
    /// </param>
    public static async Task<double> SeedAsync(IBlobStore blobs, int count, bool exportable = false)
    {
        var marker = $"bench/measure-seeded-{count.ToString(CultureInfo.InvariantCulture)}{(exportable ? "-exportable" : "")}";
        if (await blobs.ReadAsync(marker, CancellationToken.None) is not null)
        {
            Console.WriteLine("reusing the campaign seeded by an earlier run in this folder");
            return 0;
        }

        var watch = Stopwatch.StartNew();
        var time = TimeProvider.System;
        await new CampaignStore(blobs).SaveAsync(new Campaign
        {
            Id = CampaignId,
            Name = "Benchmark #infostory",
            StartDate = DateOnly.FromDateTime(Start.UtcDateTime),
            EndDate = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(Slots * 7 / 5),
            TargetChannelIds = [.. Enumerable.Range(0, Channels).Select(Channel)],
            State = CampaignState.Running,
            Goal = "A story from every partner",
            CreatedAt = Start,
            UpdatedAt = Start,
        }, null, CancellationToken.None);

        // Deliveries are seeded the way the fan-out records them: claimed in the send ledger, then completed as sent.
        var proactive = Options.Create(new ProactiveOptions());
        var sends = new SendLedger(blobs, proactive, time);
        var ledger = new DeliveryLedger(sends, proactive, time);
        var deliveries = new string[Channels * Slots];
        await Parallel.ForEachAsync(Enumerable.Range(0, deliveries.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var key = new DeliveryKey(CampaignId, Start.AddDays(i / Channels), Channel(i % Channels));
            var details = key.Details();
            details[DeliveryDetails.Entry] = "two-minute-share";
            var claimed = await sends.TryClaimAsync(new SendRequest(key.SendKey, key.ChannelId, details), ct);
            await sends.CompleteAsync(claimed.Claim!, new SendCompletion(SendStatus.Sent) { ActivityId = "1:bench" }, ct);
            deliveries[i] = key.Id;
        });
        Console.WriteLine($"  seeded {deliveries.Length:N0} deliveries in {watch.Elapsed.TotalSeconds:F0} s");

        var store = new StoryStore(blobs, NullLogger<StoryStore>.Instance);
        var attribution = new AttributionLedger(blobs, ledger, Options.Create(new ExperimentsOptions()), time, NullLogger<AttributionLedger>.Instance);
        var done = 0;
        var total = exportable ? count + count / 50 : count;
        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var story = MakeStory(i, total, i % 20 == 0 ? deliveries[i % deliveries.Length] : null);
            if (exportable)
            {
                story = i < count
                    ? story with { Status = StoryStatus.Approved, Content = story.Content with { ConsentToPublish = true } }
                    : story with { Status = (StoryStatus)(i % 4), Content = story.Content with { ConsentToPublish = i % 4 != (int)StoryStatus.Approved } };
            }

            await store.CreateAsync(story, ct);
            if (story.Origin is { } origin)
            {
                await attribution.RecordPressAsync(origin.DeliveryId, null, story.Teller.AadObjectId, ct);
                await attribution.RecordStorySubmittedAsync(origin, story.Id, story.Teller.AadObjectId, time.GetUtcNow(), ct);
            }

            var n = Interlocked.Increment(ref done);
            if (n % Math.Max(1, total / 10) == 0)
            {
                Console.WriteLine($"  seeded {n:N0}/{total:N0} stories in {watch.Elapsed.TotalSeconds:F0} s");
            }
        });

        await blobs.WriteAsync(marker, ReadOnlyMemory<byte>.Empty, WriteCondition.Always, CancellationToken.None);
        return watch.Elapsed.TotalSeconds;
    }

    private static string Channel(int i) => $"19:bench{i.ToString("D3", CultureInfo.InvariantCulture)}@thread.tacv2";

    private static Story MakeStory(int i, int count, string? delivery)
    {
        var random = new Random(i);
        var createdAt = Start + TimeSpan.FromTicks(TimeSpan.FromDays(Slots * 7 / 5).Ticks / count * i);
        var status = random.Next(100) switch
        {
            < 70 => StoryStatus.Approved,
            < 85 => StoryStatus.Submitted,
            < 95 => StoryStatus.Rejected,
            _ => StoryStatus.Draft,
        };
        return new Story
        {
            Id = StoryIdGenerator.New(createdAt),
            CampaignId = CampaignId,
            Status = status,
            Featured = status == StoryStatus.Approved && random.Next(20) == 0,
            Content = new StoryContent
            {
                Title = i % 97 == 0 ? $"=HYPERLINK(\"x\") story {i}" : $"Story {i}: the review where everyone already knew",
                WhatHappened = "The school, the health visitor and the housing officer met before the review and agreed what to share. "
                    + "Because the plan was shared the day before, the family told their story once, and nobody had to ask them again. "
                    + "It took one phone call and a shared note, and it changed how the partners talk to each other.",
                WhoWasInvolved = ["school", "health visiting", "housing"],
                InformationShared = "The care plan and the school attendance record, with the family's agreement.",
                DifferenceMade = "The family did not have to repeat themselves; support started a week earlier.",
                Pillars = [.. Enum.GetValues<Pillar>().Where(_ => random.Next(3) == 0).DefaultIfEmpty((Pillar)random.Next(3))],
                Elements = [.. Enum.GetValues<PartnershipElement>().Where(_ => random.Next(5) == 0).DefaultIfEmpty((PartnershipElement)random.Next(6))],
                Kind = random.Next(4) == 0 ? StoryKind.Barrier : StoryKind.Success,
                Attribution = (Attribution)random.Next(3),
                TellerName = "Sam Jones",
                TellerRole = "Family support worker",
                TellerOrganisation = "Northshire County Council",
                ConsentToPublish = random.Next(20) != 0,
            },
            Teller = new StoryTeller($"00000000-0000-0000-0000-{random.Next(5000).ToString("D12", CultureInfo.InvariantCulture)}", null, "Teller"),
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            SubmittedAt = status == StoryStatus.Draft ? null : createdAt,
            ModeratedAt = status is StoryStatus.Approved or StoryStatus.Rejected ? createdAt.AddHours(2) : null,
            Origin = delivery is null ? null : new StoryOrigin(delivery, null),
        };
    }

    /// <summary>VmHWM of this process (Linux); null elsewhere.</summary>
    public static double? PeakMemoryMb()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return null;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
