using InfoStoryBot.Cards.Nudges;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Dialogs.StoryCapture;

namespace InfoStoryBot.Dialogs.Nudges;

/// <summary>
/// The condition and the wording of each catalogue entry. A condition answers in words either way, so
/// <c>nudge list</c> and <c>nudge preview</c> can say why. Figures are the facts as given: no rounding, no
/// estimates; a figure that would make sharing look rare is not shown at all.
/// </summary>
internal static class NudgeEntries
{
    // ---- story-of-the-day ----

    public static NudgeCheck StoryOfTheDayCheck(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var pick = StoryRotation.Pick(facts.StoryCandidates, facts.FeaturedInChannel, facts.Seed);
        return pick is null
            ? NudgeCheck.No(text["Nudge_StoryOfTheDay_No"])
            : NudgeCheck.Yes(text.Format("Nudge_StoryOfTheDay_Yes", text.Number(pick.Publishable), text.Number(pick.WaitingTheirTurn)));
    }

    public static NudgeComposition StoryOfTheDay(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var pick = StoryRotation.Pick(facts.StoryCandidates, facts.FeaturedInChannel, facts.Seed)
            ?? throw new InvalidOperationException("Story of the day composed without a publishable story; check its condition first.");
        var story = pick.Story;
        var choice = Choice(facts, NudgeKind.StoryOfTheDay);
        var view = new StoryOfTheDayView
        {
            CampaignName = facts.CampaignName,
            Heading = text["Nudge_StoryOfTheDay_Heading"],
            Text = text.Pick("Nudge_StoryOfTheDay_Text", choice, facts.CampaignName),
            Prompt = text.Pick("Nudge_StoryOfTheDay_Prompt", choice + 1),
            StoryId = story.StoryId,
            Title = story.Title,
            Excerpt = story.Excerpt,
            PillarLabels = story.Pillars.Distinct().Select(p => PillarLabel(p, text)).ToList(),
            Partners = story.Partners,
            Byline = StoryViews.Byline(new StoryContent
            {
                Attribution = story.Attribution,
                TellerName = story.TellerName,
                TellerRole = story.TellerRole,
                TellerOrganisation = story.TellerOrganisation,
            }),
        };

        var used = new List<NudgeFactUsed>
        {
            new(text["Nudge_Fact_Publishable"], text.Number(pick.Publishable)),
            new(text["Nudge_Fact_WaitingTurn"], text.Number(pick.WaitingTheirTurn)),
            new(text["Nudge_Fact_TimesShown"], text.Number(pick.TimesShownBefore)),
        };
        if (pick.Pillar is { } pillar)
        {
            used.Add(new(text["Nudge_Fact_PillarTurn"], text.Format("Nudge_Fact_PillarTurnValue", PillarLabel(pillar, text), text.Number(pick.PillarFeaturedBefore))));
        }

        used.Add(new(text["Nudge_Fact_Attribution"], text["Nudge_Attribution_" + story.Attribution]));
        return new NudgeComposition(view, used, Placeholders(facts, text), story.StoryId);
    }

    // ---- weekly-norm ----

    public static NudgeCheck WeeklyNormCheck(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var people = facts.ThisWeek.Colleagues;
        return people >= settings.NormThreshold
            ? NudgeCheck.Yes(text.Format("Nudge_WeeklyNorm_Yes", text.Number(people), text.Number(settings.NormThreshold)))
            : NudgeCheck.No(text.Plural("Nudge_WeeklyNorm_No", people, text.Number(people), text.Number(settings.NormThreshold)));
    }

