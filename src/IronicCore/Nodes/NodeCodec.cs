using IronicCore.Persistence;
using IronicCore.States;
using IronicCore.Steps;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;
using static IronicCore.Steps.StepCodec;

namespace IronicCore.Nodes;

/// <summary>
/// A node record in a snapshot: every field, in one fixed order (a field added to
/// <see cref="Node"/> must be added here, at the end, with a format version bump; a test
/// compares every property after a round trip). The node's driver is an index into the
/// snapshot's table of drivers. Format 1 nodes lack <c>disable_power_off</c> (format 2), which
/// then reads as false; format 1 and 2 nodes lack <c>created_at</c> and the node's details
/// (format 3), which then read as the time of loading and none set; format 1 to 3 nodes lack
/// <c>agent_cached_deploy_steps</c> (format 4), which then reads as not cached (the agent's next
/// heartbeat reads its steps again, as after a power-off). A node whose agent token virtual media
/// pregenerated has a fifty-fourth field, written only then (format 6 on), so every other node is
/// written as before. A node whose agent's start was attempted (master's <c>agent_start_attempted</c>)
/// has a fifty-fifth, written only then (format 8 on), after the fifty-fourth; a node from before
/// format 8 reads it as not attempted.
/// </summary>
internal static class NodeCodec
{
    private const int Fields = 53;

    // A node whose token virtual media pregenerated has one more field, the flag, written only then:
    // any other node is written as before.
    private const int FieldsWithPregeneratedToken = 54;

    // A node whose agent's start was attempted has one more still, after the token's flag.
    private const int FieldsWithAgentStartAttempted = 55;

    private const int FormatThreeFields = 52;

    private const int FormatTwoFields = 50;

    private const int FormatOneFields = 49;

    public static void Write(ref MessagePackWriter writer, Node node, bool deleted, int driver)
    {
        var fields = node.AgentStartAttempted ? FieldsWithAgentStartAttempted
            : node.AgentTokenPregenerated ? FieldsWithPregeneratedToken
            : Fields;
        writer.WriteArrayHeader(fields);
        writer.Write(deleted);
        writer.Write(node.Uuid);
        writer.Write(node.Name);
        writer.Write(driver);
        SnapshotCodec.Write(ref writer, node.DriverInfo);
        writer.Write((int)node.ProvisionState);
        WriteEnum(ref writer, node.TargetProvisionState);
        writer.Write(node.ProvisionUpdatedAt.UtcTicks);
        SnapshotCodec.Write(ref writer, node.InspectionStartedAt);
        WriteEnum(ref writer, node.PowerState);
        WriteEnum(ref writer, node.TargetPowerState);
        writer.Write(node.Maintenance);
        writer.Write(node.MaintenanceReason);
        WriteEnum(ref writer, node.Fault);
        writer.Write(node.LastError);
        writer.Write(node.Reservation);
        writer.Write(node.ConductorGroup);
        SnapshotCodec.Write(ref writer, node.AutomatedClean);
        writer.Write(node.Protected);
        writer.Write(node.ProtectedReason);
        writer.Write(node.Retired);
        writer.Write(node.RetiredReason);
        writer.Write(node.InstanceUuid);
        StepCodec.Write(ref writer, node.CleanStep);
        StepCodec.Write(ref writer, node.DeployStep);
        StepCodec.Write(ref writer, node.ServiceStep);
        writer.Write(node.AgentToken);
        writer.Write(node.AgentUrl);
        writer.Write(node.PendingAgentUrl);
        writer.Write(node.PendingAgentVersion);
        writer.Write(node.AgentVersion);
        SnapshotCodec.Write(ref writer, node.AgentLastHeartbeat);
        StepCodec.Write(ref writer, node.AgentCachedCleanSteps);
        StepCodec.Write(ref writer, node.StepPlan);
        SnapshotCodec.Write(ref writer, node.StepIndex);
        StepCodec.Write(ref writer, node.DeployPlan);
        writer.Write(node.DeployPrepared);
        writer.Write(node.RescuePassword);
        SnapshotCodec.Write(ref writer, node.DeployStepIndex);
        writer.Write(node.StepReboot);
        writer.Write(node.SkipCurrentStep);
        writer.Write(node.StepsDisableRamdisk);
        writer.Write(node.StepAbortable);
        writer.Write(node.AbortAfterStep);
        StepCodec.Write(ref writer, node.RequestedSteps);
        writer.Write(node.DisableRamdisk);
        writer.Write((int)node.TearDownFrom);
        writer.Write(node.PowerSyncFailures);
        writer.Write(node.Generation);
        writer.Write(node.DisablePowerOff);
        writer.Write(node.CreatedAt.UtcTicks);
        NodeDetailsCodec.Write(ref writer, node.Details);
        writer.Write(node.AgentDeployStepsCached);
        if (fields >= FieldsWithPregeneratedToken)
        {
            writer.Write(node.AgentTokenPregenerated);
        }

        if (fields == FieldsWithAgentStartAttempted)
        {
            writer.Write(true);
        }
    }

