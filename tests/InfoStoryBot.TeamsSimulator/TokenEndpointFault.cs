namespace InfoStoryBot.TeamsSimulator;

/// <summary>What is wrong with the Entra token endpoint, as far as the bot getting its outbound tokens goes.</summary>
public enum TokenEndpointFault
{
    /// <summary>Tokens are issued to a client with the right id and secret (or certificate assertion).</summary>
    None,

    /// <summary>Connecting is refused (nothing listens on the endpoint's port), and connections already open are cut.</summary>
    Unreachable,

    /// <summary>Connections are accepted but no request is ever answered, as behind a firewall that drops packets.</summary>
    NoAnswer,

    /// <summary>Every request is answered 401 <c>invalid_client</c>, AADSTS7000215 (a secret expired or rotated away), whatever is sent.</summary>
    InvalidClient,
}