    public static NudgeComposition WeeklyNorm(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var week = facts.ThisWeek;
        var choice = Choice(facts, NudgeKind.WeeklyNorm);
        var message = week.PartnerOrganisations switch
        {
            <= 0 => text.Pick("Nudge_WeeklyNorm_TextNoOrgs", choice, text.Number(week.Colleagues)),
            1 => text.Pick("Nudge_WeeklyNorm_TextOneOrg", choice, text.Number(week.Colleagues)),
            _ => text.Pick("Nudge_WeeklyNorm_Text", choice, text.Number(week.Colleagues), text.Number(week.PartnerOrganisations)),
        };

        var figures = new List<NudgeFigure> { new(text.Number(week.Colleagues), text.Plural("Nudge_Figure_Colleagues", week.Colleagues)) };
        if (week.PartnerOrganisations > 0)
        {
            figures.Add(new(text.Number(week.PartnerOrganisations), text.Plural("Nudge_Figure_Organisations", week.PartnerOrganisations)));
        }

        if (week.Stories > 0)
        {
            figures.Add(new(text.Number(week.Stories), text.Plural("Nudge_Figure_Stories", week.Stories)));
        }

        var view = new WeeklyNormView
        {
            CampaignName = facts.CampaignName,
            Heading = text["Nudge_WeeklyNorm_Heading"],
            Text = message + " " + text.Pick("Nudge_WeeklyNorm_Ask", choice),
            Figures = figures,
        };

        var used = new List<NudgeFactUsed>
        {
            new(text["Nudge_Fact_Colleagues"], text.Number(week.Colleagues)),
            new(text["Nudge_Fact_Organisations"], text.Number(week.PartnerOrganisations)),
            new(text["Nudge_Fact_StoriesThisWeek"], text.Number(week.Stories)),
            new(text["Nudge_Fact_Threshold"], text.Number(settings.NormThreshold)),
        };
        var values = Placeholders(facts, text);
        values["colleagues"] = text.Number(week.Colleagues);
        values["organisations"] = text.Number(week.PartnerOrganisations);
        values["stories"] = text.Number(week.Stories);
        return new NudgeComposition(view, used, values);
    }

    // ---- rising-norm ----

    /// <summary>The most recent complete weeks that rise strictly week on week (at most RisingMaxWeeks).</summary>
    public static IReadOnlyList<int> RisingWeeks(IReadOnlyList<int> weeks, NudgeSettings settings)
    {
        if (weeks.Count == 0)
        {
            return [];
        }

        var start = weeks.Count - 1;
        while (start > 0 && weeks[start - 1] < weeks[start] && weeks.Count - start < settings.RisingMaxWeeks)
        {
            start--;
        }

        return weeks.Skip(start).ToList();
    }

    public static NudgeCheck RisingNormCheck(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var weeks = facts.CompleteWeeks;
        if (weeks.Count < settings.RisingMinWeeks)
        {
            return NudgeCheck.No(text.Format("Nudge_RisingNorm_NoWeeks", text.Number(weeks.Count), text.Number(settings.RisingMinWeeks)));
        }

        var rising = RisingWeeks(weeks, settings);
        if (rising[^1] <= 0)
        {
            return NudgeCheck.No(text["Nudge_RisingNorm_NoneLastWeek"]);
        }

        var recent = weeks.Skip(weeks.Count - settings.RisingMinWeeks).ToList();
        return rising.Count >= settings.RisingMinWeeks
            ? NudgeCheck.Yes(text.Format("Nudge_RisingNorm_Yes", text.ThenList(rising)))
            : NudgeCheck.No(text.Format("Nudge_RisingNorm_NotRising", text.Number(settings.RisingMinWeeks), text.ThenList(recent)));
    }

    public static NudgeComposition RisingNorm(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var rising = RisingWeeks(facts.CompleteWeeks, settings);
        var choice = Choice(facts, NudgeKind.RisingNorm);
        var weeks = rising.Select((count, i) =>
        {
            var ago = rising.Count - i;
            var label = ago == 1 ? text["Nudge_Week_Last"] : text.Format("Nudge_Week_Ago", text.Number(ago));
            return new NudgeFigure(text.Number(count), label);
        }).ToList();

        var view = new RisingNormView
        {
            CampaignName = facts.CampaignName,
            Heading = text["Nudge_RisingNorm_Heading"],
            Text = text.Pick("Nudge_RisingNorm_Text", choice, text.ThenList(rising)),
            Weeks = weeks,
        };

        var used = new List<NudgeFactUsed>
        {
            new(text["Nudge_Fact_CompleteWeeks"], facts.CompleteWeeks.Count == 0 ? "–" : string.Join(", ", facts.CompleteWeeks.Select(text.Number))),
            new(text["Nudge_Fact_RisingWeeks"], text.ThenList(rising)),
        };
        var values = Placeholders(facts, text);
        values["weeks"] = text.ThenList(rising);
        values["latest"] = text.Number(rising[^1]);
        return new NudgeComposition(view, used, values);
    }

