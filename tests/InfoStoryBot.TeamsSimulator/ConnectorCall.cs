using System.Text.Json;
using System.Text.Json.Nodes;

namespace InfoStoryBot.TeamsSimulator;

/// <summary>One request the simulated Connector received, and how it answered.</summary>
public sealed record ConnectorCall
{
    public required string Method { get; init; }

    /// <summary>The decoded path below the service path, e.g. <c>v3/conversations/19:abc@thread.skype/activities</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The request target exactly as sent, still percent-encoded: what escaping tests look at.</summary>
    public required string RawTarget { get; init; }

    public required string Query { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;

    public string? Body { get; init; }

    public JsonNode? Json { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The status the simulator answered with (set once the answer is decided).</summary>
    public int ResponseStatus { get; internal set; }

    /// <summary>The fault that answered this call, if one did.</summary>
    public SimulatedFault? Fault { get; internal set; }

    /// <summary>The body as the caller's own type, e.g. the bot's Activity with its protocol JSON options.</summary>
    public T? BodyAs<T>(JsonSerializerOptions? options = null) =>
        Body is null ? default : JsonSerializer.Deserialize<T>(Body, options ?? JsonSerializerOptions.Web);

    /// <summary>The activity in the body: the body itself for sends, <c>activity</c> for create-conversation.</summary>
    public JsonObject? Activity => Json is JsonObject o ? (o["type"] is not null ? o : o["activity"] as JsonObject) : null;

    public string? Text => Activity?["text"]?.GetValue<string>();

    public override string ToString() => $"{Method} {RawTarget} -> {ResponseStatus}";
}

/// <summary>A new thread the bot started in a channel, as Teams accepted it.</summary>
/// <param name="ReceivedAt">On the simulator's clock (its <see cref="TeamsSimulatorOptions.TimeProvider"/>).</param>
public sealed record SimulatedChannelPost(string ChannelId, string ThreadId, string ActivityId, DateTimeOffset ReceivedAt, ConnectorCall Call)
{
    /// <summary>The posted activity (the create call's <c>activity</c>).</summary>
    public System.Text.Json.Nodes.JsonObject? Activity => Call.Activity;
}
