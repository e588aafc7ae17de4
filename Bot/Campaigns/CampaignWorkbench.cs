using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.Cards.Text;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Bot.Campaigns;

/// <summary>A campaign named in a command: found (with every campaign, for the rules), or a message saying why not.</summary>
public abstract record CampaignLookup
{
    private CampaignLookup()
    {
    }

    public sealed record Found(Versioned<Campaign> Campaign, IReadOnlyList<Campaign> All) : CampaignLookup;

    public sealed record Missing(string Message) : CampaignLookup;
}

/// <summary>How a change went: saved (before, after, notes, what another admin changed meanwhile), refused, or not made.</summary>
public sealed record CampaignSave
{
    public Campaign? Before { get; init; }

    public Campaign? After { get; init; }

    public IReadOnlyList<CampaignMessage> Notes { get; init; } = [];

    public IReadOnlyList<CampaignMessage> Problems { get; init; } = [];

    /// <summary>Set when another admin saved first and this change was applied again on top of theirs.</summary>
    public string? Meanwhile { get; init; }

    /// <summary>Set when nothing was saved for a reason other than the rules (deleted meanwhile, too many races).</summary>
    public string? Failure { get; init; }

    public bool IsSaved => After is not null;
}

/// <summary>
/// What every campaign handler shares: finding the campaign a command names, the context the pure rules need
/// (every campaign, the registered channels' names, the non-working dates, now, who acts), and the save. Every save
/// is conditional on the ETag the campaign was read with; when another admin saved first, the campaign is read again
/// and the same change (a function of the campaign, field by field) applied to their version, so neither edit is lost.
/// </summary>
public sealed class CampaignWorkbench(ICampaignStore store, IChannelDirectory channels, INonWorkingDates nonWorking, AccessPolicy access)
{
    public const int SaveAttempts = 5;

    public IReadOnlyCollection<DateOnly> NonWorkingDates => nonWorking.Dates;

    public static CampaignText Text(AdminContext context) => new(context.Culture);

    public static ChannelText ChannelText(AdminContext context) => new(context.Culture);