    // ---- two-minute-share ----

    public static NudgeCheck TwoMinuteShareCheck(NudgeFacts facts, NudgeSettings settings, NudgeText text) =>
        NudgeCheck.Yes(text["Nudge_TwoMinuteShare_Yes"]);

    public static NudgeComposition TwoMinuteShare(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var choice = Choice(facts, NudgeKind.TwoMinuteShare);
        var view = new TwoMinuteShareView
        {
            CampaignName = facts.CampaignName,
            Heading = text["Nudge_TwoMinuteShare_Heading"],
            Text = text.Pick("Nudge_TwoMinuteShare_Text", choice),
        };
        return new NudgeComposition(view, [], Placeholders(facts, text));
    }

    // ---- campaign-moment ----

    /// <summary>Which moment today is, if any. Launch wins on day 1, then the last day, the last days, half-way.</summary>
    public static CampaignMomentKind? MomentOn(int day, int totalDays)
    {
        if (day < 1 || day > totalDays)
        {
            return null;
        }

        if (day == 1)
        {
            return CampaignMomentKind.Launch;
        }

        if (day == totalDays)
        {
            return CampaignMomentKind.LastDay;
        }

        if (day >= totalDays - 2)
        {
            return CampaignMomentKind.LastDays;
        }

        return day == HalfWayDay(totalDays) ? CampaignMomentKind.HalfWay : null;
    }

    /// <summary>The day on which half the campaign's days have begun: 15 of 30, 16 of 31.</summary>
    public static int HalfWayDay(int totalDays) => (totalDays + 1) / 2;

    public static NudgeCheck CampaignMomentCheck(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        if (!facts.IsCampaignDay)
        {
            return NudgeCheck.No(text.Format("Nudge_CampaignMoment_NotACampaignDay", text.Number(facts.DayNumber), text.Number(facts.TotalDays)));
        }

        if (MomentOn(facts.DayNumber, facts.TotalDays) is { } moment)
        {
            return NudgeCheck.Yes(text.Format("Nudge_CampaignMoment_Yes", text["Nudge_Moment_" + moment], text.Number(facts.DayNumber), text.Number(facts.TotalDays)));
        }

        var days = Enumerable.Range(1, facts.TotalDays).Where(d => MomentOn(d, facts.TotalDays) is not null).Select(text.Number).ToList();
        return NudgeCheck.No(text.Format("Nudge_CampaignMoment_No", text.Number(facts.DayNumber), text.Number(facts.TotalDays), text.AndList(days)));
    }

    public static NudgeComposition CampaignMoment(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var moment = MomentOn(facts.DayNumber, facts.TotalDays)
            ?? throw new InvalidOperationException("Campaign moment composed on a day without one; check its condition first.");
        var choice = Choice(facts, NudgeKind.CampaignMoment);
        var key = "Nudge_Moment" + moment;
        var daysLeft = facts.DaysLeftIncludingToday;

        // The storybook's size is worth saying only when it is not so small that sharing looks rare.
        var showSize = facts.StorybookSize >= settings.NormThreshold;
        var message = moment switch
        {
            CampaignMomentKind.HalfWay when showSize => text.Pick(key + "_TextWithStories", choice, text.Number(facts.StorybookSize)),
            CampaignMomentKind.LastDays => text.Pick(key + "_Text", choice, text.Number(daysLeft)),
            _ => text.Pick(key + "_Text", choice),
        };

        var view = new CampaignMomentView
        {
            CampaignName = facts.CampaignName,
            Moment = moment,
            Heading = moment == CampaignMomentKind.LastDays
                ? text.Format(key + "_Heading", text.Number(daysLeft), facts.CampaignName)
                : text.Format(key + "_Heading", facts.CampaignName),
            Text = message,
            Detail = moment == CampaignMomentKind.LastDay ? null : text.Format("Nudge_Moment_Ends", text.Date(facts.EndDate)),
        };

        var used = new List<NudgeFactUsed>
        {
            new(text["Nudge_Fact_Day"], text.Format("Nudge_Fact_DayValue", text.Number(facts.DayNumber), text.Number(facts.TotalDays))),
            new(text["Nudge_Fact_Moment"], text["Nudge_Moment_" + moment]),
            new(text["Nudge_Fact_EndDate"], text.Date(facts.EndDate)),
        };
        if (moment == CampaignMomentKind.HalfWay)
        {
            used.Add(new(text["Nudge_Fact_StorybookSize"], text.Number(facts.StorybookSize)));
        }

        var values = Placeholders(facts, text);
        values["days"] = text.Number(daysLeft);
        values["end"] = text.Date(facts.EndDate);
        values["stories"] = text.Number(facts.StorybookSize);
        return new NudgeComposition(view, used, values);
    }

