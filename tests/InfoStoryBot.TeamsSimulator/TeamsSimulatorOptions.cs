namespace InfoStoryBot.TeamsSimulator;

/// <summary>How the simulated Teams tenant looks. The defaults make a working single-tenant bot called InfoStoryBot.</summary>
public sealed class TeamsSimulatorOptions
{
    /// <summary>The bot's app id: the audience of inbound tokens and the client id of the token endpoint. Null = local mode (no tokens).</summary>
    public string? AppId { get; set; } = "5b1d7c3e-8f2a-4e61-9c0d-3a7b2e9f4d18";

    public string AppPassword { get; set; } = "simulated-client-secret";

    public string TenantId { get; set; } = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    public string BotName { get; set; } = "InfoStoryBot";

    /// <summary>The Connector's token issuer, as in production.</summary>
    public string Issuer { get; set; } = "https://api.botframework.com";

    public string ChannelId { get; set; } = "msteams";

    /// <summary>The Connector lives under a regional path like the real one (smba.trafficmanager.net/amer/), which catches base-URL joins that drop it.</summary>
    public string ServicePath { get; set; } = "/amer/";

    /// <summary>When true (and an app id is set) every Connector call must carry a bearer token the simulator issued.</summary>
    public bool RequireConnectorAuth { get; set; } = true;

    /// <summary>The clock tokens are minted with (nbf/exp); the bot's clock may be a different fake.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Lifetime of tokens from the token endpoint.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The teams the bot is installed in: channel list, details and roster come from here.</summary>
    public IList<SimulatedTeam> Teams { get; init; } = [SimulatedTeam.Partnership()];

    /// <summary>Users who talk to the bot in personal chat.</summary>
    public IList<SimulatedUser> Users { get; init; } = [SimulatedUser.Priya, SimulatedUser.Tom];

    /// <summary>
    /// Teams' per-app-per-tenant limit on Connector calls (a token bucket of this many a second, starting full);
    /// above it calls are answered 429 with Retry-After. Null (the default) enforces none, for suites that measure
    /// the bot rather than the budget; Teams documents 30 to 50.
    /// </summary>
    public int? TenantRequestsPerSecond { get; set; }

    /// <summary>Seed for random faults and generated ids, so a failing run can be repeated.</summary>
    public int Seed { get; set; } = 20261122;
}
