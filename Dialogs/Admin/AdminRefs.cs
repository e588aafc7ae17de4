using System.Collections;
using InfoStoryBot.Dialogs.Campaigns;

namespace InfoStoryBot.Dialogs.Admin;

/// <summary>
/// A campaign as an admin named it: by its id (a bare word such as <c>spring-stories</c>) or by its name (quoted, or
/// several bare words). Bot finds the campaign with <see cref="Matches"/>.
/// </summary>
public sealed record CampaignRef
{
    private CampaignRef(string? id, string? name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>Lower case and a valid campaign id; set when <see cref="Name"/> is not.</summary>
    public string? Id { get; }

    public string? Name { get; }

    public static CampaignRef ById(string id) => new(id.ToLowerInvariant(), null);

    public static CampaignRef ByName(string name) => new(null, name);

    /// <summary>What the admin typed, for messages such as "there is no campaign ‘x’".</summary>
    public string Display => Id ?? Name ?? "";

    /// <summary>
    /// A bare word is taken as an id, but a one-word name ("Autumn") is typed the same way, so an id also matches a
    /// campaign of that name; a name also matches the id made from it, so “Spring Stories!” finds spring-stories.
    /// </summary>
    public bool Matches(string campaignId, string campaignName) =>
        Id is not null
            ? string.Equals(Id, campaignId, StringComparison.OrdinalIgnoreCase) || string.Equals(Id, campaignName, StringComparison.OrdinalIgnoreCase)
            : string.Equals(Name, campaignName, StringComparison.OrdinalIgnoreCase) || string.Equals(CampaignIds.FromName(Name ?? ""), campaignId, StringComparison.Ordinal);
}

/// <summary>A channel as an admin named it; Bot resolves it against the registered channels.</summary>
public abstract record ChannelRef
{
    private ChannelRef()
    {
    }

    /// <summary>Its number in the last <c>channels</c> list (from 1).</summary>
    public sealed record ByNumber(int Number) : ChannelRef;

    /// <summary>A channel name alone; the General channel, which Teams lists without a name, is "General".</summary>
    public sealed record ByName(string Name) : ChannelRef;

    /// <summary>Written "Team / Channel".</summary>
    public sealed record ByTeamAndChannel(string Team, string Channel) : ChannelRef;
}

/// <summary>A story by its id, or by its number in the last <c>stories pending</c> list.</summary>
public abstract record StoryRef
{
    private StoryRef()
    {
    }

    /// <summary>Twelve hex digits, a hyphen, eight hex digits (lower case), as Bot/Stories makes them.</summary>
    public sealed record ById(string Id) : StoryRef;

    public sealed record ByNumber(int Number) : StoryRef;
}

public enum ExportFormat
{
    Csv,
    Json,
    Html,
}

/// <summary>A set of days of the week, compared by value (unlike a list), listed Monday first.</summary>
public readonly record struct DaySet
{
    private readonly byte _mask;

    private DaySet(byte mask) => _mask = mask;

    public static DaySet None => default;

    public static DaySet Weekdays { get; } = Of(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

    public static DaySet Weekends { get; } = Of(DayOfWeek.Saturday, DayOfWeek.Sunday);

    public static DaySet EveryDay { get; } = new(0x7f);

    public static DaySet Of(params IEnumerable<DayOfWeek> days) =>
        days.Aggregate(None, (set, day) => set.With(day));

    public bool IsEmpty => _mask == 0;

    public int Count => System.Numerics.BitOperations.PopCount(_mask);

    public bool Contains(DayOfWeek day) => (_mask & Bit(day)) != 0;

    public DaySet With(DayOfWeek day) => new((byte)(_mask | Bit(day)));

    public DaySet Union(DaySet other) => new((byte)(_mask | other._mask));

    /// <summary>Monday first, as a British calendar reads.</summary>
    public IReadOnlyList<DayOfWeek> Days =>
        MondayFirst.Where(Contains).ToList();

    internal static IReadOnlyList<DayOfWeek> MondayFirst { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The words the grammar reads back: "weekdays", "every day", "weekends" or "mon,wed,fri".</summary>
    public override string ToString() =>
        this == EveryDay ? "every day"
        : this == Weekdays ? "weekdays"
        : this == Weekends ? "weekends"
        : string.Join(',', Days.Select(d => d.ToString()[..3].ToLowerInvariant()));

    private static byte Bit(DayOfWeek day) => (byte)(1 << ((int)day % 7));
}

/// <summary>An immutable list compared by its items, so command records holding one compare by value.</summary>
public sealed class ValueList<T>(IEnumerable<T> items) : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items = items.ToArray();

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ValueList<T>? other) => other is not null && _items.SequenceEqual(other._items);

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}
