namespace InfoStoryBot.Bot.Storage;

/// <summary>
/// A conditional write lost a race: the ETag no longer matches (412), or the item already exists (409).
/// Callers reload and retry, or tell the user; it is never swallowed.
/// </summary>
public sealed class ConcurrencyConflictException(string key, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Key { get; } = key;
}
