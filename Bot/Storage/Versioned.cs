namespace InfoStoryBot.Bot.Storage;

/// <summary>A stored value with the ETag to write it back conditionally.</summary>
public sealed record Versioned<T>(T Value, string ETag);
