using System.Security.Cryptography;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Stories;

/// <summary>New story ids: the creation time from the turn's clock, the rest from a cryptographic source so ids are hard to guess.</summary>
public static class StoryIdGenerator
{
    public static string New(DateTimeOffset createdAt) => StoryIds.Format(createdAt, RandomNumberGenerator.GetBytes(4));
}
