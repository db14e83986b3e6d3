using IronicCore.Api.Durability;
using IronicCore.Cli.Commands.Serve;

namespace IronicCore.Api.Tests.Durability;

/// <summary>
/// A kill can tear only the journal's last record: that one is dropped, never half-applied. Damage
/// anywhere else is not a crash's, and is refused with the file and offset, never skipped.
/// </summary>
public sealed class JournalDamageTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("durable-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    /// <summary>A state directory with three nodes created, as a kill leaves it.</summary>
    private async Task<string> ThreeNodes()
    {
        var live = Path.Combine(directory, "live");
        using (var state = StateDirectoryFixture.Created(live))
        {
            using var factory = StateDirectoryFixture.Serve(state, state.Load(ServeConductor.Resume));
            using var client = factory.Client();
            foreach (var name in new[] { "a", "b", "c" })
            {
                await client.CreateNode(name);
            }

            StateDirectoryFixture.CopyOf(live, Path.Combine(directory, "crashed"));
        }

        return Path.Combine(directory, "crashed");
    }

    private static string Journal(string path) => Directory.GetFiles(path, "journal-*.log").Single();

    private static async Task<List<string>> NodesAfterRestart(string path)
    {
        using var state = StateDirectory.Open(path);
        using var factory = StateDirectoryFixture.Serve(state);
        using var client = factory.Client();
        return [.. (await client.Get("/v1/nodes")).Json["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>())];
    }

    [TestCase(1)]
    [TestCase(9)]
    [TestCase(30)]
    public async Task ATornLastRecord_IsDropped_AndTheWritesBeforeItAreKept(int cut)
    {
        var path = await ThreeNodes();
        var journal = Journal(path);
        var bytes = await File.ReadAllBytesAsync(journal);
        await File.WriteAllBytesAsync(journal, bytes[..^cut]);

        Assert.That(await NodesAfterRestart(path), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task ZerosAfterTheLastRecord_AreSpaceAWriteNeverFilled_AndAreDropped()
    {
        var path = await ThreeNodes();
        await using (var stream = new FileStream(Journal(path), FileMode.Append))
        {
            stream.Write(new byte[4096]);
        }

        Assert.That(await NodesAfterRestart(path), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public async Task AfterATornRecordIsDropped_NewWritesFollowTheLastIntactOne()
    {
        var path = await ThreeNodes();
        var journal = Journal(path);
        var bytes = await File.ReadAllBytesAsync(journal);
        await File.WriteAllBytesAsync(journal, bytes[..^5]);
        using (var state = StateDirectory.Open(path))
        {
            using var factory = StateDirectoryFixture.Serve(state);
            using var client = factory.Client();
            await client.CreateNode("d");
        }

        Assert.That(await NodesAfterRestart(path), Is.EqualTo(new[] { "a", "b", "d" }));
    }

    [Test]
    public async Task ADamagedRecordBeforeTheEnd_IsATypedError_NamingTheFileAndOffset()
    {
        var path = await ThreeNodes();
        var journal = Journal(path);
        var bytes = await File.ReadAllBytesAsync(journal);
        bytes[40] ^= 0xFF;
        await File.WriteAllBytesAsync(journal, bytes);
        using var state = StateDirectory.Open(path);

        var error = Assert.Throws<StateDirectoryException>(() => state.Load(ServeConductor.Resume))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Error, Is.EqualTo(StateDirectoryError.Corrupted));
            Assert.That(error.File, Is.EqualTo(journal));
            Assert.That(error.Offset, Is.EqualTo(8), "the first record, right after the header");
            Assert.That(error.Message, Does.StartWith($"{journal} at byte 8: ").And.Not.Contain("\n"));
        });
    }

    [Test]
    public async Task ADirectoryInUse_IsRefused()
    {
        var path = await ThreeNodes();
        using var first = StateDirectory.Open(path);

        var error = Assert.Throws<StateDirectoryException>(() => StateDirectory.Open(path))!;

        Assert.That(error.Error, Is.EqualTo(StateDirectoryError.Locked));
    }

    [Test]
    public async Task AJournalWrittenByAnotherLibraryVersion_IsRefused_ForItMayReplayDifferently()
    {
        var path = await ThreeNodes();
        var manifest = Path.Combine(path, "state.json");
        var text = await File.ReadAllTextAsync(manifest);
        await File.WriteAllTextAsync(manifest, System.Text.RegularExpressions.Regex.Replace(text, "\"library\":\"[^\"]*\"", "\"library\":\"0.0.1-other\""));
        using var state = StateDirectory.Open(path);

        var error = Assert.Throws<StateDirectoryException>(() => state.Load(ServeConductor.Resume))!;

        Assert.That(error.Error, Is.EqualTo(StateDirectoryError.Incompatible));
        Assert.That(error.Message, Does.Contain("0.0.1-other"));
    }

    [Test]
    public async Task Compaction_KeepsOneSnapshotAndOneJournal_AndARestartServesTheSameState()
    {
        var live = Path.Combine(directory, "live");
        List<string> files;
        using (var state = StateDirectoryFixture.Created(live))
        {
            using var factory = StateDirectoryFixture.Serve(state, state.Load(ServeConductor.Resume), compactAfter: 4);
            using var client = factory.Client();
            for (var i = 0; i < 11; i++)
            {
                await client.CreateNode($"n{i}");

                // Each snapshot is built off the loop; the next is started once it is in place.
                await StateDirectoryFixture.Compacted(factory);
            }

            files = [.. Directory.GetFiles(live).Select(f => Path.GetFileName(f)).Order()];
            StateDirectoryFixture.CopyOf(live, Path.Combine(directory, "crashed"));
        }

        Assert.That(files, Is.EqualTo(new[] { "journal-00000000000000000008.log", "lock", "snapshot-00000000000000000008.bin", "state.json" }));
        using var reopened = StateDirectory.Open(Path.Combine(directory, "crashed"));
        using var served = StateDirectoryFixture.Serve(reopened);
        using var client2 = served.Client();
        var nodes = (await client2.Get("/v1/nodes")).Json["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>());
        Assert.That(nodes, Is.EquivalentTo(Enumerable.Range(0, 11).Select(i => $"n{i}")));
        Assert.That(reopened.RecoveredWrites, Is.EqualTo(3));
    }
}
