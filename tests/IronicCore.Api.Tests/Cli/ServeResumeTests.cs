using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using IronicCore.Cli;
using IronicCore.Cli.Commands.Serve;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Api.Tests.Cli;

/// <summary><c>serve --resume SNAPSHOT</c>: a conductor a harness saved, served where it stood.</summary>
public sealed class ServeResumeTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("serve-resume-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    /// <summary>A harness's conductor in an interesting state: one node available, one in maintenance, one waiting for its agent in cleaning.</summary>
    private static byte[] Saved(out Conductor saved)
    {
        saved = new Conductor(seed: 11, agents: new Agent.AgentBehaviour());
        saved.CreateNode(new NodeCreateRequest { Name = "ready", ProvisionState = ProvisionState.Available, PowerState = PowerState.PowerOff });
        saved.CreateNode(new NodeCreateRequest { Name = "frozen", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff });
        saved.SetMaintenance("frozen", "waiting for a human");
        saved.CreateNode(new NodeCreateRequest { Name = "cleaning", DeployInterface = "direct", ManagementInterface = "noop", ProvisionState = ProvisionState.Manageable, PowerState = PowerState.PowerOff });
        saved.SetProvisionState("cleaning", ApiVerb.Provide);
        saved.Clock.Advance(TimeSpan.FromSeconds(1));
        using var stream = new MemoryStream();
        saved.Save(stream);
        return stream.ToArray();
    }

    [Test]
    public async Task Resume_ServesTheSavedNodes_AtTheSavedTime_AndTheirPendingWorkGoesOn()
    {
        var bytes = Saved(out var saved);
        using var factory = new SimulatorFactory(conductor: Conductor.Load(new MemoryStream(bytes)));
        using var client = factory.Client();

        var frozen = (await client.Get("/v1/nodes/frozen")).Json;
        var cleaning = (await client.Get("/v1/nodes/cleaning")).Json["provision_state"]!.GetValue<string>();
        var now = (await client.Get("/_sim/clock")).Json["now"]!.GetValue<string>();
        await client.Post("/_sim/advance", """{"seconds": 3600}""");
        var cleaned = (await client.Get("/v1/nodes/cleaning")).Json["provision_state"]!.GetValue<string>();

        Assert.Multiple(() =>
        {
            Assert.That(frozen["maintenance"]!.GetValue<bool>(), Is.True);
            Assert.That(frozen["maintenance_reason"]!.GetValue<string>(), Is.EqualTo("waiting for a human"));
            Assert.That(cleaning, Is.EqualTo(saved.GetNode("cleaning").ProvisionState.ToIronicName()).And.Not.EqualTo("available"));
            Assert.That(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(saved.Clock.GetUtcNow()));
            Assert.That(cleaned, Is.EqualTo("available"));
        });
    }

    [Test]
    public async Task Resume_ServesTheSavedPortsPortgroupsVifsTraitsAndNodeFields()
    {
        var saved = new Conductor(seed: 11);
        var node = saved.CreateNode(new NodeCreateRequest
        {
            Name = "rack4-1",
            ProvisionState = ProvisionState.Manageable,
            Properties = System.Text.Json.JsonElement.Parse("""{"cpus": 8}"""),
            ResourceClass = "baremetal",
        });
        saved.AddNodeTraits("rack4-1", ["CUSTOM_GPU"]);
        var bond = saved.CreatePortgroup(new PortgroupRequest { Node = "rack4-1", Name = "bond0" });
        var port = saved.CreatePort(new PortRequest { Node = "rack4-1", Address = "52:54:00:00:00:01", PortgroupUuid = bond.Uuid });
        saved.AttachVif("rack4-1", "tenant-vif");
        using var stream = new MemoryStream();
        saved.Save(stream);
        using var factory = new SimulatorFactory(conductor: Conductor.Load(new MemoryStream(stream.ToArray())));
        using var client = factory.Client("1.115");

        var shown = await client.Node("rack4-1");
        var ports = (await client.Get("/v1/ports?detail=True")).Json["ports"]!.AsArray();
        var portgroups = (await client.Get("/v1/portgroups")).Json["portgroups"]!.AsArray();
        var vifs = (await client.Get("/v1/nodes/rack4-1/vifs")).Json["vifs"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(shown["properties"]!["cpus"]!.GetValue<int>(), Is.EqualTo(8));
            Assert.That(shown["resource_class"]!.GetValue<string>(), Is.EqualTo("baremetal"));
            Assert.That(shown["traits"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "CUSTOM_GPU" }));
            Assert.That(ports.Select(p => (p!["uuid"]!.GetValue<string>(), p["node_uuid"]!.GetValue<string>(), p["portgroup_uuid"]!.GetValue<string>())),
                Is.EqualTo(new[] { (port.Uuid, node.Uuid, bond.Uuid) }));
            Assert.That(portgroups.Select(p => p!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "bond0" }));
            Assert.That(vifs.Select(v => v!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "tenant-vif" }));
        });
    }

    [Test]
    public async Task WhatClientsCreate_IsTheConductors_AndASnapshotOfItKeepsIt()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.115");
        var node = await client.CreateNode("n1", ", \"extra\": {\"rack\": 4}");
        await client.Post("/v1/ports", $"{{\"address\": \"52:54:00:00:00:01\", \"node_uuid\": \"{node}\"}}");
        await client.Put("/v1/nodes/n1/traits/CUSTOM_GPU", string.Empty);
        await client.Post("/v1/nodes/n1/vifs", "{\"id\": \"tenant-vif\"}");
        using var stream = new MemoryStream();

        // The virtual clock stands still between requests: nothing runs on the conductor while it is saved.
        factory.Conductor.Save(stream);

        var loaded = Conductor.Load(new MemoryStream(stream.ToArray()));

        Assert.Multiple(() =>
        {
            Assert.That(loaded.GetNode("n1").Extra.GetProperty("rack").GetInt32(), Is.EqualTo(4));
            Assert.That(loaded.GetNode("n1").Traits, Is.EqualTo(new[] { "CUSTOM_GPU" }));
            Assert.That(loaded.Ports.Select(p => p.Address), Is.EqualTo(new[] { "52:54:00:00:00:01" }));
            Assert.That(loaded.ListVifs("n1").Select(v => v.Id), Is.EqualTo(new[] { "tenant-vif" }));
        });
    }

    [Test]
    public async Task Resume_OfServesOwnConductorWithIpmiNodes_ServesThemMidDeploy_AndTheDeploymentEndsAsIfNeverSaved()
    {
        using var saving = SimulatorFactory.WithIpmi();
        var bytes = await DeployingIpmiNode(saving);
        using var resuming = new SimulatorFactory(conductor: ServeConductor.Resume(new MemoryStream(bytes)));
        using var client = resuming.Client();
        using var original = saving.Client();

        var drivers = (await client.Get("/v1/drivers")).Json["drivers"]!.AsArray().Select(d => d!["name"]!.GetValue<string>());
        var midDeploy = (await client.Get("/v1/nodes/bm-0")).Body;
        var savedMidDeploy = (await original.Get("/v1/nodes/bm-0")).Body;
        await client.Post("/_sim/advance", "{\"seconds\": 3600}");
        await original.Post("/_sim/advance", "{\"seconds\": 3600}");
        var deployed = (await client.Get("/v1/nodes/bm-0")).Body;
        var savedDeployed = (await original.Get("/v1/nodes/bm-0")).Body;

        Assert.Multiple(() =>
        {
            Assert.That(drivers, Is.EquivalentTo(new[] { "fake-hardware", "ipmi", "redfish" }));
            Assert.That(midDeploy, Is.EqualTo(savedMidDeploy).And.Contains("\"provision_state\":\"wait call-back\""));
            Assert.That(deployed, Is.EqualTo(savedDeployed).And.Contains("\"provision_state\":\"active\""), "the node, field by field");
            Assert.That(resuming.Conductor.DriverStates.OfType<global::IronicCore.Drivers.Pxe.PxeNetwork>().Single().CompletedDownloads, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ServeResume_InItsOwnProcess_ServesTheSavedIpmiNode_AndItsDeploymentGoesOn()
    {
        using var saving = SimulatorFactory.WithIpmi();
        var file = Path.Combine(directory, "ipmi.snapshot");
        await File.WriteAllBytesAsync(file, await DeployingIpmiNode(saving));
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "exec", Path.Combine(TestContext.CurrentContext.TestDirectory, "IronicCore.Cli.dll"), "serve", "--resume", file, "--clock", "virtual", "--port", $"{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var serve = Process.Start(start)!;
        try
        {
            var banner = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var client = new IronicClient(http, "1.78");
            var drivers = (await client.Get("/v1/drivers")).Json["drivers"]!.AsArray().Select(d => d!["name"]!.GetValue<string>());
            var saved = (await client.Node("bm-0"))["provision_state"]!.GetValue<string>();
            await client.Post("/_sim/advance", "{\"seconds\": 3600}");
            var deployed = (await client.Node("bm-0"))["provision_state"]!.GetValue<string>();

            Assert.Multiple(() =>
            {
                Assert.That(banner, Does.Contain($"on http://127.0.0.1:{port}, 1 node, virtual clock"));
                Assert.That(drivers, Is.EquivalentTo(new[] { "fake-hardware", "ipmi", "redfish" }));
                Assert.That(saved, Is.EqualTo("wait call-back"));
                Assert.That(deployed, Is.EqualTo("active"));
            });
        }
        finally
        {
            serve.Kill();
            await serve.WaitForExitAsync();
        }
    }

    [TestCase("truncated", "cut off")]
    [TestCase("corrupted", "checksum does not match")]
    [TestCase("fleet", "a snapshot of a fleet run, not of a conductor")]
    public void Resume_ADamagedOrForeignSnapshot_ExitsTwo_WithTheTypedErrorsMessage(string damage, string message)
    {
        var bytes = Saved(out _);
        var file = Path.Combine(directory, "snapshot.bin");
        File.WriteAllBytes(file, damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "corrupted" => Flip(bytes, bytes.Length / 2),
            _ => FleetBytes(),
        });

        var (code, error) = Serve("--resume", file, "--port", "0");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(error, Does.Contain($"--resume {file}: ").And.Contain(message));
        });
    }

    [TestCase("--fleet", "fleet.json", "cannot be used together")]
    [TestCase("--seed", "3", "--seed cannot be used with --resume")]
    public void Resume_WithAnotherStartOrASeed_IsRefused(string option, string value, string message)
    {
        var (code, error) = Serve("--resume", "snapshot.bin", option, value);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(error, Does.Contain(message));
        });
    }

    /// <summary>
    /// Through <c>serve</c>'s own conductor's API: an ipmi node enrolled, managed, cleaned, and
    /// deploying with its image on the PXE network's link; the snapshot then.
    /// </summary>
    private static async Task<byte[]> DeployingIpmiNode(SimulatorFactory factory)
    {
        using var client = factory.Client();
        await client.Post("/v1/nodes", "{\"driver\": \"ipmi\", \"name\": \"bm-0\", \"driver_info\": {\"ipmi_address\": \"10.0.0.9\", \"ipmi_password\": \"p\"}}");
        await client.Provision("bm-0", "manage");
        await client.Post("/_sim/advance", "{\"seconds\": 60}");
        await client.Provision("bm-0", "provide");
        await client.Post("/_sim/advance", "{\"seconds\": 10800}");
        Assert.That((await client.Node("bm-0"))["provision_state"]!.GetValue<string>(), Is.EqualTo("available"));
        await client.Provision("bm-0", "active");
        var network = factory.Conductor.DriverStates.OfType<global::IronicCore.Drivers.Pxe.PxeNetwork>().Single();
        for (var second = 0; second < 300 && network.ActiveDownloads == 0; second++)
        {
            await client.Post("/_sim/advance", "{\"seconds\": 1}");
        }

        Assert.That(network.ActiveDownloads, Is.EqualTo(1), "the image on the link");
        using var stream = new MemoryStream();
        factory.Conductor.Save(stream);
        return stream.ToArray();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        bytes[at] ^= 0x01;
        return bytes;
    }

    private static byte[] FleetBytes()
    {
        var fleet = new Fleet.FleetSimulation(new Fleet.FleetScenario { Nodes = 20, Conductors = 1, Days = 1 }, new HoldLikePolicy());
        using var stream = new MemoryStream();
        fleet.Save(stream);
        return stream.ToArray();
    }

    private static (int Code, string Error) Serve(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = IronicSim.Run(["serve", .. args], stdout, stderr);
        return (code, stderr.ToString());
    }

    /// <summary>A policy that does nothing and has no state of its own to save.</summary>
    private sealed class HoldLikePolicy : Fleet.IFleetPolicy, Fleet.IPersistentFleetPolicy
    {
        public string Name => "idle";

        public Maintenance.IMaintenancePolicy MaintenancePolicy => Maintenance.IronicMaintenancePolicy.Instance;

        public TimeSpan Interval => TimeSpan.FromHours(1);

        public void Run(Fleet.IFleetApi fleet)
        {
        }

        public void SaveState(System.Buffers.IBufferWriter<byte> output)
        {
        }

        public void LoadState(ReadOnlyMemory<byte> state)
        {
        }
    }
}
