using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Admin;

/// <summary>Input ids of the admin cards.</summary>
public static class AdminFields
{
    /// <summary>The name typed into "add someone to the campaign team".</summary>
    public const string Person = "person";

    public const int PersonMaxLength = 200;
}

/// <summary>One button of the admin panel: the command it runs is an admin command's own text (admin.run).</summary>
public sealed record AdminPanelEntry(string Title, string Description, string Command);

public sealed record AdminPanelView(IReadOnlyList<AdminPanelEntry> Entries);

/// <summary>
/// The admin panel: every admin command reachable by a button, each with a line on what it does. The buttons post a
/// new card (Action.Submit), so the panel stays in the chat to come back to.
/// </summary>
public static class AdminPanelCard
{
    public static AdaptiveCard Build(AdminPanelView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        var body = new List<CardElement> { Heading(t["AdminPanel_Heading"]), Para(t["AdminPanel_Intro"]) };
        foreach (var entry in view.Entries)
        {
            body.Add(new Container(
            [
                new TextBlock(entry.Description) { Spacing = Spacing.Small },
                new ActionSet([CardActions.Submit(entry.Title, ActionNames.AdminRun, (ActionKeys.Command, entry.Command))]) { Spacing = Spacing.Small },
            ])
            {
                Separator = true,
                Spacing = Spacing.Medium,
            });
        }

        return new AdaptiveCard { Body = body, MsTeams = FullWidth, FallbackText = t["AdminPanel_Heading"] };
    }
}

/// <summary>One admin: their name, a line about them ("Added by Sam on 3 March 2027"), and, unless they cannot be removed by chat, Remove.</summary>
/// <param name="Name">Untrusted (from Teams).</param>
/// <param name="Detail">Untrusted: it may hold another admin's name.</param>
public sealed record AdminRowView(string Name, string Detail, string? RemoveCommand);

/// <param name="Notice">What just happened, shown first (plain text).</param>
public sealed record AdminListView(IReadOnlyList<AdminRowView> Admins, string PanelCommand, string? Notice = null);

/// <summary>The campaign team, with Remove on each admin made in chat, and a box to add someone by name.</summary>
public static class AdminListCard
{
    /// <summary>A campaign team is a handful of people; past this many the card says how many more there are.</summary>
    public const int MaxAdmins = 25;
    private const int NameLimit = 100;
    private const int DetailLimit = 200;

    public static AdaptiveCard Build(AdminListView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement> { Heading(t["AdminList_Heading"]) };
            if (view.Notice is { Length: > 0 } notice)
            {
                body.Add(new RichTextBlock([UntrustedText.Run(notice, budget.Chars(400)) with { Weight = TextWeight.Bolder, Color = TextColor.Accent }]));
            }

            body.Add(Para(view.Admins.Count == 0 ? t["AdminList_None"] : t["AdminList_Intro"]));
            foreach (var admin in view.Admins.Take(MaxAdmins))
            {
                var row = new List<CardElement>
                {
                    new RichTextBlock([UntrustedText.Run(admin.Name, budget.Chars(NameLimit)) with { Weight = TextWeight.Bolder }]),
                    new RichTextBlock([UntrustedText.Run(admin.Detail, budget.Chars(DetailLimit)) with { IsSubtle = true, Size = TextSize.Small }]) { Spacing = Spacing.None },
                };
                if (admin.RemoveCommand is { } remove)
                {
                    // Not tied to the "add someone" box: its required name must not stop a Remove.
                    row.Add(new ActionSet([CardActions.Execute(t["AdminList_Remove"], ActionNames.AdminRun, (ActionKeys.Command, remove)) with
                    {
                        Style = ActionStyle.Destructive,
                        AssociatedInputs = AssociatedInputs.None,
                    }])
                    {
                        Spacing = Spacing.Small,
                    });
                }

                body.Add(new Container(row) { Separator = true, Spacing = Spacing.Medium });
            }

            if (view.Admins.Count > MaxAdmins)
            {
                body.Add(Subtle(t.Format("AdminList_More", view.Admins.Count - MaxAdmins)) with { Spacing = Spacing.Medium });
            }

            body.Add(Label(t["AdminList_AddHeading"]) with { Separator = true });
            body.Add(new TextInput
            {
                Id = AdminFields.Person,
                Label = t["AdminList_AddLabel"],
                Placeholder = t["AdminList_AddPlaceholder"],
                IsRequired = true,
                ErrorMessage = t["AdminList_AddRequired"],
                MaxLength = AdminFields.PersonMaxLength,
            });
            body.Add(new ActionSet([CardActions.Execute(t["AdminList_Find"], ActionNames.AdminAddFind) with { Style = ActionStyle.Positive }]));

            return new AdaptiveCard
            {
                Body = body,
                Actions = [CardActions.SubmitWithoutInputs(t["Admin_OpenPanel"], ActionNames.AdminRun, (ActionKeys.Command, view.PanelCommand))],
                MsTeams = FullWidth,
                FallbackText = t["AdminList_Heading"],
            };
        });
    }
}

/// <param name="Name">Untrusted.</param>
/// <param name="Detail">Untrusted, e.g. "already on the campaign team".</param>
/// <param name="Command">What choosing them runs (admin.run), or null when they cannot be chosen.</param>
public sealed record PersonChoiceView(string Name, string? Detail, string? Command);

