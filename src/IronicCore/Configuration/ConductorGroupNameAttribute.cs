using System.ComponentModel.DataAnnotations;

namespace IronicCore.Configuration;

/// <summary>
/// The characters Ironic allows in a conductor group: it refuses to register a conductor, or to create
/// a node, whose group has others. Read by <see cref="OptionEntry"/>; a data-annotation validator
/// reads it too.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class ConductorGroupNameAttribute : RegularExpressionAttribute
{
    public ConductorGroupNameAttribute()
        : base("^[a-zA-Z0-9_.-]*$")
    {
        ErrorMessage = "may hold only letters, digits, '_', '-' and '.'";
    }
}
