namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>AllocationDuplicateName</c> (HTTP 409): another allocation has the name.
/// </summary>
public sealed class AllocationDuplicateNameException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="name">The name.</param>
    public AllocationDuplicateNameException(string name)
        : base("AllocationDuplicateName", 409, $"An allocation with name {name} already exists.")
    {
        Name = name;
    }

    /// <summary>The name.</summary>
    public string Name { get; }
}
