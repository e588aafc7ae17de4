namespace InfoStoryBot.Bot.Nudges;

public static class NudgesExtensions
{
    /// <summary>Nudges/: the delivery ledger that makes every (slot, channel) go out at most once.</summary>
    public static IHostApplicationBuilder AddNudges(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDeliveryLedger, DeliveryLedger>();
        return builder;
    }
}
