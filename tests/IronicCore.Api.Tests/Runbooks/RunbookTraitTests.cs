using System.Net;

namespace IronicCore.Api.Tests.Runbooks;

public sealed class RunbookTraitTests
{
    private static async Task<string[]> Traits(IronicClient client, string runbook) =>
        [.. (await client.Get($"/v1/runbooks/{runbook}/traits")).Json["traits"]!.AsArray().Select(t => t!.GetValue<string>())];

    [Test]
    public async Task Traits_ReplaceAddRemove_From1_112_ShownOnTheRunbook()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.112");
        await RunbookTests.Create(client, "reset", version: "1.112");

        var replace = await client.Put("/v1/runbooks/reset/traits", "{\"traits\": [\"CUSTOM_GOLD\", \"HW_CPU_X86_AVX2\", \"CUSTOM_GOLD\"]}");
        var add = await client.Put("/v1/runbooks/reset/traits/CUSTOM_RAID", "");
        var afterAdd = await Traits(client, "reset");
        var removeOne = await client.Delete("/v1/runbooks/reset/traits/CUSTOM_GOLD");
        var removeMissing = await client.Delete("/v1/runbooks/reset/traits/CUSTOM_NEVER");
        var shown = (await client.Get("/v1/runbooks/reset")).Json["traits"]!.AsArray().Select(t => t!.GetValue<string>());
        var removeAll = await client.Delete("/v1/runbooks/reset/traits");

        Assert.That(replace.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(add.Header("Location"), Is.EqualTo("http://localhost/v1/runbooks/reset/traits/CUSTOM_RAID"));
        Assert.That(afterAdd, Is.EqualTo(new[] { "CUSTOM_GOLD", "CUSTOM_RAID", "HW_CPU_X86_AVX2" }));
        Assert.That(removeOne.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(removeMissing.Status, Is.EqualTo(HttpStatusCode.NoContent), "removing a trait the runbook lacks changes nothing");
        Assert.That(shown, Is.EqualTo(new[] { "CUSTOM_RAID", "HW_CPU_X86_AVX2" }));
        Assert.That(removeAll.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await Traits(client, "reset"), Is.Empty);
    }

    [Test]
    public async Task Below1_112_TheTraitsSubresourceDoesNotExist()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.111");
        await RunbookTests.Create(client, "CUSTOM_A");

        var get = await client.Get("/v1/runbooks/CUSTOM_A/traits");
        var put = await client.Put("/v1/runbooks/CUSTOM_A/traits/CUSTOM_B", "");

        Assert.That(get.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(get.Fault, Is.EqualTo("The API version does not allow runbook traits"));
        Assert.That(put.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/v1/runbooks/CUSTOM_A/traits/foo", "", "Schema error for trait: 'foo' is not valid under any of the given schemas. Possible root cause: 'foo' does not match '^CUSTOM_[A-Z0-9_]+$'")]
    [TestCase("/v1/runbooks/CUSTOM_A/traits/CUSTOM_B", "{\"traits\": [\"CUSTOM_C\"]}",
        "A single runbook trait may be added via PUT /v1/runbooks/<runbook identifier>/traits/<trait> with no body, or all runbook traits may be replaced via PUT /v1/runbooks/<runbook identifier>/traits with the list of traits specified in the request body.")]
    [TestCase("/v1/runbooks/CUSTOM_A/traits/CUSTOM_B", "{\"x\": 1}", "Schema error for body: Additional properties are not allowed ('x' was unexpected)")]
    [TestCase("/v1/runbooks/CUSTOM_A/traits", "{\"traits\": [5]}", "Schema error for body: 5 is not of type 'string'")]
    public async Task BadTrait_Is400_AndChangesNothing(string path, string body, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client("1.112");
        await RunbookTests.Create(client, "CUSTOM_A", version: "1.112");
        await client.Put("/v1/runbooks/CUSTOM_A/traits/CUSTOM_KEEP", "");

        var answer = await client.Put(path, body);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo(fault));
        Assert.That(await Traits(client, "CUSTOM_A"), Is.EqualTo(new[] { "CUSTOM_KEEP" }));
    }
}
