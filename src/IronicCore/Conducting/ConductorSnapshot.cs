using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Drivers;
using IronicCore.Drivers.Fake;
using IronicCore.Errors;
using IronicCore.InspectionRules;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.Persistence;
using IronicCore.Resources;
using IronicCore.DeployTemplates;
using IronicCore.Runbooks;
using IronicCore.Volumes;
using IronicCore.States;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;
using static IronicCore.Agent.AgentBehaviourCodec;
using static IronicCore.Configuration.OptionsCodec;

namespace IronicCore.Conducting;

/// <summary>
/// A conductor's state in a snapshot (format: docs/persistence.md): its settings, random state,
/// periodic tasks, the drivers its nodes use, every slot (node, state, machine with its agent,
/// task), the node history, the ports and portgroups, the runbooks and inspection rules.
/// Derived indexes are not saved; the node table rebuilds them.
/// </summary>
internal static class ConductorSnapshot
{
    /// <summary>The fields of a conductor's state in format 3, and with the driver states (an addition to format 3, eighth).</summary>
    private const int Fields = 12;

    private const int FieldsWithDriverStates = 13;

    /// <summary>Where the driver states are: after the periodic tasks, before the drivers the nodes use, whose types they register.</summary>
    private const int DriverStatesField = 7;

    /// <summary>What a conductor is built from, read before the rest.</summary>
    public sealed record Settings(ConductorOptions Options, string Host, ulong Seed, AgentBehaviour? Agents, IMaintenancePolicy Policy, bool HasDriverStates);

    /// <summary>Throws when the conductor holds what a snapshot cannot carry.</summary>
    /// <param name="context">The conductor.</param>
    /// <param name="kept">Whether a driver state keeps a hardware type's state.</param>
    /// <exception cref="SnapshotUnsupportedException">A hardware type other than fake-hardware is registered that no driver state keeps.</exception>
    public static void CheckSavable(ConductorContext context, Func<HardwareType, bool> kept)
    {
        foreach (var type in context.Drivers.HardwareTypes)
        {
            if (type.Name != FakeHardware.Name && !kept(type))
            {
                throw new SnapshotUnsupportedException(
                    $"Hardware type {type.Name} is registered, but no driver state keeps its drivers' own state (their BMCs, links, leases): " +
                    "its package must register a DriverState listing the type (Conductor.AddDriverState, docs/drivers.md) for the conductor to be saved.");
            }
        }
    }

    /// <summary>Writes the conductor's state (without its clock).</summary>
    /// <param name="context">The conductor.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="driverStates">Writes the driver packages' states; null when none is registered, so the state is format 3's twelve fields.</param>
    public static void Write(ConductorContext context, ref MessagePackWriter writer, SnapshotWriter? driverStates)
    {
        writer.WriteArrayHeader(driverStates is null ? Fields : FieldsWithDriverStates);
        OptionsCodec.Write(ref writer, context.Options);
        writer.Write(context.Host);
        writer.Write(context.Seed);
        AgentBehaviourCodec.Write(ref writer, context.AgentBehaviour);
        writer.Write(context.MaintenancePolicy.GetType().FullName);
        SnapshotCodec.Write(ref writer, context.Random.GetState());
        context.Periodics.Write(ref writer);
        driverStates?.Invoke(ref writer);

        var driverIndex = new Dictionary<NodeDriver, int>(ReferenceEqualityComparer.Instance);
        writer.WriteArrayHeader(context.Drivers.Built.Count);
        foreach (var (key, driver) in context.Drivers.Built)
        {
            driverIndex.Add(driver, driverIndex.Count);
            // A boot interface other than the type's own (ipxe beside pxe) is a fifth field, so
            // snapshots of drivers on their type's boot interface read as before.
            // An inspect or BIOS interface other than the type's default (no-inspect, no-bios beside
            // redfish) makes seven, the boot interface always among them.
            var ownBoot = key.Boot == driver.Type.Boot.Name;
            var ownInspectAndBios = key.Inspect == SupportedInterfaces.Names(driver.Type, "inspect")[0]
                && key.Bios == SupportedInterfaces.Names(driver.Type, "bios")[0];
            writer.WriteArrayHeader(!ownInspectAndBios ? 7 : ownBoot ? 4 : 5);
            writer.Write(key.Driver);
            writer.Write(key.Deploy);
            writer.Write(key.Rescue);
            writer.Write(key.Management);
            if (!ownBoot || !ownInspectAndBios)
            {
                writer.Write(key.Boot);
            }

            if (!ownInspectAndBios)
            {
                writer.Write(key.Inspect);
                writer.Write(key.Bios);
            }
        }

        var table = context.Nodes;
        writer.WriteArrayHeader(table.Count);
        for (var slot = 0; slot < table.Count; slot++)
        {
            writer.WriteArrayHeader(4);
            if (table[slot] is { } node)
            {
                NodeCodec.Write(ref writer, node, deleted: false, driverIndex[table.DriverOf(node)]);
            }
            else
            {
                writer.WriteNil();
            }

            writer.Write((int)table.StateAt(slot));
            table.MachineAt(slot).Write(ref writer);
            table.TaskAt(slot).Write(ref writer);
        }

        context.History.Write(ref writer);

        // Format 3: the ports and portgroups, then the runbooks and inspection rules in one block of
        // their own, which format 5 extends with the chassis and the allocations, and format 6 with
        // the deploy templates and the volume connectors and targets.
        NetworkSnapshot.Write(ref writer, context.Network);
        writer.WriteArrayHeader(6);
        RunbookCodec.Write(ref writer, context.Runbooks);
        InspectionRuleCodec.Write(ref writer, context.InspectionRules);
        ResourceCodec.Write(ref writer, context.ChassisTable);
        ResourceCodec.Write(ref writer, context.Allocations);
        DeployTemplateCodec.Write(ref writer, context.DeployTemplates);
        VolumeCodec.Write(ref writer, context.Volumes);
    }

