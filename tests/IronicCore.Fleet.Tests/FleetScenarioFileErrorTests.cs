namespace IronicCore.Fleet.Tests;

/// <summary>
/// A fleet scenario file's problems are told in the file's own terms: the path of the bad key and the
/// value it takes, never a .NET type or member name.
/// </summary>
[TestFixture]
public sealed class FleetScenarioFileErrorTests
{
    [TestCase("""{"nodez": 5}""", "$.nodez: unknown key; a fleet scenario's keys are agents, conductor_failures, conductors, days, deploy_interface, driver, faults, hardware, management_interface, nodes, operators, sample_interval, seed, worker_duration, workload (see docs/fleet.md)")]
    [TestCase("""{"workload": {"utilisation": 0.5}}""", "$.workload.utilisation: unknown key; $.workload takes false_report_probability, mean_lease, report_delay, retry_interval, utilization (see docs/fleet.md)")]
    [TestCase("""{"nodes": "x"}""", "$.nodes: takes a whole number, not \"x\"")]
    [TestCase("""{"nodes": 1.5}""", "$.nodes: takes a whole number, not 1.5")]
    [TestCase("""{"seed": -1}""", "$.seed: takes a whole number from 0 to 18446744073709551615, not -1")]
    [TestCase("""{"workload": {"mean_lease": "3 days"}}""", "$.workload.mean_lease: takes a duration d.hh:mm:ss, e.g. \"3.00:00:00\" or \"00:15:00\", not \"3 days\"")]
    [TestCase("""{"faults": [{"kind": "disk"}, {"kind": "cpu"}]}""", "$.faults[1].kind: takes one of \"disk\", \"memory\", \"nic\", \"bmc\", \"credentials_rejected\", \"reset_fails\", \"insert_media_fails\", not \"cpu\"")]
    [TestCase("""{"faults": {"kind": "disk"}}""", "$.faults: takes a list, not {\"kind\":\"disk\"}")]
    [TestCase("""{"workload": null}""", "$.workload: takes an object, not null")]
    [TestCase("""{"operators": {"weekends": "yes"}}""", "$.operators.weekends: takes true or false, not \"yes\"")]
    [TestCase("""{"agents": {"step_durations": {"erase_devices": 60}}}""", "$.agents.step_durations.erase_devices: takes a duration d.hh:mm:ss, e.g. \"3.00:00:00\" or \"00:15:00\", not 60")]
    [TestCase("""{"ironic_release": 21.4}""", "ironic_release must be \"master\", \"21.4\" or \"2025.1\" (got 21.4)")]
    [TestCase("{\"nodes\": 5,\n \"days\": 1,}", "not valid JSON at line 2, column 12: The JSON object contains a trailing comma at the end which is not supported in this mode.")]
    public void BadFile_IsRefused_WithThePathOfTheBadKey_InTheFilesTerms(string json, string message)
    {
        Assert.That(() => FleetScenario.Parse(json), Throws.TypeOf<FormatException>().With.Message.EqualTo(message));
    }

    [Test]
    public void EveryKeyTheDocsShow_IsAccepted()
    {
        const string Json = """
            {"nodes": 100, "conductors": 2, "days": 3, "seed": 7, "driver": "fake-hardware", "deploy_interface": "direct",
             "management_interface": "noop", "worker_duration": "00:00:30", "sample_interval": "00:15:00",
             "workload": {"utilization": 0.5, "mean_lease": "2.00:00:00"},
             "faults": [{"kind": "disk", "rate_per_node_year": 0.1, "repair_time": "1.00:00:00"}],
             "operators": {"count": 1, "weekends": true}, "conductor_failures": {"restart_time": "00:05:00"},
             "agents": {"boot_time": "00:02:00", "step_durations": {"erase_devices": "00:10:00"}},
             "ironic_release": "21.4", "options": {"conductor.automated_clean": false}}
            """;

        var scenario = FleetScenario.Parse(Json);

        Assert.Multiple(() =>
        {
            Assert.That(scenario.Nodes, Is.EqualTo(100));
            Assert.That(scenario.Agents.StepDurations["erase_devices"], Is.EqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(scenario.Problems(), Is.Empty);
        });
    }
}
