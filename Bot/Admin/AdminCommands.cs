namespace InfoStoryBot.Bot.Admin;

/// <summary>
/// The admin commands the help card lists for admins. Empty until the admin commands exist: the card
/// then says so rather than promising commands that do not work yet.
/// </summary>
public static class AdminCommands
{
    public static IReadOnlyList<string> Lines { get; } = [];
}
