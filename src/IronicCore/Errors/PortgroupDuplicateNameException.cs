namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>PortgroupDuplicateName</c> (HTTP 409): another portgroup has this name.
/// </summary>
public sealed class PortgroupDuplicateNameException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="name">The name.</param>
    public PortgroupDuplicateNameException(string name)
        : base("PortgroupDuplicateName", 409, $"A portgroup with name {name} already exists.")
    {
        Name = name;
    }

    /// <summary>The name.</summary>
    public string Name { get; }
}
