namespace IronicCore.Nodes;

/// <summary>
/// A VIF (a Neutron port's id) attached to a node (<c>GET /v1/nodes/{node}/vifs</c>), with the
/// port or the portgroup that holds it in its <c>internal_info</c> as <c>tenant_vif_port_id</c>.
/// </summary>
/// <param name="Id">The VIF's id.</param>
/// <param name="PortUuid">The port that holds it, or null when a portgroup does.</param>
/// <param name="PortgroupUuid">The portgroup that holds it, or null when a port does.</param>
public sealed record VifAttachment(string Id, string? PortUuid, string? PortgroupUuid);
