using System.Net;
using System.Text;
using IronicCore.States;

namespace IronicCore.Api.Tests.Errors;

/// <summary>
/// Bodies as each release takes them: master's json_depth middleware (1 MiB, 64 MiB on
/// states/provision, nesting 25), no limit in 21.4 and 2025.1; bytes that are not UTF-8 are
/// webob's UnicodeDecodeError, a 500 with Ironic's error body and version headers.
/// </summary>
public sealed class BodyLimitTests
{
    private const string TooLarge = "{\"faultcode\": \"Client\", \"faultstring\": \"Request body is too large. Please contact the service administrator.\"}";
    private const string TooDeep = "{\"faultcode\": \"Client\", \"faultstring\": \"Request body JSON is nested too deeply. Please contact the service administrator.\"}";

    private static string NodeWithDescriptionOf(int size) =>
        $"{{\"driver\": \"fake-hardware\", \"extra\": {{\"blob\": \"{new string('x', size)}\"}}}}";

    private static string Nested(int depth) =>
        $"{{\"driver\": \"fake-hardware\", \"extra\": {{\"n\": {new string('[', depth - 2)}{new string(']', depth - 2)}}}}}";

    [Test]
    public async Task Master_ABodyOver1MiB_Is413WithTheMiddlewaresBody_AndChangesNothing()
    {
        using var factory = new SimulatorFactory(IronicRelease.Master);
        using var client = factory.Client();

        var answer = await client.Post("/v1/nodes", NodeWithDescriptionOf(1024 * 1024));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(answer.Body, Is.EqualTo(TooLarge));
        Assert.That(answer.Headers.Contains("X-OpenStack-Ironic-API-Version"), Is.False, "the middleware answers before Pecan's hooks");
        Assert.That((await client.Get("/v1/nodes")).Json["nodes"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Master_ABodyUnder1MiB_IsTaken()
    {
        using var factory = new SimulatorFactory(IronicRelease.Master);
        using var client = factory.Client();

        var answer = await client.Post("/v1/nodes", NodeWithDescriptionOf(1000 * 1000));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.Created), answer.Body);
    }

    [Test]
    public async Task Master_Provision_Takes64MiB_NotMore()
    {
        using var factory = new SimulatorFactory(IronicRelease.Master);
        using var client = factory.Client();
        await client.CreateNode("n1");

        var twoMiB = await client.Put("/v1/nodes/n1/states/provision", $"{{\"target\": \"manage\", \"x\": \"{new string('x', 2 * 1024 * 1024)}\"}}");
        var over = await client.Put("/v1/nodes/n1/states/provision", $"{{\"target\": \"manage\", \"x\": \"{new string('x', 64 * 1024 * 1024)}\"}}");

        Assert.That(twoMiB.Status, Is.Not.EqualTo(HttpStatusCode.RequestEntityTooLarge), "2 MiB passes the provision limit and reaches the controller");
        Assert.That(over.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(over.Body, Is.EqualTo(TooLarge));
    }

    [TestCase(25, HttpStatusCode.Created)]
    [TestCase(26, HttpStatusCode.BadRequest)]
    public async Task Master_NestingDeeperThan25_Is400WithTheMiddlewaresBody(int depth, HttpStatusCode status)
    {
        using var factory = new SimulatorFactory(IronicRelease.Master);
        using var client = factory.Client();

        var answer = await client.Post("/v1/nodes", Nested(depth));

        Assert.That(answer.Status, Is.EqualTo(status), answer.Body);
        if (status == HttpStatusCode.BadRequest)
        {
            Assert.That(answer.Body, Is.EqualTo(TooDeep));
        }
    }

    [Test]
    public void Master_BracketsInsideStrings_DoNotCount() =>
        Assert.That(Http.JsonBodyLimits.WithinDepth(Encoding.UTF8.GetBytes($"{{\"a\": \"{new string('[', 100)}\\\"{new string('{', 100)}\"}}")), Is.True);

    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Release2025_1)]
    public async Task OlderReleases_HaveNoSizeOrDepthLimit(IronicRelease release)
    {
        using var factory = new SimulatorFactory(release);
        using var client = factory.Client();

        var big = await client.Post("/v1/nodes", NodeWithDescriptionOf(2 * 1024 * 1024));
        var deep = await client.Post("/v1/nodes", Nested(40));

        Assert.That(big.Status, Is.EqualTo(HttpStatusCode.Created), big.Body);
        Assert.That(deep.Status, Is.EqualTo(HttpStatusCode.Created), deep.Body);
    }

    [TestCase(new byte[] { 0xff }, "'utf-8' codec can't decode byte 0xff in position 24: invalid start byte")]
    [TestCase(new byte[] { 0xc3, 0x28 }, "'utf-8' codec can't decode byte 0xc3 in position 24: invalid continuation byte")]
    [TestCase(new byte[] { 0xed, 0xa0, 0x80 }, "'utf-8' codec can't decode byte 0xed in position 24: invalid continuation byte")]
    [TestCase(new byte[] { 0xe2, 0x82, 0x28 }, "'utf-8' codec can't decode bytes in position 24-25: invalid continuation byte")]
    public async Task InvalidUtf8_IsWebobsUnicodeDecodeError_A500WithIronicsBodyAndHeaders(byte[] bad, string message)
    {
        foreach (var release in Enum.GetValues<IronicRelease>())
        {
            using var factory = new SimulatorFactory(release);
            using var client = factory.Client();
            byte[] body = [.. Encoding.UTF8.GetBytes("{\"driver\": \"fake-hardwar"), .. bad, .. Encoding.UTF8.GetBytes("\"}")];

            var answer = await client.Send(HttpMethod.Post, "/v1/nodes", tweak: request =>
                request.Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } });

            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.InternalServerError), $"{release}: {answer.Body}");
            Assert.That(answer.Fault, Is.EqualTo(message), release.ToString());
            Assert.That(answer.Headers.Contains("X-OpenStack-Ironic-API-Version"), Is.True, release.ToString());
            Assert.That((await client.Get("/v1/nodes")).Json["nodes"]!.AsArray(), Is.Empty);
        }
    }
}
