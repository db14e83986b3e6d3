using System.Text.Json.Nodes;
using IronicCore.Fleet;

namespace IronicCore.Sweeps.Tests;

/// <summary>The plan file: strict reading with the JSON path of the fault, normalization, expansion into cells.</summary>
[TestFixture]
public sealed class SweepPlanTests
{
    [Test]
    public void Expansion_MakesValuesProductTimesReplicationsCells_FirstParameterSlowest_ReplicationInnermost()
    {
        var plan = SweepPlans.Parse(SweepPlans.Grid);

        var cells = Enumerable.Range(0, plan.CellCount).Select(plan.Cell)
            .Select(c => $"{c.Point[0].GetRawText()}/{c.Point[1].GetRawText()}/r{c.Replication}").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(plan.CellCount, Is.EqualTo(2 * 2 * 2));
            Assert.That(plan.PointCount, Is.EqualTo(4));
            Assert.That(cells, Is.EqualTo(new[]
            {
                "0.06/0.5/r0", "0.06/0.5/r1", "0.06/0.8/r0", "0.06/0.8/r1",
                "6/0.5/r0", "6/0.5/r1", "6/0.8/r0", "6/0.8/r1",
            }));
        });
    }

    [Test]
    public void Cell_SetsThePointsValuesAtTheirPaths_AndSeedsReplicationsAsFleetExperimentDoes()
    {
        var plan = SweepPlans.Parse(SweepPlans.Grid);

        var cell = plan.Cell(7);

        Assert.Multiple(() =>
        {
            Assert.That(cell.Scenario.Faults[3].Kind, Is.EqualTo(HardwareFaultKind.Bmc));
            Assert.That(cell.Scenario.Faults[3].RatePerNodeYear, Is.EqualTo(6));
            Assert.That(cell.Scenario.Workload.Utilization, Is.EqualTo(0.8));
            Assert.That(cell.Scenario.Nodes, Is.EqualTo(100));
            Assert.That(cell.Scenario.Seed, Is.EqualTo(FleetExperiment.ReplicationSeed(7, 1)));
            Assert.That(plan.Cell(6).Scenario.Seed, Is.EqualTo(7UL), "replication 0 runs on the plan's seed, as fleet's first replication");
        });
    }

    [Test]
    public void Cell_OfAPlanWithoutParameters_IsTheBaseScenarioPerReplication()
    {
        var plan = SweepPlans.Parse("""{ "scenario": { "nodes": 100, "days": 1 }, "policies": ["hold"], "replications": 3 }""");

        Assert.Multiple(() =>
        {
            Assert.That(plan.CellCount, Is.EqualTo(3));
            Assert.That(plan.Seed, Is.EqualTo(42UL), "the scenario's seed when the plan names none");
            Assert.That(plan.Cell(2).Scenario.Seed, Is.EqualTo(FleetExperiment.ReplicationSeed(42, 2)));
        });
    }

    [Test]
    public void ListElement_ChosenByAKeysValue_IsTheElementWithThatValue_WhateverItsPlace()
    {
        var plan = SweepPlans.Parse(SweepPlans.Grid.Replace("faults[3]", "faults[kind=bmc]", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(plan.Cell(4).Scenario.Faults.Single(f => f.Kind == HardwareFaultKind.Bmc).RatePerNodeYear, Is.EqualTo(6));
            Assert.That(plan.Cell(4).Scenario.Faults.Where(f => f.Kind != HardwareFaultKind.Bmc), Is.EqualTo(HardwareFaultProfile.Defaults.Where(f => f.Kind != HardwareFaultKind.Bmc)));
            Assert.That(plan.Parameters[0].Path, Is.EqualTo("faults[kind=bmc].rate_per_node_year"), "the path is kept as written: it names the report's columns and axes");
        });
    }

    [Test]
    public void Option_IsSweptByItsIronicName_UnderOptions()
    {
        var plan = SweepPlans.Parse("""
            { "scenario": { "nodes": 100, "days": 1 }, "policies": ["hold"], "replications": 1,
              "parameters": [ { "path": "options.conductor.max_concurrent_clean", "values": [5, 10] } ] }
            """);

        Assert.That(plan.Cell(1).Scenario.Options.MaxConcurrentClean, Is.EqualTo(10));
    }

    [Test]
    public void NormalizedPlan_ReadsBackToTheSameText()
    {
        var plan = SweepPlans.Parse(SweepPlans.Grid);

        var again = SweepPlans.Parse(plan.ToJson().ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(again.ToJson().ToJsonString(), Is.EqualTo(plan.ToJson().ToJsonString()));
            Assert.That(plan.ToJson()["scenario"]!["seed"]!.GetValue<ulong>(), Is.EqualTo(7UL), "the normalized scenario carries the plan's seed");
            Assert.That(plan.ToJson()["scenario"]!.AsObject().Count, Is.GreaterThan(10), "every scenario field, defaults included");
        });
    }

    [Test]
    public void Scenario_GivenAsAPath_IsReadRelativeToThePlan()
    {
        var directory = SweepPlans.TemporaryDirectory();
        Directory.CreateDirectory(Path.Combine(directory, "fleets"));
        File.WriteAllText(Path.Combine(directory, "fleets", "small.json"), """{ "nodes": 120, "days": 1 }""");
        File.WriteAllText(Path.Combine(directory, "plan.json"), """{ "scenario": "fleets/small.json", "policies": ["hold"], "replications": 1 }""");

        var plan = SweepPlan.Load(Path.Combine(directory, "plan.json"));

        Assert.That(plan.Scenario.Nodes, Is.EqualTo(120));
    }

    private static IEnumerable<TestCaseData> BadPlans()
    {
        TestCaseData Case(string name, string from, string to, string expected) =>
            new TestCaseData(from, to, expected).SetArgDisplayNames(name);
        yield return Case("unknown key", "\"replications\": 2", "\"replications\": 2, \"replicas\": 3", "$.replicas: unknown key; a sweep plan's keys are scenario, parameters, policies, replications, seed");
        yield return Case("path naming no field", "\"workload.utilization\"", "\"workload.utilisation\"", "$.parameters[1].path: \"workload.utilisation\" names no field of the scenario (workload.utilisation does not exist");
        yield return Case("selector matching no element", "\"faults[3].rate_per_node_year\"", "\"faults[kind=psu].rate_per_node_year\"", "$.parameters[0].path: \"faults[kind=psu].rate_per_node_year\" names no field of the scenario (faults[kind=psu]: no element of faults has kind psu; its elements' kind: \"disk\", \"memory\", \"nic\", \"bmc\")");
        yield return Case("index past the list", "\"faults[3].rate_per_node_year\"", "\"faults[4].rate_per_node_year\"", "$.parameters[0].path: \"faults[4].rate_per_node_year\" names no field of the scenario (faults[4] does not exist");
        yield return Case("path naming an object", "\"workload.utilization\"", "\"workload\"", "$.parameters[1].path: \"workload\" names workload, which holds fields of its own");
        yield return Case("malformed path", "\"workload.utilization\"", "\"workload..utilization\"", "$.parameters[1].path: \"workload..utilization\" is not a path");
        yield return Case("unknown option", "\"workload.utilization\"", "\"options.conductor.no_such_option\"", "$.parameters[1].path: \"options.conductor.no_such_option\" names no field");
        yield return Case("value of the wrong type", "[0.5, 0.8]", "[0.5, \"high\"]", "$.parameters[1].values[1]: \"high\" at workload.utilization: $.workload.utilization: takes a number, not \"high\"");
        yield return Case("value out of range", "[0.5, 0.8]", "[0.5, 1.5]", "$.parameters[1].values[1]: 1.5 at workload.utilization: workload utilization must be from 0 to 1 (got 1.5)");
        yield return Case("value twice", "[0.5, 0.8]", "[0.5, 0.5]", "$.parameters[1].values[1]: 0.5 is listed twice");
        yield return Case("unknown policy", "\"fail-fast\"", "\"fail-slow\"", "$.policies[1]: unknown policy \"fail-slow\"; known: hold, reparo, fail-fast");
        yield return Case("no replications", "\"replications\": 2,", "", "$.replications: missing");
        yield return Case("zero replications", "\"replications\": 2", "\"replications\": 0", "$.replications: takes a whole number from 1 to 1,000, not 0");
        yield return Case("seed swept", "\"workload.utilization\"", "\"seed\"", "$.parameters[1].path: \"seed\" is not swept");
        yield return Case("bad scenario key", "\"days\": 2", "\"dayz\": 2", "$.scenario.dayz: unknown key");
        yield return Case("parameter key", "\"values\": [0.5, 0.8]", "\"value\": [0.5, 0.8]", "$.parameters[1].value: unknown key; a parameter's keys are path, values");
    }

    [TestCaseSource(nameof(BadPlans))]
    public void BadPlan_IsRefused_WithTheJsonPathOfTheFault(string from, string to, string expected)
    {
        var text = SweepPlans.Grid.Replace(from, to, StringComparison.Ordinal);
        Assert.That(text, Is.Not.EqualTo(SweepPlans.Grid), "the case's text must be in the grid plan");

        var error = Assert.Throws<FormatException>(() => SweepPlans.Parse(text));

        Assert.That(error.Message, Does.StartWith(expected));
    }

    [Test]
    public void ScenarioPath_InANormalizedPlan_IsRefused()
    {
        var plan = JsonNode.Parse(SweepPlans.Grid)!.AsObject();
        plan["scenario"] = "fleet.json";

        var error = Assert.Throws<FormatException>(() => SweepPlans.Parse(plan.ToJsonString()));

        Assert.That(error.Message, Does.StartWith("$.scenario: \"fleet.json\": a normalized plan holds its scenario inline"));
    }
}
