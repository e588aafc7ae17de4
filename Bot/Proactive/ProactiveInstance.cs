using System.Diagnostics;
using System.Globalization;

namespace InfoStoryBot.Bot.Proactive;

/// <summary>Who this running process is, as the send ledger records claimants: machine/process id/start time.</summary>
public static class ProactiveInstance
{
    /// <summary>e.g. "web-1/4242/1741766400"; the start time keeps a reused process id apart from an earlier one.</summary>
    public static string Id { get; } = string.Join('/',
        Environment.MachineName,
        Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
        new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>The process id inside an instance id, or null when it is not one.</summary>
    public static int? ProcessIdOf(string? instanceId) =>
        instanceId?.Split('/') is [_, var pid, _] && int.TryParse(pid, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
}
