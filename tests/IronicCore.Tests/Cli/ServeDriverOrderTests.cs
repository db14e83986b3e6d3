using IronicCore.Cli.Commands.Serve;
using IronicCore.Configuration.Files;
using IronicCore.States;

namespace IronicCore.Tests.Cli;

/// <summary>
/// <c>serve --scenario/--fleet --config-file</c>: the files' driver options apply before the
/// scenario's or fleet's nodes are created, so those nodes get the interfaces the configuration
/// gives, as nodes an Ironic started with the file would have.
/// </summary>
[TestFixture]
public sealed class ServeDriverOrderTests
{
    private const string ScenarioText = """
        {"format": "ironic-sim/scenario@1", "ironic_release": "master", "seed": 1,
         "nodes": [{"name": "i", "driver": "ipmi", "provision_state": "manageable", "power_state": "power off"}],
         "steps": [{"op": "advance", "seconds": 1}]}
        """;

    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("ironic-sim-serve-order-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    private ConfigFileValues Values(string text)
    {
        var path = Path.Combine(directory, "ironic.conf");
        File.WriteAllText(path, text);
        return IronicConfigFiles.Load([path]).Resolve(IronicRelease.Master, ServeConductor.DriverSections, ServeHost.Options);
    }

    [Test]
    public void AScenariosNodes_AreCreatedUnderTheFilesDriverOptions()
    {
        var files = Values("[DEFAULT]\nenabled_hardware_types = ipmi\nenabled_rescue_interfaces = agent,no-rescue\ndefault_rescue_interface = agent\n");

        var conductor = ServeConductor.Scenario(IronicCore.Scenarios.Scenario.Parse(ScenarioText), files, TextWriter.Null);

        Assert.That(conductor.GetNode("i").RescueInterface, Is.EqualTo("agent"), "default_rescue_interface, in force before the node was created");
        Assert.That(conductor.GetNode("i").DeployInterface, Is.EqualTo("autodetect"), "master's default deploy interface for ipmi under Ironic's defaults");
    }

    [Test]
    public void AScenarioWithoutAFile_KeepsTheConductorsOwnDriverSet()
    {
        var conductor = ServeConductor.Scenario(IronicCore.Scenarios.Scenario.Parse(ScenarioText), null, TextWriter.Null);

        Assert.That((conductor.GetNode("i").RescueInterface, conductor.GetNode("i").DeployInterface), Is.EqualTo(("no-rescue", "direct")));
    }
}