    // ---- quiet-pillar ----

    private static int Count<TKey>(IReadOnlyDictionary<TKey, int> counts, TKey key) =>
        counts.TryGetValue(key, out var n) ? Math.Max(n, 0) : 0;

    private static string PillarCounts(NudgeFacts facts, NudgeText text) =>
        string.Join(", ", Enum.GetValues<Pillar>().Select(p => $"{PillarLabel(p, text)} {text.Number(Count(facts.PillarCounts, p))}"));

    public static Pillar? QuietestPillar(NudgeFacts facts)
    {
        var ordered = Enum.GetValues<Pillar>().OrderBy(p => Count(facts.PillarCounts, p)).ToList();
        return Count(facts.PillarCounts, ordered[0]) < Count(facts.PillarCounts, ordered[1]) ? ordered[0] : null;
    }

    public static NudgeCheck QuietPillarCheck(NudgeFacts facts, NudgeSettings settings, NudgeText text) =>
        QuietestPillar(facts) is { } pillar
            ? NudgeCheck.Yes(text.Format("Nudge_QuietPillar_Yes", PillarLabel(pillar, text), PillarCounts(facts, text)))
            : NudgeCheck.No(text.Format("Nudge_QuietPillar_No", PillarCounts(facts, text)));

    public static NudgeComposition QuietPillar(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var pillar = QuietestPillar(facts)
            ?? throw new InvalidOperationException("Quiet pillar composed without a quietest pillar; check its condition first.");
        var choice = Choice(facts, NudgeKind.QuietPillar);
        var label = PillarLabel(pillar, text);
        var view = new QuietPillarView
        {
            CampaignName = facts.CampaignName,
            PillarLabel = label,
            Heading = text.Format("Nudge_QuietPillar_Heading", label.ToLower(text.Culture)),
            Text = text.Pick("Nudge_QuietPillar_" + pillar, choice),
        };
        var used = new List<NudgeFactUsed> { new(text["Nudge_Fact_PillarCounts"], PillarCounts(facts, text)) };
        var values = Placeholders(facts, text);
        values["pillar"] = label;
        return new NudgeComposition(view, used, values);
    }

    // ---- partnership-element ----

    /// <summary>
    /// The element with the fewest stories. Ties go by how far the campaign has run, so the six elements come
    /// round in turn over the campaign whatever days the plan asks on (a turn by day number alone would give the
    /// same element every time a plan's cycle is a multiple of six days).
    /// </summary>
    public static PartnershipElement ElementOfTheDay(NudgeFacts facts)
    {
        var all = Enum.GetValues<PartnershipElement>();
        var progress = facts.TotalDays > 0 ? (long)Math.Clamp(facts.DayNumber - 1, 0, facts.TotalDays - 1) * all.Length / facts.TotalDays : 0;
        var offset = (int)((uint)(progress + facts.Seed) % (uint)all.Length);
        return all
            .Select((e, i) => (Element: e, Turn: (i - offset + all.Length) % all.Length))
            .OrderBy(x => Count(facts.ElementCounts, x.Element))
            .ThenBy(x => x.Turn)
            .First().Element;
    }

    public static NudgeCheck PartnershipElementCheck(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var element = ElementOfTheDay(facts);
        return NudgeCheck.Yes(text.Format("Nudge_PartnershipElement_Yes", ElementLabel(element, text), text.Number(Count(facts.ElementCounts, element))));
    }

