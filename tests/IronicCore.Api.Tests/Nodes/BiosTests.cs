using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.Nodes;

public sealed class BiosTests
{
    private const string Apply =
        ", \"clean_steps\": [{\"interface\": \"bios\", \"step\": \"apply_configuration\", \"args\": {\"settings\": [{\"name\": \"ProcTurboMode\", \"value\": \"Disabled\"}, {\"name\": \"BootMode\", \"value\": \"Uefi\", \"read_only\": true}]}}]";

    private static async Task<IronicClient> Cleaned(SimulatorFactory factory, string version, string steps = Apply)
    {
        var client = factory.Client(version);
        await client.CreateNode("n1");
        await client.Provision("n1", "manage");
        var clean = await client.Provision("n1", "clean", steps);
        Assert.That(clean.Status, Is.EqualTo(HttpStatusCode.Accepted), clean.Body);
        Assert.That((await client.Node("n1"))["provision_state"]!.GetValue<string>(), Is.EqualTo("manageable"));
        return client;
    }

    [TestCase(IronicRelease.Master)]
    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Release21_4)]
    public async Task ApplyConfiguration_CleanStep_StoresTheSettings_TheApiListsThemByName(IronicRelease release)
    {
        using var factory = new SimulatorFactory(release);
        using var client = await Cleaned(factory, "1.40");

        var list = (await client.Get("/v1/nodes/n1/bios")).Json["bios"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(list.Select(s => (s!["name"]!.GetValue<string>(), s["value"]!.GetValue<string>())), Is.EqualTo(new[] { ("BootMode", "Uefi"), ("ProcTurboMode", "Disabled") }));
            Assert.That(list[0]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "created_at", "updated_at", "name", "value", "links" }));
            Assert.That(list[0]!["updated_at"], Is.Null);
            Assert.That(list[0]!["links"]![0]!["href"]!.GetValue<string>(), Does.EndWith("/v1/nodes/n1/bios/BootMode"));
        });
    }

    [Test]
    public async Task Detail_From1_74_ShowsTheRegistryFields_AndOneSettingHasThem()
    {
        using var factory = new SimulatorFactory();
        using var client = await Cleaned(factory, "1.74");

        var detail = (await client.Get("/v1/nodes/n1/bios?detail=True")).Json["bios"]![0]!;
        var fields = (await client.Get("/v1/nodes/n1/bios?fields=name")).Json["bios"]![0]!.AsObject();
        var one = (await client.Get("/v1/nodes/n1/bios/BootMode")).Json["BootMode"]!;
        var old = (await client.Get("/v1/nodes/n1/bios/BootMode", version: "1.73")).Json["BootMode"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(detail["read_only"]!.GetValue<bool>(), Is.True);
            Assert.That(detail["allowable_values"]!.ToJsonString(), Is.EqualTo("[]"));
            Assert.That(detail["lower_bound"], Is.Null);
            Assert.That(fields.Select(p => p.Key), Is.EqualTo(new[] { "created_at", "updated_at", "name", "links" }));
            Assert.That(one["read_only"]!.GetValue<bool>(), Is.True);
            Assert.That(old.ContainsKey("read_only"), Is.False);
        });
    }

    [Test]
    public async Task ApplyConfiguration_AgainReplacesTheSettings_FactoryResetDeletesThem()
    {
        using var factory = new SimulatorFactory();
        using var client = await Cleaned(factory, "1.40");

        await client.Provision("n1", "clean", ", \"clean_steps\": [{\"interface\": \"bios\", \"step\": \"apply_configuration\", \"args\": {\"settings\": [{\"name\": \"BootMode\", \"value\": \"Bios\"}]}}]");
        var replaced = (await client.Get("/v1/nodes/n1/bios")).Json["bios"]!.AsArray();
        await client.Provision("n1", "clean", ", \"clean_steps\": [{\"interface\": \"bios\", \"step\": \"factory_reset\"}]");
        var reset = (await client.Get("/v1/nodes/n1/bios")).Json["bios"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(replaced.Select(s => s!["value"]!.GetValue<string>()), Is.EqualTo(new[] { "Bios" }));
            Assert.That(replaced[0]!["updated_at"], Is.Not.Null);
            Assert.That(reset, Is.Empty);
        });
    }

    [Test]
    public async Task ASettingWithoutValue_FailsTheStepWithPythonsKeyError_AndStoresNothing()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.40");
        await client.CreateNode("n1");
        await client.Provision("n1", "manage");

        await client.Provision("n1", "clean", ", \"clean_steps\": [{\"interface\": \"bios\", \"step\": \"apply_configuration\", \"args\": {\"settings\": [{\"name\": \"A\", \"value\": \"1\"}, {\"name\": \"B\"}]}}]");
        var node = await client.Node("n1");

        Assert.That(node["provision_state"]!.GetValue<string>(), Is.EqualTo("clean failed"));
        Assert.That(node["last_error"]!.GetValue<string>(), Does.EndWith("'value'"));
        Assert.That((await client.Get("/v1/nodes/n1/bios")).Json["bios"]!.AsArray(), Is.Empty);
    }

    [TestCase("/v1/nodes/n1/bios?detail=True", "1.73", "Invalid query parameter ?detail=True received.")]
    [TestCase("/v1/nodes/n1/bios?fields=name", "1.73", "Invalid query parameter ?fields=['name'] received.")]
    [TestCase("/v1/nodes/n1/bios?fields=name&detail=True", "1.74", "Can not specify ?detail=True and fields in the same request.")]
    public async Task BadQueries_Are400(string path, string version, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client(version);
        await client.CreateNode("n1");

        var answer = await client.Get(path);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
    }

    [Test]
    public async Task UnknownSetting_Is404NamingTheNodesUuid_AndBiosIs404Before1_40()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.40");
        var uuid = await client.CreateNode("n1");

        var missing = await client.Get("/v1/nodes/n1/bios/Nope");
        var old = await client.Get("/v1/nodes/n1/bios", version: "1.39");

        Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Fault, Is.EqualTo($"Node {uuid} doesn't have a BIOS setting 'Nope'"));
        Assert.That(old.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
