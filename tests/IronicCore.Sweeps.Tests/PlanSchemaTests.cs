using System.Text.Json.Nodes;
using Json.Schema;

namespace IronicCore.Sweeps.Tests;

/// <summary>docs/sweeps/plan.schema.json: the samples validate against it, and it names exactly the keys the reader takes.</summary>
[TestFixture]
public sealed class PlanSchemaTests
{
    private static readonly string TestData = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData");

    private static readonly JsonNode SchemaText = JsonNode.Parse(File.ReadAllText(Path.Combine(TestData, "plan.schema.json")))!;

    private static readonly JsonSchema Schema = JsonSchema.FromText(SchemaText.ToJsonString());

    private static IEnumerable<TestCaseData> Samples() =>
        Directory.GetFiles(Path.Combine(TestData, "samples"), "*.json").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path)));

    private static bool Valid(string json) =>
        Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid;

    [TestCaseSource(nameof(Samples))]
    public void Sample_ValidatesAgainstTheSchema_AndIsReadByThePlanReader(string path)
    {
        var text = File.ReadAllText(path);

        Assert.Multiple(() =>
        {
            Assert.That(Valid(text), Is.True);
            Assert.That(SweepPlan.Load(path).CellCount, Is.GreaterThan(0));
        });
    }

    [Test]
    public void Schema_NamesEveryKeyThePlanReaderTakes_AndNoOther()
    {
        var plan = SchemaText["properties"]!.AsObject();
        var parameter = plan["parameters"]!["items"]!["properties"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(plan.Select(p => p.Key), Is.EqualTo(SweepPlanFile.Keys));
            Assert.That(parameter.Select(p => p.Key), Is.EqualTo(SweepPlanFile.ParameterKeys));
            Assert.That(SchemaText["additionalProperties"]!.GetValue<bool>(), Is.False);
            Assert.That(SchemaText["properties"]!["parameters"]!["items"]!["additionalProperties"]!.GetValue<bool>(), Is.False);
            Assert.That(plan["policies"]!["items"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(SweepPolicies.Names));
            Assert.That(plan["replications"]!["maximum"]!.GetValue<int>(), Is.EqualTo(SweepPlan.MaxReplications));
        });
    }

    [TestCase("""{ "scenario": {}, "policies": ["hold"], "replications": 1, "replicas": 2 }""")]
    [TestCase("""{ "scenario": {}, "policies": ["hold"], "replications": 0 }""")]
    [TestCase("""{ "scenario": {}, "policies": ["hold", "hold"], "replications": 1 }""")]
    [TestCase("""{ "scenario": {}, "policies": ["triage"], "replications": 1 }""")]
    [TestCase("""{ "scenario": {}, "policies": ["hold"], "replications": 1, "parameters": [ { "path": "seed", "values": [1, 2] } ] }""")]
    [TestCase("""{ "scenario": {}, "policies": ["hold"], "replications": 1, "parameters": [ { "path": "days", "values": [] } ] }""")]
    [TestCase("""{ "scenario": {}, "policies": ["hold"], "replications": 1, "parameters": [ { "path": "days", "value": [1] } ] }""")]
    [TestCase("""{ "policies": ["hold"], "replications": 1 }""")]
    public void PlanTheReaderRefuses_TheSchemaRefusesToo(string json)
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<FormatException>(() => SweepPlan.Parse(json, baseDirectory: null));
            Assert.That(Valid(json), Is.False);
        });
    }
}
