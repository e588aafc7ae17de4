using InfoStoryBot.Dialogs.PersonalData;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.StoryCapture;

public enum StoryEntryMode
{
    /// <summary>One question at a time; works by typing.</summary>
    Guided,

    /// <summary>Everything on one card.</summary>
    Form,
}

/// <summary>The nudge that led someone to tell a story, carried through to the stored story for the reports.</summary>
public sealed record StorySource(string DeliveryId, string? Variant = null);

/// <summary>Something the storyteller confirmed is not personal data, recorded with the story.</summary>
public sealed record ConfirmedNotPersonalData(PersonalDataKind Kind, string Text, string Field);

/// <summary>A story being told. A null answer means "not asked yet".</summary>
public sealed record StoryDraft
{
    public StoryEntryMode Mode { get; init; }
    public string? StoryId { get; init; }
    public bool IsEdit { get; init; }
    public string? TellerName { get; init; }
    public StorySource? Source { get; init; }

    public string? WhatHappened { get; init; }
    public IReadOnlyList<string>? WhoWasInvolved { get; init; }
    public string? InformationShared { get; init; }
    public string? DifferenceMade { get; init; }
    public IReadOnlyList<Pillar>? Pillars { get; init; }
    public IReadOnlyList<PartnershipElement>? Elements { get; init; }
    public StoryKind? Kind { get; init; }
    public string? Title { get; init; }
    public Attribution? Attribution { get; init; }
    public string? TellerRole { get; init; }
    public string? TellerOrganisation { get; init; }
    public bool? Consent { get; init; }

    public IReadOnlyList<ConfirmedNotPersonalData> NotPersonalData { get; init; } = [];

    /// <summary>What was wrong with the last form submit, shown on the form when it is sent again.</summary>
    public IReadOnlyList<string> FormErrors { get; init; } = [];

    public bool NeedsRoleAndOrganisation => Attribution is not Stories.Attribution.Anonymous;

    public static StoryDraft From(StoryContent content) => new()
    {
        WhatHappened = content.WhatHappened,
        WhoWasInvolved = content.WhoWasInvolved,
        InformationShared = content.InformationShared,
        DifferenceMade = content.DifferenceMade,
        Pillars = content.Pillars,
        Elements = content.Elements,
        Kind = content.Kind,
        Title = content.Title,
        Attribution = content.Attribution,
        TellerRole = content.TellerRole ?? "",
        TellerOrganisation = content.TellerOrganisation ?? "",
        Consent = content.ConsentToPublish,
        TellerName = content.TellerName,
    };

    public StoryContent ToContent() => new()
    {
        Title = Title ?? "",
        WhatHappened = WhatHappened ?? "",
        WhoWasInvolved = WhoWasInvolved ?? [],
        InformationShared = InformationShared ?? "",
        DifferenceMade = DifferenceMade ?? "",
        Pillars = Pillars ?? [],
        Elements = Elements ?? [],
        Kind = Kind ?? StoryKind.Success,
        Attribution = Attribution ?? Stories.Attribution.Anonymous,
        TellerRole = NeedsRoleAndOrganisation && !string.IsNullOrWhiteSpace(TellerRole) ? TellerRole : null,
        TellerOrganisation = NeedsRoleAndOrganisation && !string.IsNullOrWhiteSpace(TellerOrganisation) ? TellerOrganisation : null,
        TellerName = Attribution == Stories.Attribution.Named ? TellerName : null,
        ConsentToPublish = Consent ?? false,
    };
}

/// <param name="StoryId">The existing story's id when editing, else the fresh id the dialog was given.</param>
/// <param name="NotPersonalData">What the teller confirmed is not personal data after the warning.</param>
public sealed record StoryDialogResult(
    StoryContent Content,
    string? StoryId,
    bool IsEdit,
    StorySource? Source,
    IReadOnlyList<ConfirmedNotPersonalData> NotPersonalData);

/// <summary>How to start the story dialog.</summary>
public sealed record StoryDialogStart
{
    public StoryEntryMode Mode { get; init; } = StoryEntryMode.Guided;

    /// <summary>The user's display name, used only if they choose to be named.</summary>
    public string? TellerName { get; init; }

    public StorySource? Source { get; init; }

    /// <summary>An existing story to edit: the dialog opens at its preview.</summary>
    public StoryContent? Existing { get; init; }

    public string? StoryId { get; init; }
}
