namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>PortDuplicateName</c> (HTTP 409): another port has this name.
/// </summary>
public sealed class PortDuplicateNameException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="name">The name.</param>
    public PortDuplicateNameException(string name)
        : base("PortDuplicateName", 409, $"A port with name {name} already exists.")
    {
        Name = name;
    }

    /// <summary>The name.</summary>
    public string Name { get; }
}
