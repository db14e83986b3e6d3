using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Tests.Durability;

/// <summary>
/// One client writing in order: node <c>w{k}-{i}</c> created, then moved to <c>manageable</c> (the
/// <c>manage</c> verb answered 202), then the counter on the writer's first node patched to <c>i</c>.
/// It remembers what was acknowledged and what was sent without an answer.
/// </summary>
internal sealed class KillTestWriter(int index)
{
    private readonly Dictionary<string, string> created = [];
    private readonly HashSet<string> managed = [];
    private int nextNode;
    private int counter = -1;
    private int counterSent = -1;
    private string? counterNode;

    public long Acknowledged { get; private set; }

    public bool Sent(string name) =>
        name.StartsWith($"w{index}-", StringComparison.Ordinal) && int.Parse(name.AsSpan($"w{index}-".Length), CultureInfo.InvariantCulture) < nextNode;

    /// <summary>Writes until the server dies or <paramref name="stop"/>.</summary>
    public async Task Run(int port, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var name = $"w{index}-{nextNode}";
                nextNode++;
                var answer = await Send(http, HttpMethod.Post, "/v1/nodes", $"{{\"driver\": \"fake-hardware\", \"name\": \"{name}\"}}", stop);
                Expect(answer, HttpStatusCode.Created);
                created[name] = JsonNode.Parse(await answer.Content.ReadAsStringAsync(stop))!["uuid"]!.GetValue<string>();
                Acknowledged++;
                Expect(await Send(http, HttpMethod.Put, $"/v1/nodes/{name}/states/provision", """{"target": "manage"}""", stop), HttpStatusCode.Accepted);
                managed.Add(name);
                Acknowledged++;
                counterNode ??= name;
                counterSent = nextNode - 1;
                var patch = $"[{{\"op\": \"add\", \"path\": \"/extra/counter\", \"value\": {counterSent}}}]";
                Expect(await Send(http, HttpMethod.Patch, $"/v1/nodes/{counterNode}", patch, stop), HttpStatusCode.OK);
                counter = counterSent;
                Acknowledged++;
            }
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException or IOException)
        {
            // The server was killed (or the round ended) with this writer's last request unanswered.
        }
    }

    /// <summary>Checks the acknowledged writes against the restarted server's nodes; returns how many it checked.</summary>
    public long Verify(Dictionary<string, JsonNode> nodes)
    {
        long verified = 0;
        Assert.Multiple(() =>
        {
            foreach (var (name, uuid) in created)
            {
                Assert.That(nodes.TryGetValue(name, out var node), Is.True, $"{name} was created (201) and is gone");
                Assert.That(node?["uuid"]!.GetValue<string>(), Is.EqualTo(uuid), $"{name} has another UUID");
                verified++;
            }

            foreach (var name in managed)
            {
                Assert.That(nodes[name]["provision_state"]!.GetValue<string>(), Is.Not.EqualTo("enroll"), $"{name}'s manage (202) was undone");
                verified++;
            }

            // In order: the counter shows the last acknowledged value or the one sent after it, never an older one.
            if (counterNode is not null)
            {
                var shown = nodes[counterNode]["extra"]?["counter"]?.GetValue<int>() ?? -1;
                Assert.That(shown, Is.InRange(counter, counterSent), $"{counterNode}'s counter: acknowledged {counter}, sent up to {counterSent}");
                verified++;
            }
        });

        // The unanswered create, if it was kept, is adopted so that later rounds check it too.
        foreach (var (name, node) in nodes)
        {
            if (Sent(name) && !created.ContainsKey(name))
            {
                created[name] = node["uuid"]!.GetValue<string>();
            }
        }

        if (counterNode is not null)
        {
            counterSent = counter = nodes[counterNode]["extra"]?["counter"]?.GetValue<int>() ?? -1;
        }

        return verified;
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string json, CancellationToken stop)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-OpenStack-Ironic-API-Version", "1.78");
        return http.SendAsync(request, stop);
    }

    private static void Expect(HttpResponseMessage answer, HttpStatusCode status)
    {
        if (answer.StatusCode != status)
        {
            throw new InvalidOperationException($"{answer.RequestMessage!.Method} {answer.RequestMessage.RequestUri}: {(int)answer.StatusCode} {answer.Content.ReadAsStringAsync().Result}");
        }
    }
}
