using System.Net;
using IronicCore.Cli;
using IronicCore.Cli.Commands.Serve;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Fleet;
using IronicCore.Simulation;

namespace IronicCore.Api.Tests.Cli;

public sealed class ServeFleetTests
{
    private static SimulatorFactory Fleet(int nodes, int conductors, double utilization)
    {
        var scenario = new FleetScenario { Nodes = nodes, Conductors = conductors, Seed = 7, Workload = new FleetWorkload { Utilization = utilization } };
        var (conductor, hosts) = ServeConductor.Fleet(scenario, new SimulationClock());
        return new SimulatorFactory(conductor: conductor, hosts: hosts);
    }

    [Test]
    public async Task Fleet_StartsWithTheUtilisationsShareActiveAndPoweredOn_TheRestAvailable()
    {
        using var factory = Fleet(nodes: 20, conductors: 3, utilization: 0.75);
        using var client = factory.Client();

        var nodes = (await client.Get("/v1/nodes/detail")).Json["nodes"]!.AsArray();

        var states = nodes.GroupBy(n => (n!["provision_state"]!.GetValue<string>(), n["power_state"]!.GetValue<string>()))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.That(states, Is.EquivalentTo(new Dictionary<(string, string), int> { [("active", "power on")] = 15, [("available", "power off")] = 5 }));
        Assert.That(nodes.Select(n => n!["deploy_interface"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { "direct" }));
        Assert.That(nodes.Select(n => n!["management_interface"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { "noop" }));
    }

    [Test]
    public async Task Fleet_ListsItsConductors_AndEachNodeNamesTheOneTheHashRingGivesIt()
    {
        using var factory = Fleet(nodes: 30, conductors: 3, utilization: 0.5);
        using var client = factory.Client();

        var conductors = (await client.Get("/v1/conductors")).Json["conductors"]!.AsArray().Select(c => c!["hostname"]!.GetValue<string>());
        var nodes = (await client.Get("/v1/nodes?fields=uuid,conductor")).Json["nodes"]!.AsArray();
        var onFirst = (await client.Get("/v1/nodes?conductor=conductor-0")).Json["nodes"]!.AsArray();
        var one = await client.Get("/v1/conductors/conductor-2");
        var drivers = (await client.Get("/v1/drivers")).Json["drivers"]![0]!["hosts"]!.AsArray().Select(h => h!.GetValue<string>());

        Assert.That(conductors, Is.EqualTo(new[] { "conductor-0", "conductor-1", "conductor-2" }));
        var byHost = nodes.GroupBy(n => n!["conductor"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(byHost.Keys, Is.SubsetOf(conductors));
        Assert.That(byHost, Has.Count.GreaterThan(1), "the ring spreads 30 nodes over more than one conductor");
        Assert.That(onFirst, Has.Count.EqualTo(byHost.GetValueOrDefault("conductor-0")));
        Assert.That(one.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(drivers, Is.EqualTo(conductors));
    }

    [Test]
    public async Task Fleet_NodesAnswerApiClientsAsThePolicy_AnActiveNodeUndeploysToAvailable()
    {
        using var factory = Fleet(nodes: 4, conductors: 1, utilization: 0.5);
        using var client = factory.Client();
        var active = (await client.Get("/v1/nodes?provision_state=active")).Json["nodes"]![0]!["uuid"]!.GetValue<string>();

        var undeploy = await client.Provision(active, "deleted");
        await client.Post("/_sim/advance", "{\"seconds\": 7200}");

        Assert.That(undeploy.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await client.Node(active))["provision_state"]!.GetValue<string>(), Is.EqualTo("available"));
    }

    [TestCase("{\"nodes\": 0}", "--fleet {0}: nodes must be from 1 to 10,000,000 (got 0)")]
    [TestCase("{\"nodes\": 5, \"bogus\": 1}", "--fleet {0}: $.bogus: unknown key; a fleet scenario's keys are ")]
    [TestCase("{\"ironic_release\": \"zed\"}", "--fleet {0}: ironic_release must be \"master\", \"21.4\" or \"2025.1\" (got \"zed\")")]
    [TestCase("[1, 2]", "--fleet {0}: a fleet scenario is a JSON object")]
    [TestCase("{\"options\": {\"conductor.workers_pool_size\": 1}}", "--fleet {0}: ")]
    public void BadFleetFile_ExitsTwoWithTheFileAndTheProblem_BeforeListening(string json, string message)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, json);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var code = IronicSim.Run(["serve", "--fleet", file, "--port", "0"], stdout, stderr);

            Assert.That(code, Is.EqualTo(IronicSim.BadInput));
            Assert.That(stdout.ToString(), Is.Empty);
            Assert.That(stderr.ToString(), Does.StartWith("ironic-sim: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, message, file)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void FleetFile_MaySetTheOptionsOfTheDriversServed_WhichTheFleetCommandRefuses()
    {
        const string Json = "{\"options\": {\"ipmi.min_command_interval\": 0, \"ipmi.use_ipmitool_retries\": true}}";

        var served = FleetScenario.Parse(Json, ServeConductor.DriverSections);

        Assert.Multiple(() =>
        {
            Assert.That(served.Options.GetSection<IpmiOptions>()!.MinCommandInterval, Is.EqualTo(TimeSpan.Zero));
            Assert.That(served.Options.GetSection<IpmiOptions>()!.UseIpmitoolRetries, Is.True);
            Assert.That(() => FleetScenario.Parse(Json), Throws.TypeOf<FormatException>().With.Message.Contains("Option ipmi.min_command_interval is not simulated by IronicCore"));
        });
    }

    [Test]
    public void MissingFleetFile_ExitsTwo()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = IronicSim.Run(["serve", "--fleet", "/nonexistent/fleet.json", "--port", "0"], stdout, stderr);

        Assert.That(code, Is.EqualTo(IronicSim.BadInput));
        Assert.That(stderr.ToString(), Does.Contain("/nonexistent/fleet.json"));
    }

    [Test]
    public void ScenarioAndFleetTogether_AreRefused()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = IronicSim.Run(["serve", "--fleet", "a.json", "--scenario", "b.json"], stdout, stderr);

        Assert.That(code, Is.EqualTo(IronicSim.BadInput));
        Assert.That(stderr.ToString(), Does.Contain("--scenario, --fleet and --resume cannot be used together"));
    }
}
