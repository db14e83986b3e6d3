namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>PortgroupNotFound</c> (HTTP 404): no portgroup has this UUID, name or database id.
/// Ironic's API answers 400 instead when the portgroup is named in a port's body.
/// </summary>
public sealed class PortgroupNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="portgroup">The UUID, name or id asked for.</param>
    public PortgroupNotFoundException(string portgroup)
        : base("PortgroupNotFound", 404, $"Portgroup {portgroup} could not be found.")
    {
        Portgroup = portgroup;
    }

    /// <summary>The UUID, name or id asked for.</summary>
    public string Portgroup { get; }
}
