using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace IronicCore.Api.Tests.Durability;

/// <summary>
/// <c>serve --state-dir</c> under <c>kill -9</c>: writers create nodes, move them to manageable and
/// patch a counter, concurrently; the server is killed at a random moment, restarted on the same
/// directory, and every acknowledged write must be there, in order, with nothing half-done
/// visible. The suite runs 15 kills; the full proof (docs/api.md#durability) runs 100 and measures:
/// <c>IRONIC_SIM_KILLS=100 IRONIC_SIM_KILL_FIGURES=1 dotnet test tests/IronicCore.Api.Tests --filter KillTest --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed partial class KillTest
{
    private const int Writers = 4;
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("durable-kill-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public async Task EveryAcknowledgedWrite_SurvivesKillNine_InOrder_AndNothingHalfDoneIsVisible()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("IRONIC_SIM_KILLS"), CultureInfo.InvariantCulture, out var asked) ? asked : 15;
        var state = Path.Combine(directory, "state");
        var writers = Enumerable.Range(0, Writers).Select(k => new KillTestWriter(k)).ToArray();
        var random = new Random(19);
        var port = ServeProcess.FreePort();
        var checkedWrites = 0L;
        var recovery = new List<TimeSpan>();
        var serve = await ServeProcess.Start(port, "--state-dir", state);
        Assert.That(serve.StartLine, Does.EndWith($"state in {state} (0 writes recovered)"));
        try
        {
            for (var kill = 0; kill < kills; kill++)
            {
                using var stop = new CancellationTokenSource();
                var load = writers.Select(w => w.Run(port, stop.Token)).ToArray();
                await Task.Delay(random.Next(50, 600));
                await serve.Kill();
                await stop.CancelAsync();
                await Task.WhenAll(load);
                serve.Dispose();

                serve = await ServeProcess.Start(port, "--state-dir", state);
                recovery.Add(serve.Ready);
                checkedWrites += await Check(port, writers);
            }
        }
        finally
        {
            serve.Dispose();
        }

        var acknowledged = writers.Sum(w => w.Acknowledged);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kills: {kills}, writes acknowledged: {acknowledged}, acknowledged writes checked (over all restarts): {checkedWrites}, restart to ready: median {Median(recovery).TotalMilliseconds:F0} ms, max {recovery.Max().TotalMilliseconds:F0} ms"));
        Assert.That(acknowledged, Is.GreaterThan(kills), "the load wrote too little to prove anything");
    }

    [Test]
    public async Task Throughput_WithAndWithoutStateDir()
    {
        if (Environment.GetEnvironmentVariable("IRONIC_SIM_KILL_FIGURES") != "1")
        {
            Assert.Ignore("A measurement, not a rule: run with IRONIC_SIM_KILL_FIGURES=1 (docs/benchmarks.md).");
        }

        foreach (var options in new[] { Array.Empty<string>(), ["--state-dir", Path.Combine(directory, "measured")] })
        {
            var port = ServeProcess.FreePort();
            using var serve = await ServeProcess.Start(port, options);
            var writers = Enumerable.Range(0, 16).Select(k => new KillTestWriter(k)).ToArray();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(writers.Select(w => w.Run(port, stop.Token)));
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(options.Length == 0 ? "without --state-dir" : "with --state-dir")}: {writers.Sum(w => w.Acknowledged) / clock.Elapsed.TotalSeconds:F0} writes/s (16 writers)"));
        }
    }

    /// <summary>Every writer's acknowledged writes are there; nothing it did not send is.</summary>
    private static async Task<long> Check(int port, KillTestWriter[] writers)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var client = new IronicClient(http, "1.78");
        var nodes = new Dictionary<string, System.Text.Json.Nodes.JsonNode>();
        var next = "/v1/nodes?fields=uuid,name,provision_state,extra&limit=1000";
        while (next is not null)
        {
            var page = (await client.Get(next)).Json;
            foreach (var node in page["nodes"]!.AsArray())
            {
                nodes[node!["name"]!.GetValue<string>()] = node;
            }

            next = page["next"]?.GetValue<string>() is { } link ? new Uri(link).PathAndQuery : null;
        }

        long verified = 0;
        foreach (var writer in writers)
        {
            verified += writer.Verify(nodes);
        }

        var strangers = nodes.Keys.Where(name => !writers.Any(w => w.Sent(name))).ToList();
        Assert.That(strangers, Is.Empty, "nodes no writer sent");
        return verified;
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);
}
