using System.Net;
using IronicCore.States;

namespace IronicCore.Api.Tests.Nodes;

public sealed class VendorPassthruTests
{
    [TestCase(IronicRelease.Master, 4)]
    [TestCase(IronicRelease.Release2025_1, 4)]
    [TestCase(IronicRelease.Release21_4, 3)]
    public async Task Methods_AreFakeVendorBs_LogPassthroughFrom2025_1(IronicRelease release, int count)
    {
        using var factory = new SimulatorFactory(release);
        using var client = factory.Client();
        await client.CreateNode("n1");

        var methods = (await client.Get("/v1/nodes/n1/vendor_passthru/methods")).Json.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(methods.Count, Is.EqualTo(count));
            Assert.That(methods["third_method_sync"]!.ToJsonString(), Is.EqualTo(
                "{\"http_methods\":[\"POST\"],\"async\":false,\"description\":\"Test if the value of bar is meow\",\"attach\":false,\"require_exclusive_lock\":true}"));
            Assert.That(methods["fourth_method_shared_lock"]!["require_exclusive_lock"]!.GetValue<bool>(), Is.False);
            Assert.That(methods.ContainsKey("log_passthrough"), Is.EqualTo(release != IronicRelease.Release21_4));
        });
    }

    [Test]
    public async Task SyncMethod_Answers200WithItsReturnValue_AsyncMethod202WithNoBody()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var meow = await client.Post("/v1/nodes/n1/vendor_passthru/third_method_sync", "{\"bar\": \"meow\"}");
        var woof = await client.Post("/v1/nodes/n1/vendor_passthru?method=third_method_sync", "{\"bar\": \"woof\"}");
        var async = await client.Post("/v1/nodes/n1/vendor_passthru/second_method", "{\"bar\": \"kazoo\"}");

        Assert.Multiple(() =>
        {
            Assert.That((meow.Status, meow.Body), Is.EqualTo((HttpStatusCode.OK, "true")));
            Assert.That((woof.Status, woof.Body), Is.EqualTo((HttpStatusCode.OK, "false")));
            Assert.That((async.Status, async.Body), Is.EqualTo((HttpStatusCode.Accepted, string.Empty)));
        });
    }

    [TestCase("/v1/nodes/n1/vendor_passthru/nine", "{}", HttpStatusCode.BadRequest, "No handler for method nine")]
    [TestCase("/v1/nodes/n1/vendor_passthru/third_method_sync", "{}", HttpStatusCode.BadRequest, "Parameter 'bar' not passed to method 'third_method_sync'.")]
    [TestCase("/v1/nodes/n1/vendor_passthru/third_method_sync", "{\"bar\": \"\"}", HttpStatusCode.BadRequest, "Parameter 'bar' not passed to method 'third_method_sync'.")]
    [TestCase("/v1/nodes/n1/vendor_passthru/third_method_sync", "{\"bar\": \"meow\", \"x\": 1}", HttpStatusCode.InternalServerError, "FakeVendorB.third_method_sync() got an unexpected keyword argument 'x'")]
    [TestCase("/v1/nodes/n1/vendor_passthru", "{}", HttpStatusCode.BadRequest, "Missing mandatory parameter: method")]
    public async Task BadCalls_AreRefusedAsIronic(string path, string body, HttpStatusCode status, string fault)
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answer = await client.Post(path, body);

        Assert.That(answer.Status, Is.EqualTo(status));
        Assert.That(answer.Fault, Is.EqualTo(fault));
    }

    [Test]
    public async Task PutOnAPostMethod_IsRefused_NamingTheHttpMethod()
    {
        using var factory = new SimulatorFactory();
        using var client = factory.Client();
        await client.CreateNode("n1");

        var answer = await client.Put("/v1/nodes/n1/vendor_passthru/second_method", "{\"bar\": \"kazoo\"}");

        Assert.That(answer.Fault, Is.EqualTo("The method second_method does not support HTTP PUT"));
    }
}
