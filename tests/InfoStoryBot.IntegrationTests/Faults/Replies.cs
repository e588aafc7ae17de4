using System.Text.Json;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.IntegrationTests.Infrastructure;

namespace InfoStoryBot.IntegrationTests.Faults;

/// <summary>What the simulated Connector accepted from the bot, by the activity it answered.</summary>
internal static class Replies
{
    /// <summary>Messages delivered (2xx) in reply to the activity with this id, in order.</summary>
    public static IReadOnlyList<Activity> To(TeamsHarness teams, string activityId) =>
        [.. teams.Teams.Calls
            .Where(c => c.Method == "POST" && c.Path.Contains("/activities", StringComparison.Ordinal) && c.ResponseStatus is >= 200 and < 300
                && c.Json?["replyToId"]?.GetValue<string>() == activityId)
            .Select(c => c.BodyAs<Activity>(ProtocolJson.Options)!)];

    /// <summary>A reply's text and card text together.</summary>
    public static string Describe(Activity message) => CardAssert.Describe(message);

    public static string Describe(IEnumerable<Activity> messages) => string.Join("\n", messages.Select(Describe));
}
