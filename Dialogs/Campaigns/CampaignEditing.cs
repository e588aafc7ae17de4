using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Dialogs.Campaigns;

/// <summary>
/// Commands turned into the campaign they ask for, pure. Each change is applied to the campaign as stored at the
/// moment of saving, field by field, so when another admin saved first the change is simply applied again on top
/// of theirs and neither edit is lost (see Bot/Campaigns' conditional save).
/// </summary>
public static class CampaignEditing
{
    /// <summary>The draft <c>campaign new</c> asks for; <see cref="CampaignMoves.Create"/> checks and stamps it.</summary>
    public static Campaign Draft(CampaignNew command, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new Campaign
        {
            Id = command.Id,
            Name = command.Name.Trim(),
            StartDate = command.From,
            EndDate = command.To,
            PostingTime = command.At,
            TimeZone = command.Zone.Trim(),
            DaysOfWeek = command.Days.Days,
            Goal = Blank(command.Goal),
            StoryTarget = command.Target,
            TargetChannelIds = [.. (command.ChannelIds ?? new ValueList<string>([])).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)],
            CreatedAt = nowUtc,
            UpdatedAt = nowUtc,
        };
    }

    /// <summary>The campaign with the changed fields changed and every other field as <paramref name="current"/> has it.</summary>
    public static Campaign Apply(Campaign current, CampaignChanges changes)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changes);
        var removed = (changes.RemoveChannelIds ?? new ValueList<string>([])).ToHashSet(StringComparer.Ordinal);
        var channels = current.TargetChannelIds.Where(id => !removed.Contains(id)).ToList();
        foreach (var added in changes.AddChannelIds ?? new ValueList<string>([]))
        {
            if (added.Length > 0 && !channels.Contains(added, StringComparer.Ordinal))
            {
                channels.Add(added);
            }
        }

        return current with
        {
            Name = changes.Name?.Trim() ?? current.Name,
            StartDate = changes.From ?? current.StartDate,
            EndDate = changes.To ?? current.EndDate,
            PostingTime = changes.At ?? current.PostingTime,
            TimeZone = changes.Zone?.Trim() ?? current.TimeZone,
            DaysOfWeek = changes.Days is { } days ? days.Days : current.DaysOfWeek,
            Goal = changes.ClearGoal ? null : Blank(changes.Goal) ?? current.Goal,
            StoryTarget = changes.ClearTarget ? null : changes.Target ?? current.StoryTarget,
            TargetChannelIds = channels,
        };
    }

    public static Campaign WithChannel(Campaign current, string channelId)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.TargetChannelIds.Contains(channelId, StringComparer.Ordinal) ? current : current with { TargetChannelIds = [.. current.TargetChannelIds, channelId] };
    }

    public static Campaign WithoutChannel(Campaign current, string channelId)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current with { TargetChannelIds = [.. current.TargetChannelIds.Where(id => !string.Equals(id, channelId, StringComparison.Ordinal))] };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
