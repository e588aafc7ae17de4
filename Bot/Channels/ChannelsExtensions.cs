using InfoStoryBot.Bot.Admin;

namespace InfoStoryBot.Bot.Channels;

public static class ChannelsExtensions
{
    /// <summary>
    /// Channels/: the campaign team's view of the channels Teams/ registered: <c>channels</c>, muting, and channel
    /// references in commands (by the number last shown here, by name, or "Team / Channel").
    /// </summary>
    public static IHostApplicationBuilder AddChannels(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ChannelPicker>();
        services.AddScoped<ChannelMuting>();
        services.AddAdminHandler<ChannelsListHandler>();
        services.AddAdminHandler<ChannelsMuteHandler>();
        services.AddAdminHandler<ChannelsUnmuteHandler>();
        return builder;
    }
}
