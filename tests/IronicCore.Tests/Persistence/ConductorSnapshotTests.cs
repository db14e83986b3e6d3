using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.Persistence;
using IronicCore.States;
using IronicCore.Steps;
using IronicCore.Tests.Agent;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Persistence;

/// <summary>
/// Conductor snapshots (issue 8), as a test harness uses them: a conductor saved in an
/// interesting state loads with every node field, its options, clock, pending events, random
/// state, machines and agents, and runs on exactly as the saved one would.
/// </summary>
[TestFixture]
public sealed class ConductorSnapshotTests
{
    private static readonly AgentBehaviour FlakyAgents = new()
    {
        StepFailsProbability = 0.1,
        StepHangsProbability = 0.05,
        HeartbeatLossProbability = 0.05,
        HeartbeatDelayProbability = 0.05,
    };

    [Test]
    public void LoadedConductor_HasEveryFieldOfEveryNode_AndItsOptions()
    {
        var saved = Busy();

        var loaded = RoundTrip(saved);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.NodeSlots, Is.EqualTo(saved.NodeSlots));
            for (var slot = 0; slot < saved.NodeSlots; slot++)
            {
                var (before, after) = (saved.NodeAt(slot), loaded.NodeAt(slot));
                if (before is null || after is null)
                {
                    Assert.That(after, Is.Null.And.EqualTo(before), $"slot {slot} deleted");
                    continue;
                }

                foreach (var property in typeof(Node).GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    Assert.That(Same(property.GetValue(after), property.GetValue(before)), Is.True, $"slot {slot}: {property.Name}");
                }

                Assert.That(Same(loaded.MachineAt(slot), saved.MachineAt(slot)), Is.True, $"slot {slot}: machine and agent");
            }

