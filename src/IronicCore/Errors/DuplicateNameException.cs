namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>DuplicateName</c> (HTTP 409): another node has this name.
/// </summary>
public sealed class DuplicateNameException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="name">The name.</param>
    public DuplicateNameException(string name)
        : base("DuplicateName", 409, $"A node with name {name} already exists.")
    {
        Name = name;
    }

    /// <summary>The name.</summary>
    public string Name { get; }
}
