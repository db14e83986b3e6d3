using IronicCore.Nodes;

namespace IronicCore.Tests.Conductor;

/// <summary>Every field of a node view as one comparable value, to prove a refusal changed nothing.</summary>
internal static class NodeSnapshot
{
    public static string Of(NodeView node) => string.Join("|",
        node.Uuid, node.Name, node.ProvisionState, node.TargetProvisionState, node.ProvisionUpdatedAt, node.PowerState,
        node.TargetPowerState, node.Maintenance, node.MaintenanceReason, node.Fault, node.LastError, node.Reservation,
        node.AutomatedClean, node.Protected, node.Retired, node.InstanceUuid, node.CleanStep, node.DeployStep, node.ServiceStep,
        string.Join(",", node.DriverInfo));
}
