using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Tests.Conductor;

/// <summary>The conductor's console, NMI, boot mode and BIOS rules (Ironic's manager and fake interfaces).</summary>
[TestFixture]
public sealed class NodeHardwareTests
{
    private static readonly StepRequest Apply = new("bios", "apply_configuration", JsonDocument.Parse(
        "{\"settings\": [{\"name\": \"LogicalProc\", \"value\": \"Enabled\"}, {\"name\": \"BootMode\", \"value\": \"Uefi\", \"unique\": false}]}").RootElement);

    [Test]
    public void SetConsoleMode_OnFakeConsole_StoresConsoleEnabled_AndConsoleInfoIsTheFakesEmptyObject()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var before = conductor.GetConsoleInformation("n");
        conductor.SetConsoleMode("n", true);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Null);
            Assert.That(conductor.GetNode("n").ConsoleEnabled, Is.True);
            Assert.That(conductor.GetConsoleInformation("n")!.Value.GetRawText(), Is.EqualTo("{}"));
        });
    }

    [Test]
    public void InjectNmi_OnFakeManagement_IsUnsupportedDriverExtension()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var error = Assert.Throws<UnsupportedDriverExtensionException>(() => conductor.InjectNmi("n"));

        Assert.That(error!.Message, Is.EqualTo("Driver fake-hardware does not support inject_nmi (disabled or not implemented)."));
    }

    [Test]
    public void SetBootMode_OfAnUnknownMode_IsRefusedBeforeAnythingChanges()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        Assert.Throws<InvalidParameterValueException>(() => conductor.SetBootMode("n", "legacy"));
        Assert.That(conductor.GetNode("n").LastError, Is.Null);
    }

    [Test]
    public void FakeBiosApplyConfiguration_StoresTheSettingsByName_AndTheySurviveASnapshot()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Master));
        conductor.Enroll("n", ProvisionState.Manageable);
        conductor.Provision("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [Apply] });
        using var stream = new MemoryStream();
        conductor.Save(stream);
        stream.Position = 0;

        var loaded = IronicCore.Conductor.Load(stream);
        var settings = loaded.GetBiosSettings("n");

        Assert.Multiple(() =>
        {
            Assert.That(settings.Select(s => (s.Name, s.Value)), Is.EqualTo(new[] { ("BootMode", "Uefi"), ("LogicalProc", "Enabled") }));
            Assert.That(settings[0].Registry.GetRawText(), Is.EqualTo("{\"unique\":false}"));
            Assert.That(settings, Is.EqualTo(conductor.GetBiosSettings("n")).Using<BiosSetting>((a, b) => a.Name == b.Name && a.Value == b.Value && a.CreatedAt == b.CreatedAt));
        });
    }

    [Test]
    public void FakeBiosFactoryReset_DeletesEverySetting()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);
        conductor.Provision("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [Apply] });

        conductor.Provision("n", ApiVerb.Clean, new ProvisionRequest { CleanSteps = [new StepRequest("bios", "factory_reset")] });

        Assert.That(conductor.GetBiosSettings("n"), Is.Empty);
    }

    [Test]
    public void ServiceStepRaidApplyConfiguration_StoresTargetRaidConfig_BeforeTheFakesCreateConfigurationFails()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Master));
        conductor.Enroll("n", ProvisionState.Active);
        var config = JsonDocument.Parse("{\"raid_config\": {\"logical_disks\": [{\"raid_level\": \"1\", \"size_gb\": 100}]}}").RootElement;

        conductor.Provision("n", ApiVerb.Service, new ProvisionRequest { ServiceSteps = [new StepRequest("raid", "apply_configuration", config)] });
        var node = conductor.GetNode("n");

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.ServiceFailed));
            Assert.That(node.LastError, Does.EndWith("FakeRAID.create_configuration() got an unexpected keyword argument 'delete_existing'"));
            Assert.That(node.TargetRaidConfig.GetRawText(), Is.EqualTo(config.GetProperty("raid_config").GetRawText()));
        });
    }

    [Test]
    public void SetTargetRaidConfig_Invalid_IsRefusedAndStoresNothing()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        var error = Assert.Throws<InvalidParameterValueException>(() => conductor.SetTargetRaidConfig("n", JsonDocument.Parse("{\"logical_disks\": []}").RootElement));

        Assert.That(error!.Message, Is.EqualTo("RAID config validation error: [] is too short"));
        Assert.That(conductor.GetNode("n").TargetRaidConfig.GetRawText(), Is.EqualTo("{}"));
    }
}