    public static NudgeComposition PartnershipElement(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var element = ElementOfTheDay(facts);
        var label = ElementLabel(element, text);
        var view = new PartnershipElementView
        {
            CampaignName = facts.CampaignName,
            ElementLabel = label,
            Heading = text.Format("Nudge_PartnershipElement_Heading", label),
            Text = text.Pick("Nudge_PartnershipElement_" + element, Choice(facts, NudgeKind.PartnershipElement)),
        };
        var used = new List<NudgeFactUsed>
        {
            new(text["Nudge_Fact_Element"], label),
            new(text["Nudge_Fact_ElementStories"], text.Number(Count(facts.ElementCounts, element))),
        };
        var values = Placeholders(facts, text);
        values["element"] = label;
        return new NudgeComposition(view, used, values);
    }

    // ---- pledge ----

    public static NudgeCheck PledgeCheck(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        if (facts.PledgeOfferedToday)
        {
            return NudgeCheck.No(text["Nudge_Pledge_NoAlreadyToday"]);
        }

        if (facts.DaysLeftIncludingToday < 2)
        {
            return NudgeCheck.No(text["Nudge_Pledge_NoTimeLeft"]);
        }

        return NudgeCheck.Yes(text.Format("Nudge_Pledge_Yes", text.Number(facts.DaysLeftIncludingToday - 1)));
    }

    public static NudgeComposition Pledge(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var view = new PledgeView
        {
            CampaignName = facts.CampaignName,
            Heading = text["Nudge_Pledge_Heading"],
            Text = text.Pick("Nudge_Pledge_Text", Choice(facts, NudgeKind.Pledge)),
        };
        var used = new List<NudgeFactUsed> { new(text["Nudge_Fact_DaysLeft"], text.Number(facts.DaysLeftIncludingToday)) };
        return new NudgeComposition(view, used, Placeholders(facts, text));
    }

    // ---- storybook-progress ----

    public static NudgeCheck StorybookProgressCheck(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        if (facts.StoryTarget is not > 0)
        {
            return NudgeCheck.No(text["Nudge_StorybookProgress_NoTarget"]);
        }

        if (facts.StorybookSize < settings.NormThreshold)
        {
            return NudgeCheck.No(text.Plural("Nudge_StorybookProgress_TooFew", facts.StorybookSize, text.Number(facts.StorybookSize), text.Number(settings.NormThreshold)));
        }

        return NudgeCheck.Yes(text.Format("Nudge_StorybookProgress_Yes", text.Number(facts.StorybookSize), text.Number(facts.StoryTarget.Value)));
    }

    public static NudgeComposition StorybookProgress(NudgeFacts facts, NudgeSettings settings, NudgeText text)
    {
        var target = facts.StoryTarget ?? 0;
        var size = facts.StorybookSize;
        var choice = Choice(facts, NudgeKind.StorybookProgress);
        var reached = size >= target;
        var view = new StorybookProgressView
        {
            CampaignName = facts.CampaignName,
            Size = size,
            Target = target,
            ProgressLabel = text.Format("Nudge_StorybookProgress_Figure", text.Number(size), text.Number(target)),
            Heading = text[reached ? "Nudge_StorybookProgress_HeadingReached" : "Nudge_StorybookProgress_Heading"],
            Text = reached
                ? text.Pick("Nudge_StorybookProgress_TextReached", choice, text.Number(size), text.Number(target))
                : text.Pick("Nudge_StorybookProgress_Text", choice, text.Number(size), text.Number(target), text.Number(target - size)),
        };
        var used = new List<NudgeFactUsed>
        {
            new(text["Nudge_Fact_StorybookSize"], text.Number(size)),
            new(text["Nudge_Fact_Target"], text.Number(target)),
        };
        var values = Placeholders(facts, text);
        values["stories"] = text.Number(size);
        values["target"] = text.Number(target);
        values["togo"] = text.Number(Math.Max(target - size, 0));
        return new NudgeComposition(view, used, values);
    }

    // ---- shared ----

    public static string PillarLabel(Pillar pillar, NudgeText text) => text["Pillar_" + pillar];

    public static string ElementLabel(PartnershipElement element, NudgeText text) =>
        text[StoryOptions.Elements.First(o => o.Value == element).LabelKey];

    /// <summary>Which phrasing: stable for a channel and day, different from day to day.</summary>
    private static int Choice(NudgeFacts facts, NudgeKind kind) => StableHash.Of(facts.Seed, facts.DayNumber, kind);

    private static Dictionary<string, string> Placeholders(NudgeFacts facts, NudgeText text) =>
        new(StringComparer.Ordinal) { ["campaign"] = facts.CampaignName };
}
