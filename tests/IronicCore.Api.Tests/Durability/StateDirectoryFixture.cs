using IronicCore.Api.Durability;
using IronicCore.Api.Hosting;
using IronicCore.Cli.Commands.Serve;
using IronicCore.Configuration;
using IronicCore.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace IronicCore.Api.Tests.Durability;

/// <summary>State directories for tests: made, copied as a crash would leave them, served in memory.</summary>
internal static class StateDirectoryFixture
{
    /// <summary>A new state directory holding serve's own empty conductor (fake-hardware and ipmi) with seed 42.</summary>
    public static StateDirectory Created(string path, ClockMode clock = ClockMode.Virtual, DateTimeOffset? start = null)
    {
        var state = StateDirectory.Open(path);
        var conductor = ServeConductor.Empty(ConductorOptions.ForRelease(IronicCore.States.IronicRelease.Master), new SimulationClock(start ?? SimulationClock.DefaultStart), seed: 42);
        state.Create(conductor, clock, new Dictionary<string, string> { ["release"] = "master", ["clock"] = clock.ToString().ToLowerInvariant() }, ServeConductor.Resume);
        return state;
    }

    /// <summary>Serves a state directory (loading it first unless it was just created).</summary>
    public static SimulatorFactory Serve(StateDirectory state, Conductor? created = null, ClockMode clock = ClockMode.Virtual, int compactAfter = 20_000) =>
        new(conductor: created ?? state.Load(ServeConductor.Resume), options: new IronicApiOptions { Clock = clock, StateDirectory = state, CompactAfter = compactAfter });

    /// <summary>The directory's files as they are now: what a kill at this moment leaves.</summary>
    public static string CopyOf(string path, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(path))
        {
            if (Path.GetFileName(file) != "lock")
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }

        return to;
    }

    /// <summary>Waits for the snapshot being built off the loop, if one is (asked on the loop, after its last batch).</summary>
    public static async Task Compacted(SimulatorFactory factory)
    {
        var loop = factory.Services.GetRequiredService<ConductorLoop>();
        await await loop.Run(_ => loop.Durable!.Compacting ?? Task.CompletedTask);
    }

    /// <summary>The served conductor's snapshot, taken on its loop.</summary>
    public static Task<byte[]> Snapshot(SimulatorFactory factory) =>
        factory.Services.GetRequiredService<ConductorLoop>().Run(s =>
        {
            using var stream = new MemoryStream();
            s.Conductor.Save(stream);
            return stream.ToArray();
        });
}