            Assert.That(loaded.Options.ToNames().Select(o => (o.Key, o.Value.GetRawText())), Is.EqualTo(saved.Options.ToNames().Select(o => (o.Key, o.Value.GetRawText()))));
            Assert.That(loaded.Options.SyncPowerStateInterval, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(loaded.Clock.GetUtcNow(), Is.EqualTo(saved.Clock.GetUtcNow()));
            Assert.That(loaded.Clock.PendingCount, Is.EqualTo(saved.Clock.PendingCount).And.GreaterThan(10));
            Assert.That(loaded.Clock.EventsRun, Is.EqualTo(saved.Clock.EventsRun));
            Assert.That(saved.Nodes.Select(n => n.ProvisionState).Distinct().Count(), Is.GreaterThan(3), "an interesting state");
        });
    }

    [Test]
    public void LoadedConductor_RunsTheSameEvents_InTheSameOrder_WithTheSameRandomDraws()
    {
        var saved = Busy();
        var loaded = RoundTrip(saved);
        var (savedLog, loadedLog) = (new TransitionLog(), new TransitionLog());
        using var savedSubscription = saved.Subscribe(savedLog);
        using var loadedSubscription = loaded.Subscribe(loadedLog);

        saved.Clock.Advance(TimeSpan.FromHours(3));
        loaded.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Multiple(() =>
        {
            Assert.That(loadedLog.Records, Is.EqualTo(savedLog.Records));
            Assert.That(savedLog.Records, Has.Count.GreaterThan(15));
            Assert.That(loaded.Clock.EventsRun, Is.EqualTo(saved.Clock.EventsRun));
            Assert.That(loaded.CreateNode(new NodeCreateRequest()).Uuid, Is.EqualTo(saved.CreateNode(new NodeCreateRequest()).Uuid), "the next random UUID");
            Assert.That(Bytes(loaded), Is.EqualTo(Bytes(saved)), "the whole state, byte for byte");
        });
    }

    [Test]
    public void LoadedConductor_FindsNodesByUuidAndByName_AsTheSavedOneDoes()
    {
        var saved = Busy();
        var named = saved.CreateNode(new NodeCreateRequest { Name = "rack-1-node-7" });

        var loaded = RoundTrip(saved);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.GetNode(named.Uuid).Name, Is.EqualTo("rack-1-node-7"));
            Assert.That(loaded.GetNode(named.Uuid.ToUpperInvariant()).Uuid, Is.EqualTo(named.Uuid));
            Assert.That(loaded.GetNode("rack-1-node-7").Uuid, Is.EqualTo(named.Uuid));
            Assert.Throws<NodeNotFoundException>(() => loaded.GetNode("rack-1-node-8"));
        });
    }

    [Test]
    public void LoadedConductor_KeepsPortsPortgroupsVifsTraitsAndNodeDetails()
    {
        var saved = Busy();
        var node = saved.GetNode("n2");
        saved.UpdateNode("n2", NodeUpdate.From(node) with
        {
            Properties = JsonDocument.Parse("""{"cpus": 8, "local_gb": 100}""").RootElement,
            InstanceInfo = JsonDocument.Parse("""{"image_source": "http://images/focal.qcow2"}""").RootElement,
            Owner = "project-a",
            Shard = "s1",
        });
        saved.AddNodeTraits("n2", ["CUSTOM_GPU", "HW_CPU_X86_VMX"]);
        var bond = saved.CreatePortgroup(new PortgroupRequest { Node = "n2", Name = "bond0", Mode = "802.3ad" });
        saved.CreatePort(new PortRequest { Node = "n2", Address = "52:54:00:00:00:01", PortgroupUuid = bond.Uuid, Name = "eth0" });
        saved.CreatePort(new PortRequest { Node = "n2", Address = "52:54:00:00:00:02", PxeEnabled = false, Extra = JsonDocument.Parse("""{"slot": 2}""").RootElement });
        saved.AttachVif("n2", "tenant-1");
        saved.AttachVif("n2", "tenant-2");

        var loaded = RoundTrip(saved);

        Assert.Multiple(() =>
        {
            Assert.That(Same(loaded.Ports, saved.Ports), Is.True, "ports");
            Assert.That(Same(loaded.Portgroups, saved.Portgroups), Is.True, "portgroups");
            Assert.That(loaded.ListVifs("n2"), Is.EqualTo(saved.ListVifs("n2")).And.Length.EqualTo(2));
            Assert.That(Same(loaded.GetNode("n2"), saved.GetNode("n2")), Is.True, "the node's details");
            Assert.That(loaded.CreatePortgroup(new PortgroupRequest { Node = "n2" }).Id, Is.EqualTo(2), "the next portgroup id");
            Assert.That(Bytes(loaded), Is.Not.EqualTo(Bytes(saved)), "the new portgroup is in the loaded conductor only");
        });
    }

    [TestCase(5, PersistenceFormatError.Truncated, "cut off in its header")]
    [TestCase(40, PersistenceFormatError.Truncated, "cut off in its header")]
    [TestCase(-1, PersistenceFormatError.Truncated, "cut off in its body")]
    public void Load_TruncatedSnapshot_IsRefused(int keep, PersistenceFormatError error, string message)
    {
        var bytes = Bytes(Busy());

        Assert.That(() => Load(bytes[..(keep < 0 ? bytes.Length + keep : keep)]), Refused(error, message));
    }

    [Test]
    public void Load_CorruptedSnapshot_IsRefused([Values(0.3, 0.6, 0.99)] double where)
    {
        var bytes = Bytes(Busy());
        bytes[(int)(bytes.Length * where)] ^= 0x01;

        Assert.That(() => Load(bytes), Refused(PersistenceFormatError.Corrupted, "checksum does not match"));
    }

    [Test]
    public void Load_ForeignFile_IsRefused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Load("IRJL\u0001\0\0\0"u8.ToArray()), Refused(PersistenceFormatError.Foreign, "not an IronicCore snapshot"));
            Assert.That(() => Load([.. "{\"nodes\": 3}"u8]), Refused(PersistenceFormatError.Foreign, "not an IronicCore snapshot"));
            Assert.That(() => Load([]), Refused(PersistenceFormatError.Truncated, "cut off in its header"));
        });
    }

    [Test]
    public void Load_NewerFormat_IsRefused()
    {
        var bytes = Bytes(Busy());
        bytes[4] = SnapshotFile.Version + 1;

        Assert.That(() => Load(bytes), Refused(PersistenceFormatError.NewerVersion, $"snapshot format {SnapshotFile.Version + 1} is newer than this library reads ({SnapshotFile.Version})"));
    }

    [Test]
    public void Header_NamesTheLibraryVersionThatWroteIt()
    {
        var bytes = Bytes(Busy());
        var version = typeof(IronicCore.Conductor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Multiple(() =>
        {
            Assert.That(bytes[..4], Is.EqualTo("IRSN"u8.ToArray()));
            Assert.That(System.Text.Encoding.UTF8.GetString(bytes, 10, bytes[9]), Is.EqualTo(version));
        });
    }

    [Test]
    public void Save_WithAPendingTimerCallback_IsRefused_AndWritesNothing()
    {
        var conductor = Busy();
        using var timer = conductor.Clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
        using var stream = new MemoryStream();

        Assert.That(() => conductor.Save(stream), Throws.TypeOf<SnapshotUnsupportedException>().With.Message.Contains("CreateTimer"));
        Assert.That(stream.Length, Is.Zero);
    }

    [Test]
    public void Load_WithAnotherMaintenancePolicy_IsRefused()
    {
        var bytes = Bytes(Busy());

        Assert.That(
            () => IronicCore.Conductor.Load(new MemoryStream(bytes), AllowManualCleaningInMaintenancePolicy.Instance),
            Throws.ArgumentException.With.Message.Contains("IronicMaintenancePolicy"));
    }

    /// <summary>
    /// A conductor mid-flight: nodes cleaning, deploying, waiting for agents that fail and lose
    /// heartbeats, in maintenance, protected, retired, one deleted, a manual clean with arguments.
    /// </summary>
    private static IronicCore.Conductor Busy()
    {
        var options = new ConductorOptions { SyncPowerStateInterval = TimeSpan.FromMinutes(5) };
        var conductor = new IronicCore.Conductor(options, seed: 5, agents: FlakyAgents);
        for (var i = 0; i < 24; i++)
        {
            conductor.CreateNode(new NodeCreateRequest
            {
                Name = $"n{i}",
                DeployInterface = "direct",
                ManagementInterface = "noop",
                ProvisionState = i % 6 == 5 ? ProvisionState.Active : i % 3 == 0 ? ProvisionState.Manageable : ProvisionState.Available,
                PowerState = i % 6 == 5 ? PowerState.PowerOn : PowerState.PowerOff,
                DriverInfo = ImmutableSortedDictionary<string, string>.Empty.Add("rack", $"r{i % 4}"),
                ConductorGroup = i % 2 == 0 ? "east" : string.Empty,
            });
        }

        var args = JsonElement.Parse("{\"force\": {\"deep\": [1, true]}, \"after\": {}}");
        for (var i = 0; i < 24; i++)
        {
            var name = $"n{i}";
            switch (i % 6)
            {
                case 0:
                    conductor.Provision(name, ApiVerb.Provide);
                    break;
                case 1:
                    conductor.Provision(name, ApiVerb.Active);
                    break;
                case 3:
                    conductor.SetRetired(name, true, "old");
                    conductor.Provision(name, ApiVerb.Clean, new ProvisionRequest { CleanSteps = [new StepRequest("deploy", "erase_devices_metadata", args)] });
                    break;
                case 4:
                    conductor.SetMaintenance(name, "looking at it");
                    conductor.SetProtected(name, false);
                    break;
                case 5:
                    conductor.SetProtected(name, true, "tenant's");
                    break;
            }
        }

        conductor.DeleteNode("n4");
        conductor.Clock.Advance(TimeSpan.FromMinutes(3));
        return conductor;
    }

    /// <summary>The agent's service steps travel in an optional ninth element, written only when they are not IPA's defaults.</summary>
    [TestCase(true)]
    [TestCase(false)]
    public void LoadedConductor_KeepsTheAgentsServiceSteps(bool ownSteps)
    {
        var conductor = ConductorFixture.Create(new ConductorOptions());
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.Active, PowerState = PowerState.PowerOn,
            AgentServiceSteps = ownSteps ? [new StepDefinition("deploy", "flash_bmc", 0)] : null,
        });
        conductor.GetMachine("n").SetPowerState(PowerState.PowerOn);
        var step = ownSteps ? new StepRequest("deploy", "flash_bmc") : new StepRequest("deploy", "burnin_cpu");

        var loaded = RoundTrip(conductor);
        loaded.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [step] });
        var node = loaded.Beat();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceWait));
            Assert.That(node.ServiceStep, Is.EqualTo(new StepReference(step.Interface, step.Step)));
        });
    }

    private static IronicCore.Conductor RoundTrip(IronicCore.Conductor conductor) => Load(Bytes(conductor));

    private static byte[] Bytes(IronicCore.Conductor conductor)
    {
        using var stream = new MemoryStream();
        conductor.Save(stream);
        return stream.ToArray();
    }

    private static IronicCore.Conductor Load(byte[] bytes) => IronicCore.Conductor.Load(new MemoryStream(bytes));

    private static NUnit.Framework.Constraints.ContainsConstraint Refused(PersistenceFormatError error, string message) =>
        Throws.TypeOf<PersistenceFormatException>()
            .With.Property(nameof(PersistenceFormatException.Error)).EqualTo(error)
            .And.Message.Contains(message);

    /// <summary>Structural equality: values, sequences, tuples, JSON, and objects property by property.</summary>
    private static bool Same(object? a, object? b, int depth = 0)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.GetType() != b.GetType() || depth > 8)
        {
            return false;
        }

        if (a is JsonElement json)
        {
            return json.GetRawText() == ((JsonElement)b).GetRawText();
        }

        if (a is string || a.GetType().IsPrimitive || a.GetType().IsEnum || a is DateTimeOffset or TimeSpan || a.Equals(b))
        {
            return a.Equals(b);
        }

        if (a is ITuple tuple)
        {
            var other = (ITuple)b;
            return Enumerable.Range(0, tuple.Length).All(i => Same(tuple[i], other[i], depth + 1));
        }

        if (a is IEnumerable sequence)
        {
            var left = sequence.Cast<object?>().ToList();
            var right = ((IEnumerable)b).Cast<object?>().ToList();
            return left.Count == right.Count && left.Zip(right).All(p => Same(p.First, p.Second, depth + 1));
        }

        return a.GetType().GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .All(p => Same(p.GetValue(a), p.GetValue(b), depth + 1));
    }
}
