using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Admin;
using InfoStoryBot.Dialogs.Engine;

namespace InfoStoryBot.Dialogs.Admin;

/// <summary>The admin cards' forms as commands: the same records their typed forms give, for the same gate.</summary>
public static class AdminForms
{
    /// <summary>The campaign team list's "add someone" box: "admin add &lt;what was typed&gt;".</summary>
    public static AdminParse ReadAdd(CardSubmit submit, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(submit);
        var person = AdminGrammar.Normalise(submit.Get(AdminFields.Person) ?? "").TrimStart('@').Trim();
        if (person.Length > AdminFields.PersonMaxLength)
        {
            person = person[..AdminFields.PersonMaxLength];
        }

        return person.Length == 0
            ? new AdminParse.Usage(new DialogText(culture)["AdminForm_PersonMissing"], AdminCommandNames.AdminAdd)
            : new AdminParse.Parsed(new AdminAdd(person));
    }
}