    /// <summary>A node's <c>allocation_uuid</c> is derived: the allocation that names the node.</summary>
    private static void RestoreAllocationLinks(ConductorContext context)
    {
        foreach (var allocation in context.Allocations.All)
        {
            if (allocation.NodeUuid is { } uuid && context.Nodes.TryFind(uuid) is { } node)
            {
                node.Details = node.Details with { AllocationUuid = allocation.Uuid };
            }
        }
    }

    /// <param name="reader">Where the conductor's state starts.</param>
    /// <param name="maintenancePolicy">The maintenance policy the saved conductor had; null for Ironic's own.</param>
    /// <param name="format">
    /// The snapshot's format: 1 has no node history (nor its clean-up task) and no <c>disable_power_off</c>;
    /// 1 and 2 have no node details (<c>created_at</c>, <c>properties</c>, <c>traits</c>, ...), ports or portgroups,
    /// runbooks or inspection rules.
    /// </param>
    /// <param name="driverSections">The driver sections the saved options may name.</param>
    /// <returns>The settings, and whether driver states follow the periodic tasks (<see cref="ReadState"/> reads them).</returns>
    /// <exception cref="ArgumentException"><paramref name="maintenancePolicy"/> is not of the type the conductor was saved with.</exception>
    public static Settings ReadSettings(ref MessagePackReader reader, IMaintenancePolicy? maintenancePolicy, int format, IEnumerable<OptionSection>? driverSections)
    {
        var fields = reader.ReadArrayHeader();
        var expected = format switch { 1 => 9, 2 => 10, _ => Fields };
        if (fields != expected && !(format > 2 && fields == FieldsWithDriverStates))
        {
            throw new MessagePackSerializationException($"a conductor has {fields} fields, not {expected}{(format > 2 ? $" or {FieldsWithDriverStates}" : string.Empty)}");
        }

        var options = ReadOptions(ref reader, driverSections);
        var host = ReadText(ref reader, "the conductor's host");
        var seed = reader.ReadUInt64();
        var agents = ReadAgentBehaviour(ref reader);
        var policyName = ReadText(ref reader, "the maintenance policy");
        maintenancePolicy ??= IronicMaintenancePolicy.Instance;
        if (maintenancePolicy.GetType().FullName != policyName)
        {
            throw new ArgumentException(
                $"The conductor was saved with maintenance policy {policyName}; pass one of that type, not {maintenancePolicy.GetType().FullName}.",
                nameof(maintenancePolicy));
        }

        return new Settings(options, host, seed, agents, maintenancePolicy, fields == FieldsWithDriverStates);
    }

