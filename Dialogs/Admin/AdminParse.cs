namespace InfoStoryBot.Dialogs.Admin;

/// <summary>
/// What <see cref="AdminGrammar.Parse"/> made of a message: a command, a usage message for a command it recognised
/// but could not read, or not an admin command at all (so the bot tries its other commands). Closed: these three only.
/// </summary>
public abstract record AdminParse
{
    private AdminParse()
    {
    }

    public sealed record Parsed(AdminCommand Command) : AdminParse;

    /// <summary>
    /// <paramref name="Message"/> names the word that could not be read and shows the right form;
    /// <paramref name="CommandName"/> is the catalogue name of the command (or the family word) it was meant for.
    /// </summary>
    public sealed record Usage(string Message, string CommandName) : AdminParse;

    public sealed record NotAdmin : AdminParse
    {
        public static NotAdmin Instance { get; } = new();
    }
}