/// <param name="Intro">Our sentence about the search, holding what the admin typed: shown as plain text.</param>
/// <param name="More">How many more matched than are shown.</param>
public sealed record PeoplePickView(string Heading, string Intro, string ChooseTitle, IReadOnlyList<PersonChoiceView> People, int More, string PanelCommand);

/// <summary>Several people match a name: one button each, so nobody ever pastes an id.</summary>
public static class PeoplePickCard
{
    public const int MaxPeople = 10;
    private const int NameLimit = 100;

    public static AdaptiveCard Build(PeoplePickView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>
            {
                Heading(view.Heading),
                new RichTextBlock([UntrustedText.Run(view.Intro, budget.Chars(400))]),
            };
            foreach (var person in view.People.Take(MaxPeople))
            {
                var items = new List<CardElement>
                {
                    new RichTextBlock([UntrustedText.Run(person.Name, budget.Chars(NameLimit)) with { Weight = TextWeight.Bolder }]),
                };
                if (person.Detail is { Length: > 0 } detail)
                {
                    items.Add(new RichTextBlock([UntrustedText.Run(detail, budget.Chars(200)) with { IsSubtle = true, Size = TextSize.Small }]) { Spacing = Spacing.None });
                }

                if (person.Command is { } command)
                {
                    items.Add(new ActionSet([CardActions.Execute(view.ChooseTitle, ActionNames.AdminRun, (ActionKeys.Command, command))]) { Spacing = Spacing.Small });
                }

                body.Add(new Container(items) { Separator = true, Spacing = Spacing.Medium });
            }

            if (view.More + Math.Max(0, view.People.Count - MaxPeople) is > 0 and var more)
            {
                body.Add(Subtle(t.Format("PeoplePick_More", more)) with { Spacing = Spacing.Medium });
            }

            return new AdaptiveCard
            {
                Body = body,
                Actions = [CardActions.Submit(t["Admin_OpenPanel"], ActionNames.AdminRun, (ActionKeys.Command, view.PanelCommand))],
                MsTeams = FullWidth,
                FallbackText = view.Heading,
            };
        });
    }
}

/// <param name="Who">The admin's name as Teams gave it (untrusted).</param>
/// <param name="What">The change in our words ("approved a story").</param>
/// <param name="Target">What it was done to (an id or a name; untrusted).</param>
/// <param name="Details">Before → after, in short words (untrusted).</param>
public sealed record AuditLineView(DateTime AtLocal, string Who, string What, string? Target, string? Details);

/// <param name="Asked">How many entries the admin asked for.</param>
public sealed record AuditView(IReadOnlyList<AuditLineView> Lines, int Asked, string PanelCommand);

/// <summary>The newest audit entries, newest first, one line each; as many as a card holds.</summary>
public static class AuditCard
{
    private const int WhoLimit = 60;
    private const int TargetLimit = 80;
    private const int DetailsLimit = 160;

    public static AdaptiveCard Build(AuditView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        for (var shown = view.Lines.Count; ; shown = shown * 2 / 3)
        {
            var card = Build(view, view.Lines.Take(shown).ToList(), t, culture);
            if (shown == 0 || CardJson.SizeInBytes(card) <= CardJson.MaxBytes)
            {
                return card;
            }
        }
    }

    private static AdaptiveCard Build(AuditView view, IReadOnlyList<AuditLineView> lines, CardText t, CultureInfo culture)
    {
        var body = new List<CardElement> { Heading(t["Audit_Heading"]) };
        body.Add(Para(view.Lines.Count == 0
            ? t["Audit_Empty"]
            : lines.Count < view.Lines.Count
                ? t.Format("Audit_IntroCut", lines.Count, view.Lines.Count)
                : t.Format(lines.Count == 1 ? "Audit_IntroOne" : "Audit_Intro", lines.Count)));
        foreach (var line in lines)
        {
            var runs = new List<TextRun>
            {
                new(line.AtLocal.ToString("d MMM yyyy HH:mm", culture) + "  ") { IsSubtle = true, Size = TextSize.Small },
                UntrustedText.Run(line.Who, WhoLimit) with { Weight = TextWeight.Bolder, Size = TextSize.Small },
                new(" " + line.What) { Size = TextSize.Small },
            };
            if (line.Target is { Length: > 0 } target)
            {
                runs.Add(new TextRun(" · ") { Size = TextSize.Small, IsSubtle = true });
                runs.Add(UntrustedText.Run(target, TargetLimit) with { Size = TextSize.Small });
            }

            if (line.Details is { Length: > 0 } details)
            {
                runs.Add(new TextRun(": ") { Size = TextSize.Small, IsSubtle = true });
                runs.Add(UntrustedText.Run(details, DetailsLimit) with { Size = TextSize.Small, IsSubtle = true });
            }

            body.Add(new RichTextBlock(runs) { Spacing = Spacing.Small });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [CardActions.Submit(t["Admin_OpenPanel"], ActionNames.AdminRun, (ActionKeys.Command, view.PanelCommand))],
            MsTeams = FullWidth,
            FallbackText = t["Audit_Heading"],
        };
    }
}
