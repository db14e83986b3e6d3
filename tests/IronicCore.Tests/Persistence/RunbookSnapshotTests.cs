using System.Text.Json;
using IronicCore.InspectionRules;
using IronicCore.Runbooks;

namespace IronicCore.Tests.Persistence;

/// <summary>Runbooks and inspection rules are the conductor's state: a snapshot keeps them and their UUID streams.</summary>
[TestFixture]
public sealed class RunbookSnapshotTests
{
    private static IronicCore.Conductor Saved()
    {
        var conductor = new IronicCore.Conductor(seed: 5);
        conductor.CreateRunbook(new RunbookCreateRequest
        {
            Name = "CUSTOM_RESET",
            Description = "d",
            Owner = "p",
            DisableRamdisk = true,
            Extra = JsonDocument.Parse("{\"b\": 1, \"a\": [2]}").RootElement,
            Steps = [new RunbookStep("bios", "factory_reset", order: 1), new RunbookStep("deploy", "erase_devices", JsonDocument.Parse("{\"x\": null}").RootElement)],
        });
        conductor.SetRunbookTraits("CUSTOM_RESET", ["CUSTOM_A", "CUSTOM_B"]);
        conductor.Clock.Advance(TimeSpan.FromSeconds(30));
        conductor.UpdateRunbook("CUSTOM_RESET", RunbookUpdate.From(conductor.GetRunbook("CUSTOM_RESET")) with { Public = true, Owner = null });
        conductor.CreateInspectionRule(new InspectionRuleCreateRequest
        {
            Description = "r",
            Priority = 7,
            Sensitive = true,
            Conditions = JsonDocument.Parse("[{\"op\": \"!eq\", \"args\": {\"values\": [1, 1]}}]").RootElement,
            Actions = JsonDocument.Parse("[{\"op\": \"unset-plugin-data\", \"args\": [\"p\"]}]").RootElement,
        });
        return conductor;
    }

    private static IronicCore.Conductor RoundTrip(IronicCore.Conductor conductor)
    {
        using var stream = new MemoryStream();
        conductor.Save(stream);
        stream.Position = 0;
        return IronicCore.Conductor.Load(stream);
    }

    private static string Text(RunbookView r) =>
        $"{r.Uuid} {r.Name} {r.Description} {r.Owner} {r.Public} {r.DisableRamdisk} {r.Extra.GetRawText()} {r.CreatedAt:O} {r.UpdatedAt:O} " +
        $"{string.Join(";", r.Traits)} {string.Join(";", r.Steps.Select(s => $"{s.Interface}.{s.Step}({s.Args.GetRawText()})#{s.Order}"))}";

    private static string Text(InspectionRuleView r) =>
        $"{r.Uuid} {r.Description} {r.Priority} {r.Sensitive} {r.Phase} {r.Conditions.GetRawText()} {r.Actions.GetRawText()} {r.CreatedAt:O} {r.UpdatedAt:O}";

    [Test]
    public void SaveAndLoad_KeepEveryFieldOfRunbooksAndInspectionRules()
    {
        var saved = Saved();

        var loaded = RoundTrip(saved);

        Assert.That(loaded.Runbooks.Select(Text), Is.EqualTo(saved.Runbooks.Select(Text)));
        Assert.That(loaded.InspectionRules.Select(Text), Is.EqualTo(saved.InspectionRules.Select(Text)));
    }

    [Test]
    public void ALoadedConductor_DrawsTheSameUuidsNext_AsTheOneSaved()
    {
        var saved = Saved();
        var loaded = RoundTrip(saved);

        var step = new RunbookStep("bios", "factory_reset");
        Assert.That(
            loaded.CreateRunbook(new RunbookCreateRequest { Name = "n2", Steps = [step] }).Uuid,
            Is.EqualTo(saved.CreateRunbook(new RunbookCreateRequest { Name = "n2", Steps = [step] }).Uuid));
        var actions = JsonDocument.Parse("[{\"op\": \"fail\", \"args\": {\"msg\": \"x\"}}]").RootElement;
        Assert.That(
            loaded.CreateInspectionRule(new InspectionRuleCreateRequest { Actions = actions }).Uuid,
            Is.EqualTo(saved.CreateInspectionRule(new InspectionRuleCreateRequest { Actions = actions }).Uuid));
    }
}
