using System.Collections.Concurrent;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Nudges;
using Microsoft.Extensions.Options;
using NodaTime;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>What happened in one channel for one slot (now, or earlier when <see cref="Earlier"/>).</summary>
/// <param name="Status">Sent, Skipped (see <see cref="Skip"/>), Failed, Gone (it answered 403/404 now), Unknown, Sending (another instance has it) or Missed.</param>
/// <param name="EntryId">The catalogue entry posted (or that would have been).</param>
/// <param name="Earlier">The channel already had a record for this slot: nothing was sent now.</param>
public sealed record ChannelDelivery(
    string ChannelId,
    string ChannelName,
    string DeliveryId,
    DeliveryStatus Status,
    SkipReason? Skip = null,
    string? EntryId = null,
    string? StoryId = null,
    string? Reason = null,
    bool Retryable = false,
    bool Earlier = false)
{
    /// <summary>Nothing more will happen to this channel for this slot.</summary>
    public bool IsFinal => Status != DeliveryStatus.Sending && !(Status == DeliveryStatus.Failed && Retryable);
}

/// <summary>What <c>nudge preview</c> shows: the nudge as composed for <paramref name="Channel"/> (null when the campaign has no registered channel).</summary>
/// <param name="PostsToday">Posts that channel already had on the campaign's local day; at <paramref name="DailyLimit"/> a send would skip it.</param>
public sealed record NudgePreviewResult(ComposedNudge Nudge, NudgeChannel? Channel, int PostsToday, int DailyLimit);

/// <summary>A fan-out's result, channel by channel, in the campaign's channel order.</summary>
public sealed record FanOutReport(string CampaignId, DateTimeOffset SlotUtc, IReadOnlyList<ChannelDelivery> Channels)
{
    public int Sent => Channels.Count(c => c.Status == DeliveryStatus.Sent);

    public int Skipped => Channels.Count(c => c.Status == DeliveryStatus.Skipped);

    public int Failed => Channels.Count(c => c.Status == DeliveryStatus.Failed);

    /// <summary>Channels that answered 403/404 now (marked gone, admins told).</summary>
    public int Gone => Channels.Count(c => c.Status == DeliveryStatus.Gone);

    public int Unknown => Channels.Count(c => c.Status == DeliveryStatus.Unknown);

    /// <summary>Every channel has its final record: the scheduler need not come back to this slot.</summary>
    public bool IsComplete { get; init; } = true;
}

