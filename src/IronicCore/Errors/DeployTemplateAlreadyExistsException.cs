namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>DeployTemplateAlreadyExists</c> (HTTP 409): another deploy template has this UUID.
/// </summary>
public sealed class DeployTemplateAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="uuid">The UUID.</param>
    public DeployTemplateAlreadyExistsException(string uuid)
        : base("DeployTemplateAlreadyExists", 409, $"A deploy template with UUID {uuid} already exists.")
    {
        Uuid = uuid;
    }

    /// <summary>The UUID.</summary>
    public string Uuid { get; }
}
