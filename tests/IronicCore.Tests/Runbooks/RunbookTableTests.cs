using System.Text.Json;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Runbooks;

namespace IronicCore.Tests.Runbooks;

/// <summary>The conductor's runbooks, with the rules Ironic's database and conductor decide.</summary>
[TestFixture]
public sealed class RunbookTableTests
{
    private static RunbookCreateRequest Request(string name, string? uuid = null) => new()
    {
        Name = name,
        Uuid = uuid,
        Steps = [new RunbookStep("bios", "factory_reset", JsonDocument.Parse("{\"force\": true, \"a\": 1}").RootElement, order: 2)],
    };

    [Test]
    public void Create_StoresTheFields_AndDrawsTheUuidFromTheSeed_LeavingNodeUuidsAsTheyWere()
    {
        var withRunbook = new IronicCore.Conductor(seed: 9);
        var without = new IronicCore.Conductor(seed: 9);

        var runbook = withRunbook.CreateRunbook(Request("CUSTOM_RESET") with { Description = "reset", Public = true, DisableRamdisk = true });
        var again = new IronicCore.Conductor(seed: 9).CreateRunbook(Request("CUSTOM_RESET"));

        Assert.Multiple(() =>
        {
            Assert.That(runbook.Uuid, Is.EqualTo(again.Uuid));
            Assert.That(runbook.Name, Is.EqualTo("CUSTOM_RESET"));
            Assert.That(runbook.Description, Is.EqualTo("reset"));
            Assert.That(runbook.Public, Is.True);
            Assert.That(runbook.DisableRamdisk, Is.True);
            Assert.That(runbook.Extra.GetRawText(), Is.EqualTo("{}"));
            Assert.That(runbook.Steps.Single().Args.GetRawText(), Is.EqualTo("{\"force\": true, \"a\": 1}"));
            Assert.That(runbook.Steps.Single().Order, Is.EqualTo(2));
            Assert.That(runbook.Traits, Is.Empty);
            Assert.That(runbook.CreatedAt, Is.EqualTo(withRunbook.Clock.GetUtcNow()));
            Assert.That(runbook.UpdatedAt, Is.Null);
            Assert.That(withRunbook.CreateNode(new NodeCreateRequest()).Uuid, Is.EqualTo(without.CreateNode(new NodeCreateRequest()).Uuid));
        });
    }

    [Test]
    public void RunbookDuplicateName_And_RunbookAlreadyExists_Are409_AndNothingIsStored()
    {
        var conductor = new IronicCore.Conductor();
        var first = conductor.CreateRunbook(Request("CUSTOM_A"));

        var name = Assert.Throws<RunbookDuplicateNameException>(() => conductor.CreateRunbook(Request("CUSTOM_A")));
        var uuid = Assert.Throws<RunbookAlreadyExistsException>(() => conductor.CreateRunbook(Request("CUSTOM_B", first.Uuid)));

        Assert.That(name!.Message, Is.EqualTo("A runbook with name CUSTOM_A already exists."));
        Assert.That(name.HttpStatus, Is.EqualTo(409));
        Assert.That(uuid!.Message, Is.EqualTo($"A runbook with UUID {first.Uuid} already exists."));
        Assert.That(conductor.Runbooks.Select(r => r.Name), Is.EqualTo(new[] { "CUSTOM_A" }));
    }

    [Test]
    public void GetRunbook_ByUuidOrName_ElseRunbookNotFound_OrInvalidUuidOrName()
    {
        var conductor = new IronicCore.Conductor();
        var runbook = conductor.CreateRunbook(Request("CUSTOM_A"));

        Assert.That(conductor.GetRunbook(runbook.Uuid.ToUpperInvariant()).Name, Is.EqualTo("CUSTOM_A"));
        Assert.That(conductor.GetRunbook("CUSTOM_A").Uuid, Is.EqualTo(runbook.Uuid));
        Assert.That(() => conductor.GetRunbook("CUSTOM_B"), Throws.TypeOf<RunbookNotFoundException>().With.Message.EqualTo("Runbook CUSTOM_B could not be found."));
        Assert.That(() => conductor.GetRunbook("no way"), Throws.TypeOf<InvalidUuidOrNameException>().With.Message.EqualTo("Expected a logical name or UUID but received no way."));
    }

    [Test]
    public void UpdateRunbook_ReplacesTheFields_KeepsTraits_AndRefusesAnotherRunbooksName()
    {
        var conductor = new IronicCore.Conductor();
        conductor.CreateRunbook(Request("CUSTOM_A"));
        var b = conductor.CreateRunbook(Request("CUSTOM_B"));
        conductor.AddRunbookTrait("CUSTOM_B", "CUSTOM_GOLD");
        conductor.Clock.Advance(TimeSpan.FromMinutes(1));

        var updated = conductor.UpdateRunbook(b.Uuid, RunbookUpdate.From(b) with { Name = "CUSTOM_C", Owner = "p1" });

        Assert.That(updated.Name, Is.EqualTo("CUSTOM_C"));
        Assert.That(updated.Owner, Is.EqualTo("p1"));
        Assert.That(updated.Traits, Is.EqualTo(new[] { "CUSTOM_GOLD" }));
        Assert.That(updated.UpdatedAt, Is.EqualTo(conductor.Clock.GetUtcNow()));
        Assert.That(
            () => conductor.UpdateRunbook("CUSTOM_C", RunbookUpdate.From(updated) with { Name = "CUSTOM_A" }),
            Throws.TypeOf<RunbookDuplicateNameException>());
        Assert.That(conductor.GetRunbook(b.Uuid).Name, Is.EqualTo("CUSTOM_C"));
    }

    [Test]
    public void RunbookTraits_AreASet_AndRemovingOneItLacksChangesNothing()
    {
        var conductor = new IronicCore.Conductor();
        conductor.CreateRunbook(Request("CUSTOM_A"));

        conductor.SetRunbookTraits("CUSTOM_A", ["CUSTOM_Z", "CUSTOM_Y", "CUSTOM_Z"]);
        conductor.AddRunbookTrait("CUSTOM_A", "CUSTOM_Y");
        conductor.RemoveRunbookTrait("CUSTOM_A", "CUSTOM_NONE");

        Assert.That(conductor.GetRunbook("CUSTOM_A").Traits, Is.EqualTo(new[] { "CUSTOM_Y", "CUSTOM_Z" }));
    }

    [Test]
    public void DeleteRunbook_RemovesIt()
    {
        var conductor = new IronicCore.Conductor();
        conductor.CreateRunbook(Request("CUSTOM_A"));

        conductor.DeleteRunbook("CUSTOM_A");

        Assert.That(conductor.Runbooks, Is.Empty);
        Assert.That(() => conductor.DeleteRunbook("CUSTOM_A"), Throws.TypeOf<RunbookNotFoundException>());
    }

    [Test]
    public void ARunbookWithoutSteps_IsAnArgumentError() =>
        Assert.That(() => new IronicCore.Conductor().CreateRunbook(new RunbookCreateRequest { Name = "CUSTOM_A", Steps = [] }), Throws.ArgumentException);
}