/// <summary>
/// Fan-out (house style 16's "act" half): for a due slot, each target channel of the campaign gets one new
/// thread, at most once, through the proactive sender and the delivery ledger. Muted and gone channels, and
/// channels at their daily limit, are skipped and the skip recorded; a channel answering 403/404 is marked gone
/// and the admins told once. Campaign-wide facts are read once per slot; each channel adds its own history.
/// </summary>
/// <remarks>
/// This is what the scheduler runs for a slot and what <c>nudge send-now</c> calls (<see cref="SendNowAsync"/>).
/// Correctness with several instances and after a crash comes from the ledger (each (slot, channel) claimed by
/// create-if-absent before the request leaves); the scheduler's lease only stops two instances spending the
/// tenant's budget on the same slot at once.
/// </remarks>
public sealed partial class NudgeFanOut(
    INudgeComposer composer,
    IDeliveryLedger deliveries,
    IProactiveSender sender,
    NudgeChannels channels,
    IFeaturedStories featured,
    ChannelGoneNotices notices,
    IOptions<NudgeOptions> options,
    IOptions<BotAuthenticationOptions> bot,
    TimeProvider time,
    ILogger<NudgeFanOut> log)
{
    /// <summary>Posts a scheduled slot to its channels (the timetable's channels at the time of the slot).</summary>
    public Task<FanOutReport> SendSlotAsync(Campaign campaign, CampaignSlot slot, CancellationToken cancellationToken) =>
        SendSlotAsync(campaign, slot, CancellationToken.None, cancellationToken);

    /// <summary>As <see cref="SendSlotAsync(Campaign, CampaignSlot, CancellationToken)"/>; once <paramref name="stopStarting"/> fires, channels not begun are left for later and in-flight ones finish.</summary>
    internal Task<FanOutReport> SendSlotAsync(Campaign campaign, CampaignSlot slot, CancellationToken stopStarting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(slot);
        return RunAsync(campaign, slot.Utc, slot.LocalDate, slot.TargetChannelIds, requested: null, actor: null, stopStarting, cancellationToken);
    }

    /// <summary>
    /// Posts to the campaign's channels now (<c>nudge send-now</c>), through the same ledger, limits and daily cap as a
    /// scheduled slot: <paramref name="entry"/> when the admin named one, otherwise the plan's entry for today. The
    /// slot is this minute, so a repeated command within the minute sends nothing twice.
    /// </summary>
    /// <param name="actor">The admin's Entra object id, kept with each delivery.</param>
    public Task<FanOutReport> SendNowAsync(Campaign campaign, NudgeKind? entry, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var now = time.GetUtcNow();
        var slotUtc = new DateTimeOffset(now.UtcDateTime.Ticks - (now.UtcDateTime.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        return RunAsync(campaign, slotUtc, CampaignCalendar.Today(campaign, now), campaign.TargetChannelIds, entry, actor, CancellationToken.None, cancellationToken);
    }

    /// <summary>
    /// What <c>nudge send-now</c> would post in the campaign's first registered channel now (<c>nudge preview</c>): the
    /// same facts, the same day's history and the same composer, without claiming or sending anything. The buttons
    /// carry a delivery id no ledger holds, so a press on the preview does nothing.
    /// </summary>
    public async Task<NudgePreviewResult> PreviewAsync(Campaign campaign, NudgeKind? entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var now = time.GetUtcNow();
        var slotUtc = new DateTimeOffset(now.UtcDateTime.Ticks - (now.UtcDateTime.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var localDate = CampaignCalendar.Today(campaign, now);
        var directory = await channels.LoadAsync(cancellationToken);
        var channel = campaign.TargetChannelIds.Select(id => directory.GetValueOrDefault(id)).FirstOrDefault(c => c is not null);
        var today = await PostedTodayAsync(campaign, localDate, slotUtc, cancellationToken);
        var day = channel is null ? null : today.GetValueOrDefault(channel.ChannelId);
        var facts = await composer.CampaignFactsAsync(campaign, localDate, now, cancellationToken);
        var channelId = channel?.ChannelId ?? (campaign.TargetChannelIds.Count > 0 ? campaign.TargetChannelIds[0] : "preview");
        var composed = await composer.ComposeAsync(facts, channelId, PreviewDeliveryId, entry, day?.Entries ?? [], cancellationToken);
        return new NudgePreviewResult(composed, channel, day?.Posts ?? 0, options.Value.MaxPostsPerChannelPerDay);
    }

    /// <summary>The delivery id on a preview's buttons: never in the ledger, so a press is answered as an unknown post.</summary>
    public const string PreviewDeliveryId = "preview";

    /// <summary>Records a slot that is past its grace window as missed in every channel that has no record for it.</summary>
    public async Task<FanOutReport> RecordMissedAsync(Campaign campaign, CampaignSlot slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(slot);
        var existing = (await deliveries.ListForSlotAsync(campaign.Id, slot.Utc, cancellationToken)).ToDictionary(d => d.ChannelId, StringComparer.Ordinal);
        var results = new List<ChannelDelivery>();
        var recorded = 0;
        foreach (var channelId in slot.TargetChannelIds.Distinct(StringComparer.Ordinal))
        {
            if (existing.TryGetValue(channelId, out var known))
            {
                results.Add(FromRecord(known, channelId, earlier: true));
                continue;
            }

            var missed = await deliveries.RecordUnsentAsync(
                new DeliveryKey(campaign.Id, slot.Utc, channelId), DeliveryStatus.Missed, null,
                $"The slot at {slot.Display} was more than {options.Value.GraceWindow} ago when the scheduler found it.", cancellationToken);
            recorded++;
            results.Add(FromRecord(missed, channelId, earlier: false));
        }

        if (recorded > 0)
        {
            LogMissed(log, campaign.Id, slot.Utc, recorded);
        }

        return new FanOutReport(campaign.Id, slot.Utc, results);
    }

    private async Task<FanOutReport> RunAsync(
        Campaign campaign, DateTimeOffset slotUtc, DateOnly localDate, IReadOnlyList<string> targets, NudgeKind? requested, string? actor,
        CancellationToken stopStarting, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var targetIds = targets.Distinct(StringComparer.Ordinal).ToList();
        var existing = (await deliveries.ListForSlotAsync(campaign.Id, slotUtc, cancellationToken)).ToDictionary(d => d.ChannelId, StringComparer.Ordinal);
        var results = new ConcurrentDictionary<string, ChannelDelivery>(StringComparer.Ordinal);
        var todo = new List<string>();
        foreach (var channelId in targetIds)
        {
            if (existing.TryGetValue(channelId, out var known) && !NeedsAttention(known))
            {
                results[channelId] = FromRecord(known, channelId, earlier: true);
            }
            else
            {
                todo.Add(channelId);
            }
        }

        if (todo.Count > 0)
        {
            var directory = await channels.LoadAsync(cancellationToken);
            var today = await PostedTodayAsync(campaign, localDate, slotUtc, cancellationToken);
            var facts = await composer.CampaignFactsAsync(campaign, localDate, time.GetUtcNow(), cancellationToken);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.FanOutConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(todo, parallel, async (channelId, ct) =>
            {
                if (stopStarting.IsCancellationRequested)
                {
                    return; // left for whoever holds the slot next; the report says it is not complete
                }

                var key = new DeliveryKey(campaign.Id, slotUtc, channelId);
                try
                {
                    results[channelId] = await DeliverAsync(key, directory.GetValueOrDefault(channelId), facts, requested, actor, today.GetValueOrDefault(channelId), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // Storage trouble before or after the send: what was claimed is in the ledger either way, and an
                    // unclaimed channel is tried again at the next tick.
                    LogChannelFailed(log, e, campaign.Id, channelId);
                    results[channelId] = new ChannelDelivery(channelId, Name(directory, channelId), key.Id, DeliveryStatus.Failed, Reason: "The bot could not read or write its storage.", Retryable: true);
                }
            });
        }

        var ordered = targetIds.Where(results.ContainsKey).Select(id => results[id]).ToList();
        var report = new FanOutReport(campaign.Id, slotUtc, ordered) { IsComplete = ordered.Count == targetIds.Count && ordered.All(c => c.IsFinal) };
        if (todo.Count > 0)
        {
            LogFanOut(log, campaign.Id, slotUtc, report.Sent, report.Skipped, report.Failed, report.Gone, report.Unknown, targetIds.Count);
        }

        return report;
    }

    private async Task<ChannelDelivery> DeliverAsync(
        DeliveryKey key, NudgeChannel? channel, CampaignNudgeFacts facts, NudgeKind? requested, string? actor, ChannelDay? today, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var name = channel?.DisplayName ?? key.ChannelId;
        if (channel is null)
        {
            return await SkipAsync(key, name, SkipReason.NotRegistered, "The channel is not registered: the bot is not installed in its team (or the channel was deleted).", cancellationToken);
        }

        if (channel.Channel.Muted)
        {
            return await SkipAsync(key, name, SkipReason.Muted, "The channel is muted.", cancellationToken);
        }

        if (channel.Channel.Gone is { } gone)
        {
            return await SkipAsync(key, name, SkipReason.Gone, $"The channel has been gone since {gone.GoneAt:u} ({gone.Reason}).", cancellationToken);
        }

        if (today is not null && today.Posts >= settings.MaxPostsPerChannelPerDay)
        {
            return await SkipAsync(key, name, SkipReason.DailyLimit, $"The channel already had {today.Posts} post(s) that day (Nudges:MaxPostsPerChannelPerDay is {settings.MaxPostsPerChannelPerDay}).", cancellationToken);
        }

        var composed = await composer.ComposeAsync(facts, key.ChannelId, key.Id, requested, today?.Entries ?? [], cancellationToken);
        var decision = composed.Decision;
        var details = key.Details();
        details[DeliveryDetails.Entry] = decision.Entry.Id;
        details[DeliveryDetails.Planned] = NudgeCatalogue.Get(decision.Planned).Id;
        if (decision.Variant is { } variant)
        {
            details[DeliveryDetails.Variant] = variant;
        }

        if (decision.StoryId is { } storyId)
        {
            details[DeliveryDetails.Story] = storyId;
        }

        if (actor is not null)
        {
            details[DeliveryDetails.SentBy] = actor;
        }

        var result = await sender.SendToChannelAsync(new ChannelPost(key.SendKey, channel.Address(bot.Value.MicrosoftAppId), composed.Activity, details), cancellationToken);
        var record = result.Record;
        switch (result.Outcome)
        {
            case ProactiveOutcome.AlreadyHandled:
                var stands = await deliveries.GetAsync(key.Id, cancellationToken);
                return stands is null
                    ? new ChannelDelivery(key.ChannelId, name, key.Id, DeliveryStatus.Sending, Reason: "Another instance is sending it.")
                    : FromRecord(stands, name, earlier: true);

            case ProactiveOutcome.Sent or ProactiveOutcome.Unknown when decision.StoryId is { } featuredId:
                // An unknown post may have shown the story: counting it keeps the rotation from repeating it too soon.
                await featured.AddAsync(key.CampaignId, key.ChannelId, new FeaturedStory(featuredId, key.Id, time.GetUtcNow()), cancellationToken);
                break;

            case ProactiveOutcome.Gone:
                if (await channels.MarkGoneAsync(key.ChannelId, $"{record.StatusCode} {record.ErrorCode}".Trim(), cancellationToken) is { } goneAt)
                {
                    await notices.TellAsync(channel, goneAt, facts.Campaign.Name, record.StatusCode, record.ErrorCode, cancellationToken);
                }

                break;
        }

        var status = result.Outcome switch
        {
            ProactiveOutcome.Sent => DeliveryStatus.Sent,
            ProactiveOutcome.Gone => DeliveryStatus.Gone,
            ProactiveOutcome.Unknown => DeliveryStatus.Unknown,
            _ => DeliveryStatus.Failed,
        };
        return new ChannelDelivery(key.ChannelId, name, key.Id, status, EntryId: decision.Entry.Id, StoryId: decision.StoryId, Reason: record.Reason, Retryable: result.Retryable);
    }

    private async Task<ChannelDelivery> SkipAsync(DeliveryKey key, string name, SkipReason skip, string reason, CancellationToken cancellationToken)
    {
        var record = await deliveries.RecordUnsentAsync(key, DeliveryStatus.Skipped, skip, reason, cancellationToken);
        return FromRecord(record, name, earlier: record.Skip != skip || record.Status != DeliveryStatus.Skipped);
    }

    /// <summary>
    /// What each channel already got on the slot's local day (other slots of that day, send-now posts included),
    /// for the daily limit and so a second post that day is a different entry.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, ChannelDay>> PostedTodayAsync(Campaign campaign, DateOnly localDate, DateTimeOffset slotUtc, CancellationToken cancellationToken)
    {
        var zone = CampaignZones.Find(campaign.TimeZone);
        if (zone is null)
        {
            return new Dictionary<string, ChannelDay>();
        }

        var dayStart = zone.AtStartOfDay(LocalDate.FromDateOnly(localDate)).ToInstant().ToDateTimeOffset();
        var dayEnd = zone.AtStartOfDay(LocalDate.FromDateOnly(localDate.AddDays(1))).ToInstant().ToDateTimeOffset();
        var thisSlot = DeliveryIds.Slot(slotUtc);
        var records = await deliveries.ListBetweenAsync(campaign.Id, dayStart, dayEnd, cancellationToken);
        return records
            .Where(r => r.CountsAsPosted && DeliveryIds.Slot(r.SlotUtc) != thisSlot)
            .GroupBy(r => r.ChannelId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => new ChannelDay(g.Count(), g.Select(r => NudgeCatalogue.TryFind(r.NudgeId, out var entry) ? entry.Kind : (NudgeKind?)null).OfType<NudgeKind>().ToList()),
                StringComparer.Ordinal);
    }

    /// <summary>A record worth another go: a retryable failure, or a claim whose instance died (to be marked unknown).</summary>
    private static bool NeedsAttention(DeliveryRecord record) =>
        (record.Status == DeliveryStatus.Failed && record.Retryable)
        || (record.Status == DeliveryStatus.Unknown && record.CompletedAt is null);

    private static ChannelDelivery FromRecord(DeliveryRecord record, string name, bool earlier) => new(
        record.ChannelId, name, record.Id, record.Status, record.Skip, record.NudgeId, record.StoryId, record.Reason, record.Retryable, earlier);

    private static string Name(IReadOnlyDictionary<string, NudgeChannel> directory, string channelId) =>
        directory.TryGetValue(channelId, out var channel) ? channel.DisplayName : channelId;

    private sealed record ChannelDay(int Posts, IReadOnlyList<NudgeKind> Entries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fan-out {CampaignId} slot {SlotUtc:u}: {Sent} sent, {Skipped} skipped, {Failed} failed, {Gone} gone, {Unknown} unknown of {Channels} channels")]
    private static partial void LogFanOut(ILogger logger, string campaignId, DateTimeOffset slotUtc, int sent, int skipped, int failed, int gone, int unknown, int channels);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fan-out {CampaignId}: channel {ChannelId} could not be handled; it is tried again at the next tick")]
    private static partial void LogChannelFailed(ILogger logger, Exception exception, string campaignId, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId} slot {SlotUtc:u} was missed in {Count} channels (past the grace window)")]
    private static partial void LogMissed(ILogger logger, string campaignId, DateTimeOffset slotUtc, int count);
}
