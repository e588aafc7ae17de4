namespace InfoStoryBot.Dialogs.Stories;

// The campaign's own vocabulary, shared by the dialogs that collect a story and by Bot, which stores it.

/// <summary>The three pillars of information sharing (the "strong triangle").</summary>
public enum Pillar
{
    Culture,
    InformationGovernance,
    Technology,
}

/// <summary>The six elements that describe a partnership.</summary>
public enum PartnershipElement
{
    Communication,
    SharedLanguage,
    Partners,
    DecisionMakingAndProblemSolving,
    Creativity,
    Environment,
}

/// <summary>Did information sharing help the person, or get in the way?</summary>
public enum StoryKind
{
    Success,
    Barrier,
}

/// <summary>How the teller wants to be credited when the story is published.</summary>
public enum Attribution
{
    Named,
    RoleOnly,
    Anonymous,
}

public enum StoryStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>What a storyteller told: the content of a story, without storage metadata.</summary>
public sealed record StoryContent
{
    public string Title { get; init; } = "";
    public string WhatHappened { get; init; } = "";
    public IReadOnlyList<string> WhoWasInvolved { get; init; } = [];
    public string InformationShared { get; init; } = "";
    public string DifferenceMade { get; init; } = "";
    public IReadOnlyList<Pillar> Pillars { get; init; } = [];
    public IReadOnlyList<PartnershipElement> Elements { get; init; } = [];
    public StoryKind Kind { get; init; } = StoryKind.Success;
    public Attribution Attribution { get; init; } = Attribution.RoleOnly;

    /// <summary>The teller's role and organisation, shown when attribution is Named or RoleOnly.</summary>
    public string? TellerRole { get; init; }
    public string? TellerOrganisation { get; init; }

    /// <summary>The teller's display name, shown only when attribution is Named.</summary>
    public string? TellerName { get; init; }

    public bool ConsentToPublish { get; init; }
}
