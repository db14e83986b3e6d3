using System.Text.Json;
using IronicCore.DeployTemplates;
using IronicCore.Errors;
using IronicCore.Steps;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.DeployTemplates;

/// <summary>Deploy templates as Ironic's database keeps them: unique names and UUIDs, found by UUID or name.</summary>
[TestFixture]
public sealed class DeployTemplateTableTests
{
    private static readonly StepRequest Bios = new("bios", "apply_configuration", JsonElement.Parse("{}"), 10);

    [Test]
    public void ATakenName_IsDeployTemplateDuplicateName()
    {
        var conductor = ConductorFixture.Create();
        conductor.CreateDeployTemplate(new DeployTemplateRequest { Name = "CUSTOM_A", Steps = [Bios] });

        Assert.That(
            () => conductor.CreateDeployTemplate(new DeployTemplateRequest { Name = "CUSTOM_A", Steps = [Bios] }),
            Throws.TypeOf<DeployTemplateDuplicateNameException>().With.Message.EqualTo("A deploy template with name CUSTOM_A already exists.")
                .And.Property(nameof(IronicException.HttpStatus)).EqualTo(409));
    }

    [Test]
    public void ATakenUuid_IsDeployTemplateAlreadyExists()
    {
        var conductor = ConductorFixture.Create();
        var first = conductor.CreateDeployTemplate(new DeployTemplateRequest { Name = "CUSTOM_A", Steps = [Bios] });

        Assert.That(
            () => conductor.CreateDeployTemplate(new DeployTemplateRequest { Name = "CUSTOM_B", Steps = [Bios] }, first.Uuid),
            Throws.TypeOf<DeployTemplateAlreadyExistsException>().With.Message.EqualTo($"A deploy template with UUID {first.Uuid} already exists."));
    }

    [Test]
    public void ATemplate_IsFoundByUuidOrName_AndGoneWhenDeleted()
    {
        var conductor = ConductorFixture.Create();
        var created = conductor.CreateDeployTemplate(new DeployTemplateRequest { Name = "CUSTOM_A", Steps = [Bios] });

        Assert.That(conductor.GetDeployTemplate("CUSTOM_A").Uuid, Is.EqualTo(created.Uuid));
        conductor.DeleteDeployTemplate(created.Uuid);
        Assert.That(
            () => conductor.GetDeployTemplate("CUSTOM_A"),
            Throws.TypeOf<DeployTemplateNotFoundException>().With.Message.EqualTo("Deploy template CUSTOM_A could not be found."));
    }

    [Test]
    public void AnUpdate_ReplacesTheFields_AndStampsUpdatedAt()
    {
        var conductor = ConductorFixture.Create();
        var created = conductor.CreateDeployTemplate(new DeployTemplateRequest { Name = "CUSTOM_A", Steps = [Bios] });
        conductor.Clock.Advance(TimeSpan.FromMinutes(1));

        var updated = conductor.UpdateDeployTemplate("CUSTOM_A", DeployTemplateRequest.From(created) with { Name = "CUSTOM_B" });

        Assert.That((updated.Name, updated.UpdatedAt), Is.EqualTo(("CUSTOM_B", (DateTimeOffset?)conductor.Clock.GetUtcNow())));
    }

    [Test]
    public void AStepWithoutPriority_IsRefusedByTheLibrary()
    {
        var conductor = ConductorFixture.Create();

        Assert.That(
            () => conductor.CreateDeployTemplate(new DeployTemplateRequest { Name = "CUSTOM_A", Steps = [new StepRequest("bios", "x", JsonElement.Parse("{}"))] }),
            Throws.ArgumentException);
    }
}
