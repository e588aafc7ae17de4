namespace InfoStoryBot.TeamsSimulator;

/// <summary>What is wrong (or, for a few, deliberately different but valid) about an inbound token.</summary>
public enum TokenFlaw
{
    /// <summary>A correct RS256 Connector token.</summary>
    None,

    /// <summary>Valid: signed with RS384.</summary>
    Rs384,

    /// <summary>Valid: signed with RS512.</summary>
    Rs512,

    /// <summary>Valid: expired two minutes ago, inside the 5-minute clock skew.</summary>
    ExpiredWithinSkew,

    WrongIssuer,
    WrongAudience,

    /// <summary>Expired ten minutes ago, beyond the skew.</summary>
    Expired,

    /// <summary>nbf ten minutes in the future, beyond the skew.</summary>
    NotYetValid,

    /// <summary>Signed by a key the simulator never published, under the kid of a published one.</summary>
    UnpublishedKeyUnderKnownKid,

    /// <summary>Signed by an unpublished key whose kid is in no key set.</summary>
    UnknownKid,

    /// <summary>Signed by a published key whose endorsements do not include the channel (msteams).</summary>
    NotEndorsedForChannel,

    ServiceUrlMissing,

    /// <summary>The serviceurl claim names a different Connector than the activity does.</summary>
    ServiceUrlDifferent,

    /// <summary>An unsigned token: header alg "none", empty signature.</summary>
    AlgNone,

    /// <summary>HS256 keyed with the public key's bytes under a published kid: the classic algorithm-confusion attack.</summary>
    Hs256,

    /// <summary>A Basic header instead of Bearer.</summary>
    WrongScheme,

    /// <summary>"Bearer" followed by something that is not a JWT.</summary>
    Garbage,

    /// <summary>No Authorization header at all.</summary>
    NoHeader,
}