    /// <summary>
    /// Reads a node for slot <paramref name="index"/> as snapshot format <paramref name="format"/>
    /// wrote it; its <paramref name="driver"/> is an index into <paramref name="drivers"/>, the
    /// snapshot's table of drivers.
    /// </summary>
    /// <param name="reader">Where the node starts.</param>
    /// <param name="index">Its slot.</param>
    /// <param name="drivers">The snapshot's drivers.</param>
    /// <param name="format">The snapshot's format.</param>
    /// <param name="loadedAt">The <c>created_at</c> of a node from before format 3.</param>
    /// <param name="deleted">Whether the node was written as deleted.</param>
    /// <param name="driver">The node's driver, an index into <paramref name="drivers"/>.</param>
    public static Node Read(ref MessagePackReader reader, int index, IReadOnlyList<NodeInterfaces> drivers, int format, DateTimeOffset loadedAt, out bool deleted, out int driver)
    {
        var fields = format switch { 1 => FormatOneFields, 2 => FormatTwoFields, 3 => FormatThreeFields, _ => Fields };
        var count = reader.ReadArrayHeader();
        if (count != fields
            && !(fields == Fields && count == FieldsWithPregeneratedToken)
            && !(fields == Fields && format >= 8 && count == FieldsWithAgentStartAttempted))
        {
            throw new MessagePackSerializationException($"a node has {count} fields, not {fields}");
        }

        deleted = reader.ReadBoolean();
        var uuid = ReadText(ref reader, "a node's uuid");
        var name = reader.ReadString();
        driver = reader.ReadInt32();
        if ((uint)driver >= (uint)drivers.Count)
        {
            throw new MessagePackSerializationException($"node {uuid} names driver {driver}, which the snapshot does not have");
        }

        var node = new Node(index, uuid, name, drivers[driver], loadedAt)
        {
            DriverInfo = ReadTextMap(ref reader),
            ProvisionState = ReadEnum<ProvisionState>(ref reader),
            TargetProvisionState = ReadNullableEnum<ProvisionState>(ref reader),
            ProvisionUpdatedAt = ReadTime(ref reader),
            InspectionStartedAt = ReadNullableTime(ref reader),
            PowerState = ReadNullableEnum<PowerState>(ref reader),
            TargetPowerState = ReadNullableEnum<PowerState>(ref reader),
            Maintenance = reader.ReadBoolean(),
            MaintenanceReason = reader.ReadString(),
            Fault = ReadNullableEnum<NodeFault>(ref reader),
            LastError = reader.ReadString(),
            Reservation = reader.ReadString(),
            ConductorGroup = ReadText(ref reader, "a conductor group"),
            AutomatedClean = ReadNullableBool(ref reader),
            Protected = reader.ReadBoolean(),
            ProtectedReason = reader.ReadString(),
            Retired = reader.ReadBoolean(),
            RetiredReason = reader.ReadString(),
            InstanceUuid = reader.ReadString(),
            CleanStep = ReadStepReference(ref reader),
            DeployStep = ReadStepReference(ref reader),
            ServiceStep = ReadStepReference(ref reader),
            AgentToken = reader.ReadString(),
            AgentUrl = reader.ReadString(),
            PendingAgentUrl = reader.ReadString(),
            PendingAgentVersion = reader.ReadString(),
            AgentVersion = reader.ReadString(),
            AgentLastHeartbeat = ReadNullableTime(ref reader),
            AgentCachedCleanSteps = ReadStepDefinitions(ref reader),
            StepPlan = ReadPlan(ref reader),
            StepIndex = ReadNullableInt(ref reader),
            DeployPlan = ReadPlan(ref reader),
            DeployPrepared = reader.ReadBoolean(),
            RescuePassword = reader.ReadString(),
            DeployStepIndex = ReadNullableInt(ref reader),
            StepReboot = reader.ReadBoolean(),
            SkipCurrentStep = reader.ReadBoolean(),
            StepsDisableRamdisk = reader.ReadBoolean(),
            StepAbortable = reader.ReadBoolean(),
            AbortAfterStep = reader.ReadBoolean(),
            RequestedSteps = ReadStepRequests(ref reader),
            DisableRamdisk = reader.ReadBoolean(),
            TearDownFrom = ReadEnum<ProvisionState>(ref reader),
            PowerSyncFailures = reader.ReadInt32(),
            Generation = reader.ReadInt64(),
        };
        node.DisablePowerOff = format > 1 && reader.ReadBoolean();
        if (format > 2)
        {
            node.CreatedAt = ReadTime(ref reader);
            node.Details = NodeDetailsCodec.Read(ref reader);
        }

        node.AgentDeployStepsCached = format > 3 && reader.ReadBoolean();
        if (count >= FieldsWithPregeneratedToken && reader.ReadBoolean() && node.AgentToken is { } token)
        {
            node.SetPregeneratedAgentToken(token);
        }

        node.AgentStartAttempted = count == FieldsWithAgentStartAttempted && reader.ReadBoolean();

        return node;
    }
}