    /// <summary>Moves <paramref name="peek"/> from the start of a conductor's state to its driver states, if it has them.</summary>
    /// <returns>Whether it has them.</returns>
    public static bool SkipToDriverStates(ref MessagePackReader peek, int format)
    {
        if (format < 3 || peek.ReadArrayHeader() != FieldsWithDriverStates)
        {
            return false;
        }

        for (var field = 0; field < DriverStatesField; field++)
        {
            peek.Skip();
        }

        return true;
    }

    /// <summary>Reads the rest into a conductor built from <see cref="ReadSettings"/> on the snapshot's clock.</summary>
    /// <param name="context">The conductor.</param>
    /// <param name="reader">Where <see cref="ReadSettings"/> stopped.</param>
    /// <param name="format">The snapshot's format.</param>
    /// <param name="driverStates">
    /// When the settings say driver states follow: restores them (registering their hardware types before
    /// the nodes' drivers are built) and returns what to call once the nodes are loaded.
    /// </param>
    public static void ReadState(ConductorContext context, ref MessagePackReader reader, int format, SnapshotReader<Action>? driverStates)
    {
        context.Random.Restore(ReadRandomState(ref reader));
        context.Periodics.Read(ref reader, format);
        var nodesLoaded = driverStates?.Invoke(ref reader);
        var drivers = new List<NodeDriver>();
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            var fields = reader.ReadArrayHeader();
            if (fields is not (4 or 5 or 7))
            {
                throw new MessagePackSerializationException($"a driver has {fields} fields, not 4, 5 or 7");
            }

            var name = ReadText(ref reader, "a hardware type");
            var deploy = ReadText(ref reader, "a deploy interface");
            var rescue = ReadText(ref reader, "a rescue interface");
            var management = ReadText(ref reader, "a management interface");
            var boot = fields >= 5 ? ReadText(ref reader, "a boot interface") : null;
            var inspect = fields == 7 ? ReadText(ref reader, "an inspect interface") : null;
            var bios = fields == 7 ? ReadText(ref reader, "a bios interface") : null;
            try
            {
                drivers.Add(context.Drivers.DriverFor(name, deploy, rescue, management, boot, restoring: true, inspect, bios));
            }
            catch (IronicException error)
            {
                throw new MessagePackSerializationException($"a driver does not load: {error.Message}", error);
            }
        }

        var interfaces = drivers.ConvertAll(d => d.Interfaces);
        var loadedAt = context.Clock.GetUtcNow();
        var host = context.AgentHost;
        var slots = reader.ReadArrayHeader();
        for (var slot = 0; slot < slots; slot++)
        {
            Expect(ref reader, 4, "a node slot");
            Node? node = null;
            var driver = 0;
            var deleted = reader.TryReadNil();
            if (!deleted)
            {
                node = NodeCodec.Read(ref reader, slot, interfaces, format, loadedAt, out _, out driver);
            }

            var state = ReadEnum<ProvisionState>(ref reader);
            var simulated = SimulatedMachine.Read(ref reader, slot, context.Agents.UsesTls, host.PowerChanged, context.Nodes.RecordedPowerState);

            // A deleted node's slot keeps its machine and task; the task's node is never reached again.
            var task = new DriverTask(
                node ?? new Node(slot, string.Empty, null, interfaces[0], default), drivers[driver], simulated, host.TaskHost);
            task.Read(ref reader);
            context.Nodes.Add(node, state, simulated, task);
        }

        if (format > 1)
        {
            context.History.Read(ref reader);
        }

        try
        {
            context.Nodes.RebuildIndexes();
        }
        catch (InvalidOperationException error)
        {
            throw new MessagePackSerializationException(error.Message, error);
        }

        if (format > 2)
        {
            NetworkSnapshot.Read(ref reader, context.Network, context.Nodes.HasUuid);
            Expect(ref reader, format > 5 ? 6 : format > 4 ? 4 : 2, "the runbooks, inspection rules, chassis, allocations, deploy templates and volumes");
            RunbookCodec.Read(ref reader, context.Runbooks);
            InspectionRuleCodec.Read(ref reader, context.InspectionRules);
            if (format > 4)
            {
                ResourceCodec.Read(ref reader, context.ChassisTable);
                ResourceCodec.Read(ref reader, context.Allocations);
                RestoreAllocationLinks(context);
            }

            if (format > 5)
            {
                DeployTemplateCodec.Read(ref reader, context.DeployTemplates);
                VolumeCodec.Read(ref reader, context.Volumes);
            }
        }

        nodesLoaded?.Invoke();
    }
}
