using System.Text.Json;
using IronicCore.Errors;
using IronicCore.InspectionRules;

namespace IronicCore.Tests.InspectionRules;

/// <summary>The conductor's inspection rules, validated as Ironic master's <c>validate_rule</c> validates them.</summary>
[TestFixture]
public sealed class InspectionRuleTableTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static InspectionRuleCreateRequest Rule(string actions = "[{\"op\": \"add-trait\", \"args\": {\"name\": \"CUSTOM_X\"}}]") =>
        new() { Actions = Json(actions) };

    [Test]
    public void Create_FillsIronicsDefaults()
    {
        var rule = new IronicCore.Conductor(seed: 1).CreateInspectionRule(Rule());

        Assert.Multiple(() =>
        {
            Assert.That(rule.Phase, Is.EqualTo("main"));
            Assert.That(rule.Priority, Is.Zero);
            Assert.That(rule.Sensitive, Is.False);
            Assert.That(rule.Conditions.GetRawText(), Is.EqualTo("[]"));
            Assert.That(rule.Uuid, Is.EqualTo(new IronicCore.Conductor(seed: 1).CreateInspectionRule(Rule()).Uuid));
        });
    }

    [Test]
    public void PluginDataActions_StoreAnEmptyPluginData()
    {
        var rule = new IronicCore.Conductor().CreateInspectionRule(Rule("[{\"op\": \"set-plugin-data\", \"args\": {\"path\": \"a\", \"value\": 1}}]"));

        Assert.That(rule.Actions.GetRawText(), Is.EqualTo("[{\"op\":\"set-plugin-data\",\"args\":{\"path\":\"a\",\"value\":1,\"plugin_data\":{}}}]"));
    }

    [TestCase("late", 1, "Invalid phase: late. Valid phases are: main")]
    [TestCase(null, 1, "Invalid phase: None. Valid phases are: main")]
    [TestCase("main", 10000, "Priority must be between 0 and 9999 for user-defined rules.")]
    [TestCase("late", 10000, "Multiple validation errors occurred: Invalid phase: late. Valid phases are: main; Priority must be between 0 and 9999 for user-defined rules.")]
    public void InvalidPhaseOrPriority_IsInvalid400(string? phase, long priority, string message)
    {
        var conductor = new IronicCore.Conductor();

        var error = Assert.Throws<InvalidException>(() => conductor.CreateInspectionRule(Rule() with { Phase = phase, Priority = priority }));

        Assert.That(error!.Message, Is.EqualTo(message));
        Assert.That(error.HttpStatus, Is.EqualTo(400));
        Assert.That(conductor.InspectionRules, Is.Empty);
    }

    [Test]
    public void WrongPluginArguments_AreInspectionRuleValidationFailure500_BeforeThePhase()
    {
        var conductor = new IronicCore.Conductor();

        var error = Assert.Throws<InspectionRuleValidationFailureException>(() =>
            conductor.CreateInspectionRule(Rule("[{\"op\": \"fail\", \"args\": {\"message\": \"x\"}}]") with { Phase = "late" }));

        Assert.That(error!.Message, Is.EqualTo("missing required argument(s): msg; unexpected argument(s): message"));
        Assert.That(error.HttpStatus, Is.EqualTo(500));
    }

    [Test]
    public void Update_MovesUpdatedAtOnlyWhenAFieldChanged_AndMayChangeTheUuid()
    {
        var conductor = new IronicCore.Conductor();
        var rule = conductor.CreateInspectionRule(Rule());
        conductor.Clock.Advance(TimeSpan.FromMinutes(1));

        var same = conductor.UpdateInspectionRule(rule.Uuid, InspectionRuleUpdate.From(rule));
        var moved = conductor.UpdateInspectionRule(rule.Uuid, InspectionRuleUpdate.From(rule) with { Uuid = "6f4c2d5e-0b1a-4c3d-8e9f-0a1b2c3d4e5f", Priority = 5 });

        Assert.That(same.UpdatedAt, Is.Null);
        Assert.That(moved.UpdatedAt, Is.EqualTo(conductor.Clock.GetUtcNow()));
        Assert.That(conductor.GetInspectionRule("6f4c2d5e-0b1a-4c3d-8e9f-0a1b2c3d4e5f").Priority, Is.EqualTo(5));
        Assert.That(() => conductor.GetInspectionRule(rule.Uuid), Throws.TypeOf<InspectionRuleNotFoundException>().With.Message.EqualTo($"Rule {rule.Uuid} could not be found."));
    }

    [Test]
    public void AnotherRulesUuid_IsInspectionRuleAlreadyExists409()
    {
        var conductor = new IronicCore.Conductor();
        var first = conductor.CreateInspectionRule(Rule());
        var second = conductor.CreateInspectionRule(Rule());

        Assert.That(
            () => conductor.UpdateInspectionRule(second.Uuid, InspectionRuleUpdate.From(second) with { Uuid = first.Uuid }),
            Throws.TypeOf<InspectionRuleAlreadyExistsException>().With.Message.EqualTo($"A rule with UUID {first.Uuid} already exists."));
        Assert.That(
            () => conductor.CreateInspectionRule(Rule() with { Uuid = first.Uuid }),
            Throws.TypeOf<InspectionRuleAlreadyExistsException>());
    }
}
