namespace IronicCore.Configuration;

/// <summary>
/// The section of Ironic's configuration file an options class stands for, such as
/// <c>conductor</c> or <c>DEFAULT</c>. <see cref="OptionCatalog"/> reads it once.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class IronicSectionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