    public Task<IReadOnlyList<ChannelEntry>> ChannelsAsync(CancellationToken cancellationToken) => channels.ListAsync(cancellationToken);

    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Select(c => c.Value)];

    public async Task<CampaignLookup> FindAsync(AdminContext context, CampaignRef reference, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        var replies = new CampaignReplies(Text(context));
        var matches = all.Where(c => reference.Matches(c.Value.Id, c.Value.Name)).ToList();

        // A bare word is an id first: "autumn" is the campaign autumn even if another is named "Autumn".
        if (matches.Count > 1 && reference.Id is { } id && matches.FirstOrDefault(c => c.Value.Id == id) is { } exact)
        {
            matches = [exact];
        }

        return matches.Count switch
        {
            1 => new CampaignLookup.Found(matches[0], [.. all.Select(c => c.Value)]),
            0 => new CampaignLookup.Missing(replies.NotFound(reference, [.. all.Select(c => c.Value)])),
            _ => new CampaignLookup.Missing(replies.Ambiguous(reference, [.. matches.Select(c => c.Value)])),
        };
    }

    /// <summary>Stores a new campaign (its id must be free: a race for the id is answered by the id rule).</summary>
    public async Task<CampaignSave> CreateAsync(AdminContext context, Campaign draft, CancellationToken cancellationToken)
    {
        var registered = await channels.ListAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var all = await store.ListAsync(cancellationToken);
            var change = CampaignMoves.Create(draft, Context(context, all, registered));
            if (!change.IsAllowed)
            {
                return new CampaignSave { Problems = change.Problems };
            }

            try
            {
                await store.SaveAsync(change.Campaign!, null, cancellationToken);
                return new CampaignSave { After = change.Campaign, Notes = change.Notes };
            }
            catch (ConcurrencyConflictException) when (attempt < SaveAttempts)
            {
                // Created meanwhile by someone else: the next round says the id is taken.
            }
            catch (ConcurrencyConflictException)
            {
                return new CampaignSave { Failure = new CampaignReplies(Text(context)).Busy(change.Campaign!) };
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the campaign as stored and saves it conditionally; on a conflict reads it
    /// again and applies the same change to the newer version (at most <see cref="SaveAttempts"/> times).
    /// </summary>
    public async Task<CampaignSave> ChangeAsync(
        AdminContext context, string campaignId, Func<Campaign, CampaignContext, CampaignChange> change, CancellationToken cancellationToken)
    {
        var replies = new CampaignReplies(Text(context));
        var registered = await channels.ListAsync(cancellationToken);
        Campaign? firstRead = null;
        Campaign? lastRead = null;
        for (var attempt = 1; attempt <= SaveAttempts; attempt++)
        {
            var all = await store.ListAsync(cancellationToken);
            if (all.FirstOrDefault(c => c.Value.Id == campaignId) is not { } current)
            {
                return new CampaignSave { Failure = replies.Vanished(campaignId) };
            }

            firstRead ??= current.Value;
            lastRead = current.Value;
            var result = change(current.Value, Context(context, all, registered));
            if (!result.IsAllowed)
            {
                return new CampaignSave { Before = current.Value, Problems = result.Problems };
            }

            try
            {
                await store.SaveAsync(result.Campaign!, current.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }

            var meanwhile = ReferenceEquals(firstRead, current.Value)
                ? null
                : CampaignDiff.Describe(firstRead, current.Value, ChannelListing.Names(registered, ChannelText(context)), Text(context));
            return new CampaignSave
            {
                Before = current.Value,
                After = result.Campaign,
                Notes = result.Notes,
                Meanwhile = meanwhile is null ? null : replies.Meanwhile(await NameOfAsync(current.Value.UpdatedBy, cancellationToken), meanwhile),
            };
        }

        return new CampaignSave { Before = lastRead, Failure = replies.Busy(lastRead!) };
    }

    /// <summary>What the pure rules need to know besides the campaign.</summary>
    public CampaignContext Context(AdminContext context, IEnumerable<Versioned<Campaign>> all, IReadOnlyList<ChannelEntry> registered) =>
        new(context.Now)
        {
            Actor = context.ActorId,
            Campaigns = [.. all.Select(c => c.Value)],
            NonWorkingDates = nonWorking.Dates,
            // The rules' messages are markdown; channel names come from Teams.
            ChannelNames = ChannelListing.Names(registered, ChannelText(context)).ToDictionary(p => p.Key, p => UntrustedText.Markdown(p.Value, 200), StringComparer.Ordinal),
            Text = Text(context),
        };

    /// <summary>The campaign's card, as the answer to a command or a press (a press's card replaces the pressed one).</summary>
    public async Task ShowAsync(AdminContext context, Campaign campaign, string? done, IEnumerable<CampaignMessage>? notes, CancellationToken cancellationToken)
    {
        var registered = await channels.ListAsync(cancellationToken);
        var view = CampaignViews.Card(campaign, context.Now, nonWorking.Dates, registered, Text(context), done, notes: [.. (notes ?? []).Select(n => n.Text)]);
        context.Show(CampaignCard.Build(view, context.Culture));
    }

    /// <summary>
    /// A refused or failed change. Typed, the messages come as they are; pressed on a card, the campaign's card comes
    /// back with them on it, so the card the admin is looking at says what happened.
    /// </summary>
    public async Task RefuseAsync(AdminContext context, Campaign? current, IReadOnlyList<string> messages, CancellationToken cancellationToken)
    {
        if (context.Turn.IsInvoke && current is not null)
        {
            var registered = await channels.ListAsync(cancellationToken);
            context.Show(CampaignCard.Build(CampaignViews.Card(current, context.Now, nonWorking.Dates, registered, Text(context), problems: messages), context.Culture));
            return;
        }

        context.Reply(string.Join("\n\n", messages));
    }

    private async Task<string?> NameOfAsync(string? aadObjectId, CancellationToken cancellationToken)
    {
        if (aadObjectId is null)
        {
            return null;
        }

        var admins = await access.ListAdminsAsync(cancellationToken);
        return admins.FirstOrDefault(a => string.Equals(a.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))?.Name;
    }
}
