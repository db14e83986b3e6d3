using IronicCore.States;

namespace IronicCore.Scenarios.Tests.RedfishFeatures;

/// <summary>
/// What the scenario output cannot show of the redfish BIOS interface (the scenarios in
/// Scenarios/redfish-features pin the states): the node's cached settings, read from the system's
/// <c>Bios</c> after every step as Ironic's <c>@cache_bios_settings</c> does, show what the BMC applied
/// at the reboot; values are Python's text of the Redfish value (<c>True</c>).
/// </summary>
[TestFixture]
public sealed class RedfishBiosTests
{
    private const string Apply = """{"op": "provision", "node": "n", "target": "clean", "clean_steps": [{"interface": "bios", "step": "apply_configuration", "args": {"settings": [{"name": "ProcTurboMode", "value": "Disabled"}]}}]}""";
    private const string Reset = """{"op": "provision", "node": "n", "target": "clean", "clean_steps": [{"interface": "bios", "step": "factory_reset"}]}""";
    private const string DeployWithApply = """{"op": "provision", "node": "n", "target": "active", "deploy_steps": [{"interface": "bios", "step": "apply_configuration", "args": {"settings": [{"name": "ProcTurboMode", "value": "Disabled"}]}, "priority": 95}]}""";
    private const string Heartbeat = """{"op": "heartbeat", "node": "n"}""";
    private const string Advance = """{"op": "advance", "seconds": 60}""";

    [TestCase("21.4")]
    [TestCase("2025.1")]
    [TestCase("master")]
    public void ApplyConfiguration_TheCachedSettingsShowWhatTheBmcAppliedAtTheReboot(string release)
    {
        var conductor = Run(release, "manageable", Apply, Heartbeat, Heartbeat, Advance);

        var settings = conductor.GetBiosSettings("n").ToDictionary(s => s.Name, s => s.Value);
        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(settings["ProcTurboMode"], Is.EqualTo("Disabled"));
            Assert.That(settings["QuietBoot"], Is.EqualTo("True"), "Python's str() of a Redfish boolean");
            Assert.That(settings, Has.Count.EqualTo(8));
        });
    }

    [TestCase("21.4")]
    [TestCase("master")]
    public void FactoryReset_BringsTheDefaultsBackAtTheReboot(string release)
    {
        var conductor = Run(release, "manageable", Apply, Heartbeat, Heartbeat, Advance, Reset, Heartbeat, Heartbeat, Advance);

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(conductor.GetBiosSettings("n").Single(s => s.Name == "ProcTurboMode").Value, Is.EqualTo("Enabled"));
        });
    }

    [TestCase("21.4")]
    [TestCase("2025.1")]
    [TestCase("master")]
    public void ApplyConfigurationDeployStep_TheCachedSettingsShowWhatTheBmcAppliedAtTheReboot(string release)
    {
        var conductor = Run(release, "available", DeployWithApply, Heartbeat, Heartbeat, Heartbeat);

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(conductor.GetBiosSettings("n").Single(s => s.Name == "ProcTurboMode").Value, Is.EqualTo("Disabled"));
        });
    }

    [Test]
    public void NoBios_OnARedfishNode_FailsABiosDeployStep_WhenTheAgentsStepsAreKnown()
    {
        // Accepted at the request (the agent might offer the step), refused once its steps are read.
        var conductor = RunWithBios("21.4", "available", "no-bios", DeployWithApply, Heartbeat);

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.DeployFailed));
            Assert.That(conductor.GetBiosSettings("n"), Is.Empty);
        });
    }

    [Test]
    public void Manage_CachesTheSystemsSettings()
    {
        var conductor = Run("2025.1", "enroll", """{"op": "provision", "node": "n", "target": "manage"}""");

        Assert.That(conductor.GetBiosSettings("n").Select(s => s.Name), Is.EqualTo(new[]
        {
            "BootMode", "EmbeddedSata", "NicBoot1", "NicBoot2", "ProcTurboMode", "ProcVirtualization", "QuietBoot", "SriovGlobalEnable",
        }));
    }

    [Test]
    public void NoBios_OnARedfishNode_CachesNothing_AndHasNoBiosSteps()
    {
        var conductor = RunWithBios("21.4", "enroll", "no-bios", """{"op": "provision", "node": "n", "target": "manage"}""", Apply, Heartbeat);

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetBiosSettings("n"), Is.Empty);
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
        });
    }

    private static Conductor Run(string release, string state, params string[] steps) => RunWithBios(release, state, null, steps);

    private static Conductor RunWithBios(string release, string state, string? bios, params string[] steps)
    {
        var biosField = bios is null ? string.Empty : $", \"bios_interface\": \"{bios}\"";
        var json = $$"""
            {"format": "ironic-sim/scenario@1", "ironic_release": "{{release}}", "seed": 1,
             "nodes": [{"name": "n", "driver": "redfish", "provision_state": "{{state}}", "power_state": "power off"{{biosField}}}],
             "steps": [{{string.Join(", ", steps)}}]}
            """;
        return ScenarioRunner.RunToEnd(Scenario.Parse(json));
    }
}
