namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>VifAlreadyAttached</c> (HTTP 409): the VIF is attached to one of the node's ports or portgroups already.
/// </summary>
public sealed class VifAlreadyAttachedException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="vif">The VIF's id.</param>
    /// <param name="objectType"><c>Port</c> or <c>Portgroup</c>.</param>
    /// <param name="objectUuid">The port's or portgroup's UUID.</param>
    public VifAlreadyAttachedException(string vif, string objectType, string objectUuid)
        : base("VifAlreadyAttached", 409, $"Unable to attach VIF because VIF {vif} is already attached to Ironic {objectType} {objectUuid}")
    {
        Vif = vif;
        ObjectType = objectType;
        ObjectUuid = objectUuid;
    }

    /// <summary>The VIF's id.</summary>
    public string Vif { get; }

    /// <summary><c>Port</c> or <c>Portgroup</c>.</summary>
    public string ObjectType { get; }

    /// <summary>The port's or portgroup's UUID.</summary>
    public string ObjectUuid { get; }
}
