namespace IronicCore.Configuration;

/// <summary>
/// The section of Ironic's configuration an options class stands for, such as <c>conductor</c>,
/// <c>DEFAULT</c> or a driver package's <c>ipmi</c> (see <see cref="OptionSection"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class IronicSectionAttribute : Attribute
{
    /// <summary>Names the section.</summary>
    /// <param name="name">The section as Ironic's configuration file names it, e.g. <c>"ipmi"</c>.</param>
    public IronicSectionAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The section as Ironic's configuration file names it, e.g. <c>"ipmi"</c>.</summary>
    public string Name { get; }
}
