using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Campaigns;

/// <summary>
/// The campaign form, for a new campaign and for an edit: name, dates, time, zone (a searchable list of IANA zones),
/// days, channels (a multi-select of registered channels by name: nobody pastes a channel id), goal and target. Its
/// submit (<see cref="ActionNames.CampaignFormSubmit"/>, Action.Execute) sends the inputs and the values the form
/// was opened with, and is authorised on the server for the person pressing it. No input is marked required: the
/// region button must send the inputs half filled in, and the server answers every missing value in words.
/// </summary>
public static class CampaignFormCard
{
    /// <summary>Channels beyond this are counted and added by name in chat; ticked ones are always listed.</summary>
    public const int MaxChannels = 40;

    public const int NameMaxLength = 60;
    public const int GoalMaxLength = 280;

    private const int ChannelLimit = 90;
    private const int ErrorLimit = 1200;

    public static AdaptiveCard Build(CampaignFormView view, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = new CardText(culture);
        var values = view.Values;
        var ticked = values.ChannelIds.ToHashSet(StringComparer.Ordinal);
        var channels = view.Channels.Where(c => ticked.Contains(c.Value))
            .Concat(view.Channels.Where(c => !ticked.Contains(c.Value)))
            .Take(Math.Max(MaxChannels, ticked.Count))
            .ToList();
        var notListed = view.Channels.Count - channels.Count;
        var dayNames = t["CampaignForm_DayNames"].Split('|');

        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>
            {
                Heading(view.CampaignId is null ? t["CampaignForm_HeadingNew"] : t["CampaignForm_HeadingEdit"]),
            };
            if (view.CampaignId is not null && view.CampaignName is { Length: > 0 } name)
            {
                body.Add(new RichTextBlock([UntrustedText.Run(name, budget.Chars(NameMaxLength)) with { Weight = TextWeight.Bolder }]) { Spacing = Spacing.None });
            }

            body.Add(Subtle(view.CampaignId is null ? t["CampaignForm_IntroNew"] : t["CampaignForm_IntroEdit"]));
            if (view.Errors is { Count: > 0 } errors)
            {
                body.Add(Warning(t["CampaignCard_Problems"]));
                body.AddRange(errors.Take(CampaignCard.MaxMessages).Select(e => new TextBlock(UntrustedText.Truncate(e, budget.Chars(ErrorLimit))) { Color = TextColor.Attention, Spacing = Spacing.Small }));
            }

            body.Add(new TextInput
            {
                Id = CampaignFormFields.Name,
                Label = t["CampaignForm_Name"],
                Placeholder = t["CampaignForm_NamePlaceholder"],
                Value = Plain(values.Name, NameMaxLength),
                MaxLength = NameMaxLength,
            });
            body.Add(new ColumnSet(
            [
                new Column([new DateInput { Id = CampaignFormFields.From, Label = t["CampaignForm_From"], Value = Plain(values.From, 10) }]) { Width = "stretch" },
                new Column([new DateInput { Id = CampaignFormFields.To, Label = t["CampaignForm_To"], Value = Plain(values.To, 10) }]) { Width = "stretch" },
            ]));
            body.Add(new TimeInput { Id = CampaignFormFields.At, Label = t["CampaignForm_At"], Value = Plain(values.At, 5) });
            body.Add(new ColumnSet(
            [
                new Column([Regions(view, t)]) { Width = "1" },
                new Column([Zones(view, t)]) { Width = "2" },
            ]));
            body.Add(new ActionSet([CardActions.Execute(t["Action_CampaignZones"], ActionNames.CampaignForm, [.. Payload(view)])]) { Spacing = Spacing.Small });
            body.Add(new ChoiceSetInput([.. CampaignFormFields.DayValues.Select((d, i) => new Choice(i < dayNames.Length ? dayNames[i] : d, d))])
            {
                Id = CampaignFormFields.Days,
                Label = t["CampaignForm_Days"],
                Style = ChoiceInputStyle.Expanded,
                IsMultiSelect = true,
                Value = values.Days.Count == 0 ? null : string.Join(",", values.Days),
                Spacing = Spacing.Medium,
            });

            if (channels.Count == 0)
            {
                body.Add(Label(t["CampaignForm_Channels"]));
                body.Add(Subtle(t["CampaignForm_NoChannels"]) with { Spacing = Spacing.None });
            }
            else
            {
                body.Add(new ChoiceSetInput([.. channels.Select(c => new Choice(UntrustedText.Plain(c.Title, budget.Chars(ChannelLimit)), c.Value))])
                {
                    Id = CampaignFormFields.Channels,
                    Label = t["CampaignForm_Channels"],
                    Style = ChoiceInputStyle.Compact,
                    IsMultiSelect = true,
                    Placeholder = t["CampaignForm_ChannelsPlaceholder"],
                    Value = ticked.Count == 0 ? null : string.Join(",", channels.Where(c => ticked.Contains(c.Value)).Select(c => c.Value)),
                    Wrap = true,
                    Spacing = Spacing.Medium,
                });
            }

            if (notListed > 0)
            {
                body.Add(Subtle(t.Format("CampaignForm_ChannelsMore", notListed)));
            }

            body.Add(new TextInput
            {
                Id = CampaignFormFields.Goal,
                Label = t["CampaignForm_Goal"],
                Placeholder = t["CampaignForm_GoalPlaceholder"],
                Value = Plain(values.Goal, GoalMaxLength),
                MaxLength = GoalMaxLength,
                IsMultiline = true,
                Spacing = Spacing.Medium,
            });
            body.Add(new NumberInput
            {
                Id = CampaignFormFields.Target,
                Label = t["CampaignForm_Target"],
                Placeholder = t["CampaignForm_TargetPlaceholder"],
                Value = double.TryParse(values.Target, NumberStyles.Integer, CultureInfo.InvariantCulture, out var target) ? target : null,
                Min = 1,
                ErrorMessage = t["CampaignForm_TargetError"],
            });

            return new AdaptiveCard
            {
                Body = body,
                Actions =
                [
                    CardActions.Execute(view.CampaignId is null ? t["Action_CampaignCreate"] : t["Action_CampaignSave"], ActionNames.CampaignFormSubmit, [.. Payload(view)]) with { Style = ActionStyle.Positive },
                    CampaignButtons.Action(view.Cancel, t) with { Title = t["Action_Cancel"] },
                ],
                MsTeams = FullWidth,
                FallbackText = view.CampaignId is null ? t["CampaignForm_HeadingNew"] : t["CampaignForm_HeadingEdit"],
            };
        });

        static string? Plain(string value, int max) => string.IsNullOrEmpty(value) ? null : UntrustedText.Plain(value, max);
    }

    /// <summary>What the form's buttons carry besides its inputs: the campaign, and the values it was opened with.</summary>
    private static List<(string Key, string Value)> Payload(CampaignFormView view)
    {
        var payload = new List<(string Key, string Value)>();
        if (view.CampaignId is { } id)
        {
            payload.Add((ActionKeys.Campaign, id));
        }

        // Bounded like the inputs: a stored campaign's values are within these, so only a forged form is cut (and a
        // cut value merely counts as changed).
        if (view.Was is { } was)
        {
            payload.AddRange(
            [
                (CampaignFormFields.Was(CampaignFormFields.Name), Cut(was.Name, NameMaxLength)),
                (CampaignFormFields.Was(CampaignFormFields.From), Cut(was.From, 10)),
                (CampaignFormFields.Was(CampaignFormFields.To), Cut(was.To, 10)),
                (CampaignFormFields.Was(CampaignFormFields.At), Cut(was.At, 8)),
                (CampaignFormFields.Was(CampaignFormFields.Zone), Cut(was.Zone, 64)),
                (CampaignFormFields.Was(CampaignFormFields.Days), string.Join(",", was.Days.Take(7).Select(d => Cut(d, 3)))),
                (CampaignFormFields.Was(CampaignFormFields.Channels), string.Join(",", was.ChannelIds.Take(MaxChannels).Select(c => Cut(c, 100)))),
                (CampaignFormFields.Was(CampaignFormFields.Goal), Cut(was.Goal, GoalMaxLength)),
                (CampaignFormFields.Was(CampaignFormFields.Target), Cut(was.Target, 10)),
            ]);
        }

        return payload;
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];

    private static ChoiceSetInput Regions(CampaignFormView view, CardText t) =>
        new([.. view.Regions.Select(r => new Choice(r, r))])
        {
            Id = CampaignFormFields.Region,
            Label = t["CampaignForm_Region"],
            Style = ChoiceInputStyle.Compact,
            Value = view.Regions.Contains(view.Region, StringComparer.Ordinal) ? view.Region : null,
        };

    // Every zone of the tz database would not fit in one card (some 23 KB), so the list holds one region's zones
    // and "Show zones" redraws the form, inputs kept, with another region's.
    // A filtered choice set is Teams' type-to-search list; the zone the campaign has is kept even if it is not a
    // canonical id, so the form never silently changes it.
    private static ChoiceSetInput Zones(CampaignFormView view, CardText t)
    {
        var zones = view.ZoneIds.ToList();
        var current = view.Values.Zone;
        if (current.Length > 0 && !zones.Contains(current, StringComparer.Ordinal))
        {
            zones.Insert(0, UntrustedText.Plain(current, 64));
        }

        return new ChoiceSetInput([.. zones.Select(z => new Choice(z, z))])
        {
            Id = CampaignFormFields.Zone,
            Label = t["CampaignForm_Zone"],
            Style = ChoiceInputStyle.Filtered,
            Value = current.Length == 0 ? null : UntrustedText.Plain(current, 64),
            Placeholder = t["CampaignForm_ZonePlaceholder"],
        };
    }
}
