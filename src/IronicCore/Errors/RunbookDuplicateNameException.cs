namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>RunbookDuplicateName</c> (HTTP 409): another runbook has this name.
/// </summary>
public sealed class RunbookDuplicateNameException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="name">The name.</param>
    public RunbookDuplicateNameException(string name)
        : base("RunbookDuplicateName", 409, $"A runbook with name {name} already exists.")
    {
        Name = name;
    }

    /// <summary>The name.</summary>
    public string Name { get; }
}
