using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Tests.Reads;

/// <summary>
/// A node's JSON is written straight to UTF-8, field by field: its bytes are the ones serializing
/// the same object gives (compact, Ironic's escaping, Ironic's field order), secrets masked as
/// <c>strutils.mask_dict_password</c> does, stored dictionaries kept as given.
/// </summary>
public sealed class NodeJsonTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [TestCase("1.1")]
    [TestCase("1.38")]
    [TestCase("1.78")]
    [TestCase("latest")]
    public async Task WrittenNode_IsTheSerializedObject_WithSecretsMasked(string version)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1", """
            , "driver_info": {"ipmi_address": "10.0.0.1", "ipmi_password": "p", "note": "a\"b é <x>"},
              "extra": {"n": [1, 2.50, true, null, {"k": "v"}]}, "properties": {"cpus": 8}
            """);
        var patch = await client.Patch($"/v1/nodes/{uuid}", """
            [{"op": "add", "path": "/instance_info", "value": {"image_source": "http://i", "configdrive": "secret", "deep": {"password": "kept"}}}]
            """);
        Assert.That(patch.Status, Is.EqualTo(System.Net.HttpStatusCode.OK), patch.Body);
        await client.Put($"/v1/nodes/{uuid}/traits", """{"traits": ["CUSTOM_B", "CUSTOM_A"]}""", "1.37");

        var shown = await client.Get($"/v1/nodes/{uuid}", version);
        var listed = await client.Get("/v1/nodes/detail", version);

        Assert.That(shown.Body, Is.EqualTo(shown.Json.ToJsonString(Relaxed)), "compact, the serializer's bytes");
        Assert.That(shown.Body, Does.Contain("""
            "driver_info":{"ipmi_address":"10.0.0.1","ipmi_password":"******","note":"a\"b é <x>"}
            """.Trim()));
        Assert.That(shown.Body, Does.Contain("""
            "extra":{"n":[1,2.50,true,null,{"k":"v"}]}
            """.Trim()));
        Assert.That(shown.Body, Does.Contain("""
            "instance_info":{"image_source":"http://i","configdrive":"******","deep":{"password":"kept"}}
            """.Trim()), "only the top level is masked");
        Assert.That(listed.Body, Is.EqualTo($$"""{"nodes":[{{shown.Body}}]}"""));
        if (version != "1.1")
        {
            Assert.That(shown.Json["traits"]?.ToJsonString(), Is.EqualTo("""["CUSTOM_A","CUSTOM_B"]"""));
        }
    }

    [Test]
    public async Task WrittenNode_KeepsIronicsFieldOrder_AndTheOlderStateNames()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        var uuid = await client.CreateNode("n1");
        await Lifecycle.ToAvailable(client, "n1");

        var old = (JsonObject)(await client.Get($"/v1/nodes/{uuid}", "1.1")).Json;
        var now = (JsonObject)(await client.Get($"/v1/nodes/{uuid}", "1.78")).Json;

        Assert.That(old["provision_state"], Is.Null, "available was None before 1.2");
        Assert.That(old.Select(p => p.Key).Take(4), Is.EqualTo(new[] { "uuid", "created_at", "updated_at", "driver" }));
        Assert.That((string?)now["provision_state"], Is.EqualTo("available"));
        Assert.That((string?)now["created_at"], Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$"));
    }
}
