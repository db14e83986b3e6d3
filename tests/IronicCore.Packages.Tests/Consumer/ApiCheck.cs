using System.Net;
using System.Text.Json;
using IronicCore;
using IronicCore.Api;
using IronicCore.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Consumer;

public sealed class ApiCheck
{
    [Test]
    public async Task IronicApi_HostedInProcess_AnswersGetV1()
    {
        // The package README's host, on a loopback port of the system's choosing.
        var conductor = new Conductor(seed: 42);
        var node = conductor.CreateNode(new NodeCreateRequest { Name = "node-0" });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddIronicApi(conductor, options => options.Clock = ClockMode.Virtual);
        await using var app = builder.Build();
        app.MapIronicApi();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var v1 = await client.GetAsync(new Uri("/v1", UriKind.Relative));
        using var document = JsonDocument.Parse(await v1.Content.ReadAsStringAsync());
        var nodes = await client.GetStringAsync(new Uri("/v1/nodes", UriKind.Relative));

        Assert.That(v1.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(document.RootElement.GetProperty("id").GetString(), Is.EqualTo("v1"));
        Assert.That(nodes, Does.Contain(node.Uuid));
        await app.StopAsync();
    }
}
