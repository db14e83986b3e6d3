using System.Net;
using IronicCore.Api.Durability;
using IronicCore.Api.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IronicCore.Api.Tests.Durability;

/// <summary>
/// A compaction builds its snapshot off the conductor's loop while the journal goes on in a new
/// segment. Whatever step it is at when the process dies, or when a step fails, a restart from
/// the directory rebuilds exactly the conductor of the last acknowledged write: checked byte for
/// byte against the same writes served without any compaction.
/// </summary>
public sealed class CompactionFaultTests
{
    private static byte[] reference = [];
    private static int records;
    private string directory = null!;

    public static IEnumerable<string> Steps => Enum.GetNames<CompactionStep>();

    [OneTimeSetUp]
    public static async Task ServeTheWritesWithoutCompaction()
    {
        var path = Directory.CreateTempSubdirectory("durable-reference-").FullName;
        try
        {
            using var state = StateDirectoryFixture.Created(path);
            using var factory = StateDirectoryFixture.Serve(state, state.Load(IronicCore.Cli.Commands.Serve.ServeConductor.Resume), compactAfter: int.MaxValue);
            using var client = factory.Client();
            Assert.That(await Writes(client), Is.EqualTo(HttpStatusCode.OK));
            reference = await StateDirectoryFixture.Snapshot(factory);
            records = JournalTail.Read(path, 0).Records.Count;
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("durable-compaction-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [TestCaseSource(nameof(Steps))]
    public async Task AKillAtAnyStepOfACompaction_RestartsToExactlyTheLastAcknowledgedWrite(string killedAt)
    {
        var killed = Enum.Parse<CompactionStep>(killedAt);
        var live = Path.Combine(directory, "live");
        var crashed = Path.Combine(directory, "crashed");
        using (var state = StateDirectoryFixture.Created(live))
        {
            // The compaction is due after the last write, so every write is acknowledged before it starts.
            using var factory = StateDirectoryFixture.Serve(state, state.Load(IronicCore.Cli.Commands.Serve.ServeConductor.Resume), compactAfter: records);
            using var client = factory.Client();
            LoopOf(factory).Durable!.Probe = step =>
            {
                if (step == killed)
                {
                    StateDirectoryFixture.CopyOf(live, crashed);
                }
            };
            Assert.That(await Writes(client), Is.EqualTo(HttpStatusCode.OK));
            await StateDirectoryFixture.Compacted(factory);

            Assert.That(await StateDirectoryFixture.Snapshot(factory), Is.EqualTo(reference), "the served conductor differs from the reference");
            Assert.That(
                Directory.GetFiles(live).Select(Path.GetFileName).Order(),
                Is.EqualTo(new[] { $"journal-{records:D20}.log", "lock", $"snapshot-{records:D20}.bin", "state.json" }));
        }

        Assert.That(await Restarted(crashed), Is.EqualTo(reference), $"a kill at {killedAt} loses or reverts an acknowledged write");
    }

    [TestCaseSource(nameof(Steps))]
    public async Task AFailureAtAnyStepOfACompaction_StopsTheConductor_AndARestartHasEveryAcknowledgedWrite(string failedAt)
    {
        var failed = Enum.Parse<CompactionStep>(failedAt);
        var live = Path.Combine(directory, "live");
        using (var state = StateDirectoryFixture.Created(live))
        {
            using var factory = StateDirectoryFixture.Serve(state, state.Load(IronicCore.Cli.Commands.Serve.ServeConductor.Resume), compactAfter: records);
            using var client = factory.Client();
            LoopOf(factory).Durable!.Probe = step =>
            {
                if (step == failed)
                {
                    throw new IOException("injected: no space left on device");
                }
            };
            // The last write's record is on the disk before the compaction fails, but its answer may come too late.
            await Writes(client);
            var loop = LoopOf(factory);
            await loop.ExecuteTask!.ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.That(loop.ExecuteTask.Exception?.InnerException?.Message, Does.Contain("the state directory's snapshot could not be written: injected"));
            var refused = await client.Post("/v1/nodes", """{"driver": "fake-hardware", "name": "after-the-failure"}""");
            Assert.That((int)refused.Status, Is.GreaterThanOrEqualTo(500), "a write was taken after the conductor stopped");
        }

        Assert.That(await Restarted(live), Is.EqualTo(reference), $"a failure at {failedAt} loses or reverts an acknowledged write");
    }

    /// <summary>Every kind of write, then one more whose answer is not awaited as acknowledged: the compaction starts after it.</summary>
    private static async Task<HttpStatusCode> Writes(IronicClient client)
    {
        await ReplayTests.Writes(client);
        return (await client.Post("/_sim/advance", """{"seconds": 1}""")).Status;
    }

    private static ConductorLoop LoopOf(SimulatorFactory factory) => factory.Services.GetRequiredService<ConductorLoop>();

    private static async Task<byte[]> Restarted(string path)
    {
        using var reopened = StateDirectory.Open(path);
        using var served = StateDirectoryFixture.Serve(reopened);
        using var client = served.Client();
        Assert.That((await client.Get("/v1/nodes")).Status, Is.EqualTo(HttpStatusCode.OK));
        return await StateDirectoryFixture.Snapshot(served);
    }
}
