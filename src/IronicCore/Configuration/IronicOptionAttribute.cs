namespace IronicCore.Configuration;

/// <summary>
/// The Ironic option a property stands for, such as <c>clean_callback_timeout</c>; its section
/// comes from the class's <see cref="IronicSectionAttribute"/>. <see cref="OptionCatalog"/> reads it once.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class IronicOptionAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>
    /// True when Ironic 21.4 has no such option: a 21.4 configuration may not name it, and the
    /// property must keep the value under which the conductor behaves as 21.4 did.
    /// </summary>
    public bool MasterOnly { get; init; }
}
