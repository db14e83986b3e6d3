namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NoFreePhysicalPorts</c> (HTTP 400): none of the node's ports or portgroups can take another VIF.
/// </summary>
public sealed class NoFreePhysicalPortsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="vif">The VIF's id.</param>
    public NoFreePhysicalPortsException(string vif)
        : base("NoFreePhysicalPorts", 400, $"Unable to attach VIF {vif}, not enough free physical ports.")
    {
        Vif = vif;
    }

    /// <summary>The VIF's id.</summary>
    public string Vif { get; }
}
