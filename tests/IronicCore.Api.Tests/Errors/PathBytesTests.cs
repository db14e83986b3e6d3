using System.Net;
using IronicCore.Api.Tests.Durability;
using IronicCore.States;

namespace IronicCore.Api.Tests.Errors;

/// <summary>
/// Bytes in a request's path as Ironic answers them, each answer taken from a real Ironic 21.4 API
/// (python3-ironic, ironic.cmd.singleprocess, sqlite, noauth): a node ident that is neither a UUID nor
/// a name is NodesController._lookup's pecan abort (the router's body, no version headers) except
/// below the child controllers (states, management, vendor_passthru, maintenance's PUT), which check
/// node_ident themselves; escapes that are not UTF-8 are webob's 400 with an empty description;
/// characters outside printable ASCII are escaped as Python's json.dumps escapes them.
/// </summary>
public sealed class PathBytesTests
{
    private static string Router(int code, string title, string description) =>
        $"{{\"error_message\": \"{{\\\"code\\\": {code}, \\\"title\\\": \\\"{title}\\\", \\\"description\\\": \\\"{description}\\\"}}\"}}";

    [TestCase("/v1/nodes/a%20b", "Expected UUID or name for node: a b")]
    [TestCase("/v1/nodes/a%20b?fields=uuid", "Expected UUID or name for node: a b")]
    [TestCase("/v1/nodes/a%20b/traits", "Expected UUID or name for node: a b")]
    [TestCase("/v1/nodes/a%20b/validate", "Expected UUID or name for node: a b")]
    [TestCase("/v1/nodes/a%20b/maintenance", "Expected UUID or name for node: a b")]
    [TestCase("/v1/nodes/a%01b", "Expected UUID or name for node: a\\\\u0001b")]
    [TestCase("/v1/nodes/%C3%A9", "Expected UUID or name for node: \\\\u00e9")]
    public async Task NodeLookup_AnIdentNeitherUuidNorName_IsPecansAbort_WithoutVersionHeaders(string path, string description)
    {
        using var factory = new SimulatorFactory(IronicRelease.Release21_4);
        using var client = factory.Client();

        var answer = await client.Get(path);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Body, Is.EqualTo(Router(400, "Bad Request", description)));
        Assert.That(answer.Header("X-OpenStack-Ironic-API-Version"), Is.Null);
        Assert.That(answer.Header("Openstack-Request-Id"), Is.Null, "21.4 sets the request id in a pecan hook, whose response the abort replaced");
    }

    [Test]
    public async Task NodeLookup_OnMaster_KeepsTheRequestIdOfItsMiddleware()
    {
        using var factory = new SimulatorFactory(IronicRelease.Master);
        using var client = factory.Client();

        var answer = await client.Get("/v1/nodes/a%20b");

        Assert.That(answer.Fault, Is.EqualTo("Expected UUID or name for node: a b"));
        Assert.That(answer.Header("X-OpenStack-Ironic-API-Version"), Is.Null);
        Assert.That(answer.Header("Openstack-Request-Id"), Is.Not.Null);
        Assert.That(answer.Header("X-OpenStack-Request-Id"), Is.EqualTo(answer.Header("Openstack-Request-Id")));
    }

    [TestCase("GET", "/v1/nodes/a%20b/states")]
    [TestCase("GET", "/v1/nodes/a%20b/management/boot_device")]
    [TestCase("GET", "/v1/nodes/a%20b/vendor_passthru/methods")]
    public async Task ChildControllers_CheckNodeIdentThemselves_WithVersionHeaders(string method, string path)
    {
        using var factory = new SimulatorFactory(IronicRelease.Release21_4);
        using var client = factory.Client();

        var answer = await client.Send(new HttpMethod(method), path);

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(answer.Fault, Is.EqualTo("Expected UUID or name for node_ident: a b"));
        Assert.That(answer.Header("X-OpenStack-Ironic-API-Version"), Is.Not.Null);
    }

    // Kestrel refuses a NUL in a decoded path while it parses the request line (an empty 400, no
    // middleware runs); serve's listener lets it through to the API. Escapes that are not UTF-8
    // (%ff, %c0 as a client sends it) are webob's 400 with an empty description, in the path or the
    // query. Real Kestrel (its raw target), so a real serve, one keep-alive connection.
    [Test]
    public async Task Nul_InThePath_ReachesTheApi_ThroughServesKestrel_AndKeepAliveRequestsStayApart()
    {
        var port = ServeProcess.FreePort();
        using var serve = await ServeProcess.Start(port, "--release", "21.4");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Add("X-OpenStack-Ironic-API-Version", "1.78");

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var path in new[] { "/v1/nodes/%00", "/v1/nodes/%c0", "/v1/nodes/x%00y%C0z", "/v1/nodes/%00/states", "/v1/%ff", "/v1/nodes?x=%ff" })
        {
            using var response = await http.GetAsync(path);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.That(answers, Is.EqualTo(new[]
        {
            (HttpStatusCode.BadRequest, Router(400, "Bad Request", "Expected UUID or name for node: \\\\u0000")),
            (HttpStatusCode.BadRequest, Router(400, "Bad Request", string.Empty)),
            (HttpStatusCode.BadRequest, Router(400, "Bad Request", string.Empty)),
            (HttpStatusCode.BadRequest, "{\"error_message\": \"{\\\"faultcode\\\": \\\"Client\\\", \\\"faultstring\\\": \\\"Expected UUID or name for node_ident: \\\\u0000\\\", \\\"debuginfo\\\": null}\"}"),
            (HttpStatusCode.BadRequest, Router(400, "Bad Request", string.Empty)),
            (HttpStatusCode.BadRequest, Router(400, "Bad Request", string.Empty)),
        }));
    }
}
