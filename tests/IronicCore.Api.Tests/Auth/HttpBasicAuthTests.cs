using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace IronicCore.Api.Tests.Auth;

public sealed class HttpBasicAuthTests
{
    private string htpasswd = string.Empty;

    [OneTimeSetUp]
    public void WriteUserFile()
    {
        htpasswd = Path.Combine(Path.GetTempPath(), $"ironic-sim-{Guid.NewGuid():N}.htpasswd");
        // Apache's bcrypt prefix; work factor 4 keeps the test fast.
        File.WriteAllText(htpasswd, "admin:" + BCrypt.Net.BCrypt.HashPassword("secret", 4).Replace("$2a$", "$2y$", StringComparison.Ordinal) + "\n");
    }

    [OneTimeTearDown]
    public void RemoveUserFile() => File.Delete(htpasswd);

    [TestCase(null, HttpStatusCode.Unauthorized, "{\"error\":{\"message\":\"Authorization required\",\"code\":401}}")]
    [TestCase("Basic YWRtaW46d3Jvbmc=", HttpStatusCode.Unauthorized, "{\"error\":{\"message\":\"Incorrect username or password\",\"code\":401}}")]
    [TestCase("Basic !!!", HttpStatusCode.BadRequest, "{\"error\":{\"message\":\"Could not decode authorization token\",\"code\":400}}")]
    [TestCase("Bearer abc", HttpStatusCode.BadRequest, "{\"error\":{\"message\":\"Unsupported authorization type \\\"Bearer\\\"\",\"code\":400}}")]
    [TestCase("Basic", HttpStatusCode.BadRequest, "{\"error\":{\"message\":\"Could not parse Authorization header\",\"code\":400}}")]
    public async Task Refusals_HaveIronicsCompactBody(string? authorization, HttpStatusCode status, string body)
    {
        using var factory = Factory();
        using var client = factory.Client();

        var answer = await client.Send(HttpMethod.Get, "/v1/nodes", tweak: r =>
        {
            if (authorization is not null)
            {
                r.Headers.TryAddWithoutValidation("Authorization", authorization);
            }
        });

        Assert.That(answer.Status, Is.EqualTo(status));
        Assert.That(answer.Body, Is.EqualTo(body));
        Assert.That(answer.Header("X-OpenStack-Ironic-API-Version"), Is.Null);
        Assert.That(answer.Header("WWW-Authenticate"), status == HttpStatusCode.Unauthorized ? Is.EqualTo("Basic realm=\"Baremetal API\"") : Is.Null);
    }

    [Test]
    public async Task RightPassword_IsServed_AndVersionDocumentsAndRamdiskArePublic()
    {
        using var factory = Factory();
        using var client = factory.Client();

        var nodes = await client.Send(HttpMethod.Get, "/v1/nodes", tweak: r =>
            r.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:secret"))));

        Assert.That(nodes.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.Get("/")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.Get("/v1/")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.Get("/v1/lookup?node_uuid=0f1b8a57-0000-4000-8000-000000000000")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public void AcceptedCredentials_AreRememberedAcrossRequests_AndAWrongPasswordIsStillRefused()
    {
        var users = Api.Auth.Htpasswd.Parse("admin:" + BCrypt.Net.BCrypt.HashPassword("secret", 4) + "\n");

        Assert.Multiple(() =>
        {
            Assert.That(users.Verify("admin", "wrong"), Is.False);
            Assert.That(users.Verify("admin", "secret"), Is.True);
            Assert.That(users.Verify("admin", "secret"), Is.True, "the second request is accepted from memory");
            Assert.That(users.Verify("admin", "secret2"), Is.False);
            Assert.That(users.Verify("admin", "wrong"), Is.False);
            Assert.That(users.Verify("other", "secret"), Is.False);
        });
    }

    [Test]
    public void NonBcryptUserFile_IsRefusedAtStartUp()
    {
        Assert.Throws<InvalidDataException>(() => Api.Auth.Htpasswd.Parse("admin:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g="));
    }

    private SimulatorFactory Factory() =>
        new(options: new IronicApiOptions { Clock = ClockMode.Virtual, Auth = AuthStrategy.HttpBasic, HtpasswdFile = htpasswd });
}
