namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>DeployTemplateNotFound</c> (HTTP 404): no deploy template has this UUID or name.
/// </summary>
public sealed class DeployTemplateNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="template">The UUID or name asked for.</param>
    public DeployTemplateNotFoundException(string template)
        : base("DeployTemplateNotFound", 404, $"Deploy template {template} could not be found.")
    {
        Template = template;
    }

    /// <summary>The UUID or name asked for.</summary>
    public string Template { get; }
}
