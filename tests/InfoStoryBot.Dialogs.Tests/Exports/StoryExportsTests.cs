using InfoStoryBot.Dialogs.Exports;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.Tests.Exports;

public sealed class StoryExportsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Story Story(Attribution attribution, StoryStatus status = StoryStatus.Approved, bool consent = true, string? campaign = "spring") => new()
    {
        Id = StoryIds.Format(At, [1, 2, 3, 4]),
        CampaignId = campaign,
        Status = status,
        Content = new StoryContent
        {
            Title = "Told once",
            Pillars = [Pillar.Culture, Pillar.Culture],
            Attribution = attribution,
            TellerName = " Sam Jones ",
            TellerRole = "Family support worker",
            TellerOrganisation = "",
            ConsentToPublish = consent,
        },
        Teller = new StoryTeller("aad-id", "29:id", "Sam Jones"),
        CreatedAt = At,
        UpdatedAt = At,
        ModeratedAt = At.AddHours(1),
    };

    [Fact]
    public void From_EachAttribution_CarriesOnlyWhatTheTellerChose()
    {
        var named = StoryExports.From(Story(Attribution.Named), "spring")!;
        var role = StoryExports.From(Story(Attribution.RoleOnly), "spring")!;
        var anonymous = StoryExports.From(Story(Attribution.Anonymous), "spring")!;

        Assert.Equal(("Sam Jones", "Family support worker", (string?)null), (named.TellerName, named.TellerRole, named.TellerOrganisation));
        Assert.Equal(((string?)null, "Family support worker"), (role.TellerName, role.TellerRole));
        Assert.Equal(((string?)null, (string?)null, (string?)null), (anonymous.TellerName, anonymous.TellerRole, anonymous.TellerOrganisation));
        Assert.Equal([Pillar.Culture], named.Pillars);
        Assert.Equal(At.AddHours(1), named.ApprovedAt);
    }

    [Theory]
    [InlineData(StoryStatus.Submitted, true, "spring")]
    [InlineData(StoryStatus.Rejected, true, "spring")]
    [InlineData(StoryStatus.Draft, true, "spring")]
    [InlineData(StoryStatus.Withdrawn, true, "spring")]
    [InlineData(StoryStatus.Approved, false, "spring")]
    [InlineData(StoryStatus.Approved, true, "autumn")]
    [InlineData(StoryStatus.Approved, true, null)]
    public void From_NotApprovedConsentedAndOfTheCampaign_IsNotExported(StoryStatus status, bool consent, string? campaign) =>
        Assert.Null(StoryExports.From(Story(Attribution.Named, status, consent, campaign), "spring"));

    [Fact]
    public void FileName_IsTheCampaignAndTheDate() =>
        Assert.Equal("spring-storybook-2026-03-02.html", StoryExports.FileName("spring", "html", new DateOnly(2026, 3, 2)));
}
