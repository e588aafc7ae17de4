namespace InfoStoryBot.Bot.Storage;

internal static class LeaseRules
{
    /// <summary>Azure accepts 15 to 60 seconds (or infinite, which a crashed holder would never give back).</summary>
    public static void ValidateDuration(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(15) || duration > TimeSpan.FromSeconds(60))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts 15 to 60 seconds.");
        }
    }
}
