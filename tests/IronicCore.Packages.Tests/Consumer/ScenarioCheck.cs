using IronicCore.Drivers.Ipmi;
using IronicCore.Scenarios;

namespace Consumer;

public sealed class ScenarioCheck
{
    [Test]
    public void ScenarioFile_RunsOnTheIpmiAndPxeDriverPackages()
    {
        var scenario = Scenario.Parse("""
            {"format": "ironic-sim/scenario@1", "ironic_release": "21.4", "seed": 1,
             "options": {"ipmi.min_command_interval": 0},
             "nodes": [{"name": "node-0", "driver": "ipmi", "provision_state": "manageable", "power_state": "power off"}],
             "steps": [{"op": "power", "node": "node-0", "target": "power on"}]}
            """);

        var lines = new ScenarioRunner(scenario).Run().Select(line => JsonLine.Format(line)).ToList();

        Assert.That(scenario.Options.GetSection<IpmiOptions>()!.MinCommandInterval, Is.EqualTo(TimeSpan.Zero));
        Assert.That(lines, Is.EqualTo(new[]
        {
            """{"step": 1, "op": "power", "ok": true, "error": null, "http": 202, "node": {"name": "node-0", "provision_state": "manageable", "target_provision_state": null, "power_state": "power on", "target_power_state": null, "maintenance": false, "maintenance_reason": null, "fault": null, "last_error": null, "clean_step": null, "reservation": null}}""",
        }));
    }
}
