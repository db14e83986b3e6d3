using IronicCore.States;

namespace IronicCore.Fleet.Tests;

/// <summary><see cref="FleetScenario.ToJson"/>: the scenario file in full, which the reader takes back to the same scenario.</summary>
[TestFixture]
public sealed class FleetScenarioJsonTests
{
    private static IEnumerable<TestCaseData> Scenarios()
    {
        yield return new TestCaseData(new FleetScenario()).SetArgDisplayNames("defaults");
        yield return new TestCaseData(FleetScenario.Parse("""
            { "nodes": 300, "days": 3, "ironic_release": "21.4", "workload": { "utilization": 0.5 },
              "faults": [ { "kind": "bmc", "rate_per_node_year": 2.5, "self_heal_time": "00:20:00" } ],
              "agents": { "step_durations": { "write_image": "00:07:00", "erase_devices": "00:10:00" } },
              "options": { "conductor.max_concurrent_clean": 7 } }
            """)).SetArgDisplayNames("a file's");
    }

    [TestCaseSource(nameof(Scenarios))]
    public void ToJson_ReadBack_GivesTheSameScenario_AndTheSameText(FleetScenario scenario)
    {
        var json = scenario.ToJson();

        var again = FleetScenario.Parse(json.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(again.ToJson().ToJsonString(), Is.EqualTo(json.ToJsonString()));
            Assert.That(again.Options.ToNames(), Is.EquivalentTo(scenario.Options.ToNames()).Using<KeyValuePair<string, System.Text.Json.JsonElement>>((a, b) => a.Key == b.Key && a.Value.GetRawText() == b.Value.GetRawText()));
            Assert.That(again.Options.Release, Is.EqualTo(scenario.Options.Release));
            Assert.That(again.Faults, Is.EqualTo(scenario.Faults));
            Assert.That(again with { Faults = scenario.Faults, Options = scenario.Options, Agents = scenario.Agents }, Is.EqualTo(scenario));
            Assert.That(again.Agents.StepDurations, Is.EquivalentTo(scenario.Agents.StepDurations));
        });
    }

    [Test]
    public void Drivers_AreNotAFileKey_ReadOrWritten()
    {
        var error = Assert.Throws<FormatException>(() => FleetScenario.Parse("""{ "drivers": { "hardware_types": ["ipmi"] } }"""));

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith("$.drivers: unknown key"));
            Assert.That(new FleetScenario().ToJson().ContainsKey("drivers"), Is.False);
        });
    }

    [Test]
    public void ToJson_NamesEveryFieldInOrdinalOrder_WithTheReleaseAndEveryOption()
    {
        var scenario = FleetScenario.Parse("""{ "ironic_release": "2025.1" }""");

        var json = scenario.ToJson();

        Assert.Multiple(() =>
        {
            Assert.That(json.Select(p => p.Key), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(json.Select(p => p.Key), Is.SupersetOf(new[] { "nodes", "conductors", "days", "seed", "workload", "faults", "operators", "agents", "options", "ironic_release" }));
            Assert.That(json["ironic_release"]!.GetValue<string>(), Is.EqualTo(IronicRelease.Release2025_1.ToIronicName()));
            Assert.That(json["options"]!.AsObject().Select(p => p.Key), Is.EqualTo(scenario.Options.ToNames().Keys));
            Assert.That(json["options"]!["conductor.max_concurrent_clean"]!.GetValue<int>(), Is.EqualTo(50));
        });
    }
}
