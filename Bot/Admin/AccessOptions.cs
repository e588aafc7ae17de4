using System.ComponentModel.DataAnnotations;

namespace InfoStoryBot.Bot.Admin;

/// <summary>
/// Who may do what. Section <c>Access</c>. Admin rights come from here (and from grants admins make),
/// never from the Teams command list, which is only a hint in the compose box.
/// </summary>
public sealed class AccessOptions : IValidatableObject
{
    public const string Section = "Access";

    /// <summary>Entra object ids of the first admins, who can then grant others.</summary>
    public IList<string> BootstrapAdmins { get; } = [];

    /// <summary>When not empty, activities from any other tenant are ignored.</summary>
    public IList<string> AllowedTenants { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var id in BootstrapAdmins.Where(id => !Guid.TryParse(id, out _)))
        {
            yield return new ValidationResult($"Access:BootstrapAdmins holds '{id}', which is not an Entra object id (a GUID).");
        }

        foreach (var id in AllowedTenants.Where(id => !Guid.TryParse(id, out _)))
        {
            yield return new ValidationResult($"Access:AllowedTenants holds '{id}', which is not a tenant id (a GUID).");
        }
    }
}
