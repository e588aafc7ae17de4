using System.Collections.Concurrent;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Concurrency;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Dialogs.Campaigns;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>
/// Every <see cref="NudgeOptions.TickInterval"/>, <see cref="NudgeSchedulerTick"/> finds what is due and acts on it
/// (the loop itself: <see cref="PeriodicTickService"/>).
/// </summary>
public sealed class NudgeScheduler(IServiceScopeFactory scopes, IOptions<NudgeOptions> options, TimeProvider time, ILogger<NudgeScheduler> log)
    : PeriodicTickService(scopes, options.Value.TickInterval, time, log)
{
    protected override Task RunTickAsync(IServiceProvider services, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        services.GetRequiredService<NudgeSchedulerTick>().RunAsync(nowUtc, cancellationToken);
}

/// <summary>
/// One tick, for every scheduled or running campaign: <see cref="CampaignSchedule.Classify(Campaign, DateTimeOffset, DateTimeOffset, IReadOnlyCollection{DateOnly}, TimeSpan?, CampaignText?)"/>
/// says which slots are due (within the grace window) and which were missed; due ones are fanned out under a
/// lease on the slot, missed ones recorded; then the campaign's clock-driven state (scheduled → running → ended,
/// <see cref="CampaignMoves.Advance"/>) is saved conditionally on its ETag.
/// </summary>
public sealed partial class NudgeSchedulerTick(
    ICampaignStore campaigns,
    NudgeFanOut fanOut,
    IBlobStore store,
    NudgeSlotsDone done,
    INonWorkingDates nonWorkingDates,
    IOptions<NudgeOptions> options,
    TimeProvider time,
    ILogger<NudgeSchedulerTick> log)
{
    public async Task RunAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var nonWorking = nonWorkingDates.Dates.ToList();
        done.Forget(nowUtc - settings.MissedLookback);
        foreach (var stored in await campaigns.ListAsync(cancellationToken))
        {
            if (stored.Value.State is not (CampaignState.Scheduled or CampaignState.Running))
            {
                continue;
            }

            try
            {
                await RunCampaignAsync(stored, nowUtc, nonWorking, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogCampaignFailed(log, e, stored.Value.Id);
            }
        }
    }

    private async Task RunCampaignAsync(Versioned<Campaign> stored, DateTimeOffset nowUtc, IReadOnlyCollection<DateOnly> nonWorking, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var campaign = stored.Value;
        var triage = CampaignSchedule.Classify(campaign, nowUtc - settings.MissedLookback, nowUtc, nonWorking, settings.GraceWindow);

        var dueLeft = false;
        foreach (var slot in triage.Due)
        {
            if (done.Contains(campaign.Id, slot.Utc))
            {
                continue;
            }

            var report = await FanOutUnderLeaseAsync(campaign, slot, cancellationToken);
            if (report is { IsComplete: true })
            {
                done.Add(campaign.Id, slot.Utc);
            }
            else
            {
                dueLeft = true;
            }
        }

        foreach (var slot in triage.Missed)
        {
            if (!done.Contains(campaign.Id, slot.Utc))
            {
                await fanOut.RecordMissedAsync(campaign, slot, cancellationToken);
                done.Add(campaign.Id, slot.Utc);
            }
        }

        if (CampaignMoves.Advance(campaign, nowUtc, nonWorking) is not { } advanced)
        {
            return;
        }

        if (advanced.State == CampaignState.Ended && dueLeft)
        {
            // Its last slot is still within its grace window and not done: ended can wait for the next tick.
            return;
        }

        try
        {
            await campaigns.SaveAsync(advanced, stored.ETag, cancellationToken);
            LogAdvanced(log, campaign.Id, campaign.State, advanced.State);
        }
        catch (ConcurrencyConflictException)
        {
            // An admin changed it, or another instance advanced it first: the next tick starts from what is stored.
        }
    }

    /// <summary>
    /// One instance fans a slot out at a time: the tenant's budget is one, and two instances racing through the
    /// same channels would spend it twice for nothing. Null when another instance holds the slot. If the lease is
    /// lost mid-way, no new channel is started (in-flight ones finish); the ledger keeps every channel to one post.
    /// </summary>
    private async Task<FanOutReport?> FanOutUnderLeaseAsync(Campaign campaign, CampaignSlot slot, CancellationToken cancellationToken)
    {
        var duration = options.Value.FanOutLease;
        var lease = await store.TryAcquireLeaseAsync($"locks/nudges/{campaign.Id}/{DeliveryIds.Slot(slot.Utc)}", duration, cancellationToken);
        if (lease is null)
        {
            LogSlotHeldElsewhere(log, campaign.Id, slot.Utc);
            return null;
        }

        using var lost = new CancellationTokenSource();
        using var stopRenewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewAsync(lease, duration / 3, lost, stopRenewing.Token);
        try
        {
            return await fanOut.SendSlotAsync(campaign, slot, lost.Token, cancellationToken);
        }
        finally
        {
            await stopRenewing.CancelAsync();
            await renewal;
            try
            {
                // Releases it (if still ours) so the next tick, on any instance, need not wait for it to expire.
                await lease.DisposeAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLeaseNotReleased(log, e, lease.Name);
            }
        }
    }

    private async Task RenewAsync(IBlobLease lease, TimeSpan every, CancellationTokenSource lost, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(every, time, stop);
                await lease.RenewAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogLeaseLost(log, e, lease.Name);
            await lost.CancelAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduler could not handle campaign {CampaignId} this tick")]
    private static partial void LogCampaignFailed(ILogger logger, Exception exception, string campaignId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign {CampaignId} moved from {From} to {To} by the clock")]
    private static partial void LogAdvanced(ILogger logger, string campaignId, CampaignState from, CampaignState to);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Campaign {CampaignId} slot {SlotUtc:u} is being fanned out by another instance")]
    private static partial void LogSlotHeldElsewhere(ILogger logger, string campaignId, DateTimeOffset slotUtc);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The fan-out lease {Lease} could not be released; it expires on its own")]
    private static partial void LogLeaseNotReleased(ILogger logger, Exception exception, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the fan-out lease {Lease}; no new channels are started")]
    private static partial void LogLeaseLost(ILogger logger, Exception exception, string lease);
}

/// <summary>
/// The slots this instance knows are finished (every channel has its final record), so a tick does not list their
/// ledger again. Per instance and forgotten on restart: the ledger is the truth, this only saves reads.
/// </summary>
public sealed class NudgeSlotsDone
{
    private readonly ConcurrentDictionary<(string Campaign, DateTimeOffset Slot), byte> _done = new();

    public bool Contains(string campaignId, DateTimeOffset slotUtc) => _done.ContainsKey((campaignId, slotUtc));

    public void Add(string campaignId, DateTimeOffset slotUtc) => _done.TryAdd((campaignId, slotUtc), 0);

    /// <summary>Drops slots older than the scheduler looks.</summary>
    public void Forget(DateTimeOffset before)
    {
        foreach (var key in _done.Keys.Where(k => k.Slot < before))
        {
            _done.TryRemove(key, out _);
        }
    }
}
