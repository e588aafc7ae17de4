namespace InfoStoryBot.TeamsSimulator;

/// <summary>A Teams user as the bot sees them: a bot-specific 29: id and an Entra object id.</summary>
public sealed record SimulatedUser(string Id, string Name, string AadObjectId, string Email)
{
    public static SimulatedUser Priya { get; } = new(
        "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrrA8vM06X1-cHHle4zOE6U4ttcc",
        "Priya Shah", "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", "priya.shah@northshire.gov.uk");

    public static SimulatedUser Tom { get; } = new(
        "29:1JKiJGPAX9TTxtGxhVo0wLx_zwzo-gG8Z-X03306vBwi9p-xMTEbDXsT6KH7-0kkTS8cD-2zkrsoV6f5WJ6_aYw",
        "Tom Hughes", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "tom.hughes@northshire.police.uk");

    public static SimulatedUser Create(int n) => new(
        $"29:1sim{n:D6}AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-user{n}",
        $"Partner User {n}",
        $"00000000-0000-4000-8000-{n:D12}",
        $"partner.user{n}@example.gov.uk");
}

/// <summary>A Teams channel; the General channel's id equals the team id and its name is null.</summary>
public sealed record SimulatedChannel(string Id, string? Name);

/// <summary>A team with channels and a roster, as the Connector's team endpoints report it.</summary>
public sealed record SimulatedTeam(string Id, string Name, string AadGroupId, IReadOnlyList<SimulatedChannel> Channels, IReadOnlyList<SimulatedUser> Members)
{
    public SimulatedChannel General => Channels[0];

    public static SimulatedTeam Partnership(int extraMembers = 0)
    {
        const string teamId = "19:a7f3c2e1b9d84f6a8e5c3b2a1d0f9e8c@thread.tacv2";
        IReadOnlyList<SimulatedUser> members = [SimulatedUser.Priya, SimulatedUser.Tom, .. Enumerable.Range(1, extraMembers).Select(SimulatedUser.Create)];
        return new SimulatedTeam(
            teamId,
            "Northshire Safeguarding Partnership",
            "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a",
            [
                new SimulatedChannel(teamId, null),
                new SimulatedChannel("19:3b8e1f0c6d2a4e9b8c7d6e5f4a3b2c1d@thread.tacv2", "Information sharing"),
                new SimulatedChannel("19:9c0d1e2f3a4b4c5d8e6f7a8b9c0d1e2f@thread.tacv2", "Stories"),
            ],
            members);
    }
}
