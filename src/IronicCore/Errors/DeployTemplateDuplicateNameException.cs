namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>DeployTemplateDuplicateName</c> (HTTP 409): another deploy template has this name.
/// </summary>
public sealed class DeployTemplateDuplicateNameException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="name">The name.</param>
    public DeployTemplateDuplicateNameException(string name)
        : base("DeployTemplateDuplicateName", 409, $"A deploy template with name {name} already exists.")
    {
        Name = name;
    }

    /// <summary>The name.</summary>
    public string Name { get; }
}
