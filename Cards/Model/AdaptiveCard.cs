using System.Text.Json.Serialization;

namespace InfoStoryBot.Cards.Model;

// A typed subset of the Adaptive Card 1.5 schema: only what our cards use, named exactly as the schema names it.
// Optional properties are nullable so that the serialiser leaves out everything a card does not set.

public sealed record AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-10)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-9)]
    public string Schema => SchemaUrl;

    [JsonPropertyOrder(-8)]
    public string Version => "1.5";

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    public CardRefresh? Refresh { get; init; }

    public string? Speak { get; init; }

    public string? FallbackText { get; init; }

    /// <summary>Teams host extension; full width reads better for stories and forms.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; }
}

public sealed record TeamsCardProperties(string Width = "Full");

public sealed record CardRefresh(CardAction Action)
{
    /// <summary>Teams user MRIs that get automatic refresh (at most 60); empty means manual refresh only.</summary>
    public IReadOnlyList<string>? UserIds { get; init; }
}
