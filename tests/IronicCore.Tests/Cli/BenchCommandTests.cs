using System.Text.Json.Nodes;
using IronicCore.Cli.Commands.Bench;
using static IronicCore.Tests.Cli.CliRun;

namespace IronicCore.Tests.Cli;

/// <summary><c>ironic-sim bench</c>: what it measures, and that threads change only the wall time.</summary>
[TestFixture]
public sealed class BenchCommandTests
{
    [Test]
    public void Json_PrintsOneObject_WithTheDocumentedFields_MeasuredInTheRun()
    {
        var (code, stdout, stderr) = Run("bench", "--nodes", "100", "--threads", "1", "--json");
        var result = JsonNode.Parse(stdout)!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stderr, Is.Empty);
            Assert.That(result.Select(p => p.Key), Is.EqualTo(new[]
            {
                "nodes", "threads", "transitions", "wall_seconds", "cpu_seconds", "transitions_per_second", "peak_working_set_bytes", "bytes_per_node",
                "hardware", "shards", "clock_events", "allocated_bytes_per_node", "gc_collections", "gc_pause_seconds", "outcome_sha256",
            }));
            Assert.That((string)result["hardware"]!, Is.EqualTo("fake"));
            Assert.That((long)result["transitions"]!, Is.EqualTo(100 * LifecycleRun.TransitionsPerNode));
            Assert.That((long)result["peak_working_set_bytes"]!, Is.Positive);
        });
    }

    [Test]
    public void Json_CountsTheCollectorsPauses_InsideTheTimedPart()
    {
        var (code, stdout, _) = Run("bench", "--hardware", "ipmi", "--nodes", "2000", "--shards", "1", "--threads", "1", "--json");
        var result = JsonNode.Parse(stdout)!.AsObject();
        var collections = (long)result["gc_collections"]!;
        var paused = (double)result["gc_pause_seconds"]!;

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(collections, Is.GreaterThanOrEqualTo(0));
            Assert.That(paused, Is.InRange(0.0, (double)result["wall_seconds"]!));
            if (collections == 0)
            {
                Assert.That(paused, Is.Zero, "no collection, no pause");
            }
        });
    }

    [Test]
    public void SameSeed_GivesTheSameOutcome_NodeForNode_OnOneOrTwoThreads()
    {
        var one = JsonNode.Parse(Run("bench", "--nodes", "1000", "--threads", "1", "--json").Stdout)!;
        var two = JsonNode.Parse(Run("bench", "--nodes", "1000", "--threads", "2", "--json").Stdout)!;

        Assert.Multiple(() =>
        {
            Assert.That((long)two["transitions"]!, Is.EqualTo((long)one["transitions"]!));
            Assert.That((string)two["outcome_sha256"]!, Is.EqualTo((string)one["outcome_sha256"]!));
        });
    }

    [Test]
    public void Ipmi_PrintsItsFailuresAndRetries_AndTwentyOneTransitionsANode()
    {
        var (code, stdout, stderr) = Run("bench", "--hardware", "ipmi", "--nodes", "200", "--shards", "2", "--threads", "1", "--json");
        var result = JsonNode.Parse(stdout)!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(stderr, Is.Empty);
            Assert.That(result.Select(p => p.Key), Is.EqualTo(new[]
            {
                "nodes", "threads", "transitions", "wall_seconds", "cpu_seconds", "transitions_per_second", "peak_working_set_bytes", "bytes_per_node",
                "hardware", "shards", "clock_events", "allocated_bytes_per_node", "gc_collections", "gc_pause_seconds", "failed", "retried_when_locked", "outcome_sha256",
            }));
            Assert.That((long)result["transitions"]!, Is.EqualTo(200 * AgentLifecycleRun.TransitionsPerNode));
            Assert.That((long)result["shards"]!, Is.EqualTo(2));
            Assert.That((long)result["failed"]!, Is.Zero);
            Assert.That((long)result["allocated_bytes_per_node"]!, Is.Positive);
        });
    }

    [Test]
    public void Ipmi_SameSeed_GivesTheSameOutcome_NodeForNode_OnOneOrTwoThreads()
    {
        var one = JsonNode.Parse(Run("bench", "--hardware", "ipmi", "--nodes", "400", "--shards", "4", "--threads", "1", "--json").Stdout)!;
        var two = JsonNode.Parse(Run("bench", "--hardware", "ipmi", "--nodes", "400", "--shards", "4", "--threads", "2", "--json").Stdout)!;

        Assert.Multiple(() =>
        {
            Assert.That((long)two["clock_events"]!, Is.EqualTo((long)one["clock_events"]!));
            Assert.That((string)two["outcome_sha256"]!, Is.EqualTo((string)one["outcome_sha256"]!));
        });
    }

    [Test]
    public void Ipmi_EveryNodeEndsAvailable_AfterTheLifecycle()
    {
        var run = new AgentLifecycleRun(50, seed: 3);

        run.Run();

        Assert.Multiple(() =>
        {
            Assert.That(run.Conductor.Nodes.Select(n => n.ProvisionState), Is.All.EqualTo(IronicCore.States.ProvisionState.Available));
            Assert.That(run.Transitions, Is.EqualTo(50 * AgentLifecycleRun.TransitionsPerNode));
        });
    }

    [TestCase("redfish", "redfish-virtual-media")]
    [TestCase("redfish", "ipxe")]
    [TestCase("redfish", "pxe")]
    [TestCase("ipmi", "ipxe")]
    public void Agents_EveryNodeEndsAvailable_BootingThroughTheGivenInterface(string type, string bootInterface)
    {
        var run = new AgentLifecycleRun(new AgentHardware(type, bootInterface), 50, seed: 3);

        run.Run();

        Assert.Multiple(() =>
        {
            Assert.That(run.Conductor.Nodes.Select(n => n.ProvisionState), Is.All.EqualTo(IronicCore.States.ProvisionState.Available));
            Assert.That(run.Conductor.Nodes.Select(n => run.Conductor.GetNode(n.Uuid)).Select(v => (v.Driver, v.BootInterface)), Is.All.EqualTo((type, bootInterface)));
            Assert.That(run.Transitions, Is.EqualTo(50 * AgentLifecycleRun.TransitionsPerNode));
            Assert.That(run.Failed, Is.Zero);
        });
    }

    [Test]
    public void Redfish_PrintsItsFailuresAndRetries_AndTheBootInterfaceWhenNotTheDefault()
    {
        var vmedia = JsonNode.Parse(Run("bench", "--hardware", "redfish", "--nodes", "200", "--shards", "2", "--threads", "1", "--json").Stdout)!.AsObject();
        var ipxe = JsonNode.Parse(Run("bench", "--hardware", "redfish", "--boot-interface", "ipxe", "--nodes", "200", "--shards", "2", "--threads", "1", "--json").Stdout)!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That((string)vmedia["hardware"]!, Is.EqualTo("redfish"));
            Assert.That(vmedia.ContainsKey("boot_interface"), Is.False);
            Assert.That((long)vmedia["transitions"]!, Is.EqualTo(200 * AgentLifecycleRun.TransitionsPerNode));
            Assert.That((long)vmedia["failed"]!, Is.Zero);
            Assert.That((string)ipxe["boot_interface"]!, Is.EqualTo("ipxe"));
            Assert.That((long)ipxe["failed"]!, Is.Zero);
        });
    }

    [TestCase("--hardware", "ipmi", "--boot-interface", "redfish-virtual-media", "--boot-interface for --hardware ipmi must be pxe, ipxe, not \"redfish-virtual-media\"")]
    [TestCase("--hardware", "redfish", "--boot-interface", "iPXE", "--boot-interface for --hardware redfish must be redfish-virtual-media, ipxe, pxe, not \"iPXE\"")]
    [TestCase("--hardware", "fake", "--boot-interface", "pxe", "--boot-interface is not taken by --hardware fake")]
    public void UnknownBootInterface_ExitTwo_NamingTheValue(string hardware, string type, string option, string value, string error)
    {
        var (code, stdout, stderr) = Run("bench", hardware, type, option, value);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.Contain(error));
        });
    }

    [TestCase("--hardware", "idrac", "--hardware must be fake, ipmi or redfish, not \"idrac\"")]
    [TestCase("--hardware", "IPMI", "--hardware must be fake, ipmi or redfish, not \"IPMI\"")]
    [TestCase("--shards", "0", "--shards must be at least 1")]
    [TestCase("--shards", "100001", "--shards (100001) must not exceed --nodes (100000)")]
    public void UnknownHardwareOrShards_ExitTwo_NamingTheValue(string option, string value, string error)
    {
        var (code, stdout, stderr) = Run("bench", option, value);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            Assert.That(stderr, Does.Contain(error));
        });
    }

    [Test]
    public void AnotherSeed_GivesAnotherOutcome()
    {
        var one = JsonNode.Parse(Run("bench", "--nodes", "37", "--seed", "1", "--json").Stdout)!;
        var two = JsonNode.Parse(Run("bench", "--nodes", "37", "--seed", "2", "--json").Stdout)!;

        Assert.That((string)two["outcome_sha256"]!, Is.Not.EqualTo((string)one["outcome_sha256"]!));
    }

    [Test]
    public void EveryNodeEndsAvailable_AfterTheLifecycle()
    {
        var run = new LifecycleRun(10, seed: 3);

        run.Run();

        Assert.That(run.Conductor.Nodes.Select(n => n.ProvisionState), Is.All.EqualTo(IronicCore.States.ProvisionState.Available));
    }

    [TestCase("--nodes", "0")]
    [TestCase("--threads", "0")]
    public void NonPositiveCounts_ExitTwo(string option, string value)
    {
        var (code, _, stderr) = Run("bench", option, value);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("must be at least 1"));
        });
    }
}
