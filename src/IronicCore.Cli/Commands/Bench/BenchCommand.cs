using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IronicCore.Scenarios;
using IronicCore.Simulation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IronicCore.Cli.Commands.Bench;

/// <summary>
/// <c>ironic-sim bench</c>: a quick measurement outside BenchmarkDotNet. N nodes from enroll
/// through manage, provide, deploy and undeploy back to available (fake hardware,
/// <see cref="LifecycleRun"/>, or ipmi or redfish with agents, <see cref="AgentLifecycleRun"/>), split
/// into a fixed number of independent conductors (shards) run on K threads: the shards, and so
/// the result, do not depend on K, only the wall time does: <c>outcome_sha256</c> hashes every
/// node's end state to show it.
/// </summary>
internal sealed class BenchCommand(CliOutput output, IAnsiConsole console) : Command<BenchCommand.Settings>
{
    /// <summary>Shards per run by default (fewer when there are fewer nodes): enough to keep several cores busy.</summary>
    public const int Shards = 16;

    /// <summary>The hardware types <c>--hardware</c> takes.</summary>
    private static readonly string[] HardwareTypes = ["fake", "ipmi", "redfish"];

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--nodes <N>")]
        [Description("How many nodes. Default 100000.")]
        [DefaultValue(100_000)]
        public int Nodes { get; init; } = 100_000;

        [CommandOption("--threads <K>")]
        [Description("How many threads run the shards. Default: one per core.")]
        public int? Threads { get; init; }

        [CommandOption("--hardware <TYPE>")]
        [Description("fake (default): fake-hardware nodes, nine transitions each; ipmi: ipmi nodes with PXE, direct deploy and agents, a tenth of each shard in flight, 21 transitions each; redfish: the same with redfish nodes booting by virtual media.")]
        [DefaultValue("fake")]
        public string Hardware { get; init; } = "fake";

        [CommandOption("--boot-interface <NAME>")]
        [Description("The ipmi or redfish nodes' boot interface: ipmi pxe (default) or ipxe; redfish redfish-virtual-media (default), ipxe or pxe.")]
        public string? BootInterface { get; init; }

        [CommandOption("--shards <S>")]
        [Description("How many independent conductors share the nodes. Default 16 (fewer with fewer nodes); 1 runs them all in one conductor.")]
        public int? Shards { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("Seeds the node UUIDs. Default 1.")]
        [DefaultValue(1UL)]
        public ulong Seed { get; init; } = 1;

        [CommandOption("--json")]
        [Description("Print one JSON object instead of a table.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            Nodes < 1 ? ValidationResult.Error("--nodes must be at least 1.")
            : Threads < 1 ? ValidationResult.Error("--threads must be at least 1.")
            : Shards < 1 ? ValidationResult.Error("--shards must be at least 1.")
            : Shards > Nodes ? ValidationResult.Error($"--shards ({Shards}) must not exceed --nodes ({Nodes}).")
            : !HardwareTypes.Contains(Hardware) ? ValidationResult.Error($"--hardware must be fake, ipmi or redfish, not \"{Hardware}\".")
            : BootInterface is not null && !AgentHardware.BootInterfacesOf(Hardware).Contains(BootInterface) ? ValidationResult.Error(
                AgentHardware.BootInterfacesOf(Hardware).Length == 0
                    ? $"--boot-interface is not taken by --hardware {Hardware}: its nodes boot no agent."
                    : $"--boot-interface for --hardware {Hardware} must be {string.Join(", ", AgentHardware.BootInterfacesOf(Hardware))}, not \"{BootInterface}\".")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var threads = settings.Threads ?? Environment.ProcessorCount;
        var shards = settings.Shards ?? Math.Min(Shards, settings.Nodes);
        var agents = settings.Hardware == "fake"
            ? null
            : new AgentHardware(settings.Hardware, settings.BootInterface ?? AgentHardware.BootInterfacesOf(settings.Hardware)[0]);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var runs = new IBenchRun[shards];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Parallel.For(0, shards, parallel, shard =>
        {
            var (nodes, seed) = (ShardSize(settings.Nodes, shards, shard), settings.Seed + (ulong)shard);
            runs[shard] = agents is null ? new LifecycleRun(nodes, seed) : new AgentLifecycleRun(agents, nodes, seed);
        });
        var idle = GC.GetTotalMemory(forceFullCollection: true) - before;

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = GC.CollectionCount(0);
        var pausedBefore = GC.GetTotalPauseDuration();
        var eventsBefore = runs.Sum(r => r.Conductor.Clock.EventsRun);
        var watch = Stopwatch.StartNew();
        Parallel.For(0, shards, parallel, shard => runs[shard].Run());
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        var transitions = runs.Sum(r => r.Transitions);
        var result = new JsonObject
        {
            ["nodes"] = settings.Nodes,
            ["threads"] = threads,
            ["transitions"] = transitions,
            ["wall_seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 3),
            ["cpu_seconds"] = Math.Round(cpu.TotalSeconds, 3),
            ["transitions_per_second"] = Math.Round(transitions / watch.Elapsed.TotalSeconds),
            ["peak_working_set_bytes"] = process.PeakWorkingSet64,
            ["bytes_per_node"] = idle / settings.Nodes,
            ["hardware"] = settings.Hardware,
            ["shards"] = shards,
            ["clock_events"] = runs.Sum(r => r.Conductor.Clock.EventsRun) - eventsBefore,
            ["allocated_bytes_per_node"] = allocated / settings.Nodes,

            // Every collection includes generation 0, so its count is the number of collections.
            ["gc_collections"] = collections,
            ["gc_pause_seconds"] = Math.Round(paused.TotalSeconds, 3),
        };
        if (agents is not null)
        {
            if (!agents.DefaultBoot)
            {
                result["boot_interface"] = agents.BootInterface;
            }

            result["failed"] = runs.Sum(r => ((AgentLifecycleRun)r).Failed);
            result["retried_when_locked"] = runs.Sum(r => ((AgentLifecycleRun)r).RetriedWhenLocked);
        }

        result["outcome_sha256"] = Outcome(runs);
        if (settings.Json)
        {
            output.Out.WriteLine(JsonLine.Format(result));
            return 0;
        }

        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (name, value) in result)
        {
            table.AddRow(name.Replace('_', ' '), value!.ToJsonString());
        }

        console.Write(table);
        return 0;
    }

    /// <summary>Every shard's outcome in shard order, hashed: equal digests mean runs that ended the same way, node for node.</summary>
    private static string Outcome(IBenchRun[] runs)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var run in runs)
        {
            run.AppendOutcome(hash);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Nodes of one shard: an even split, the first shards taking one more when it does not divide.</summary>
    private static int ShardSize(int nodes, int shards, int shard) => (nodes / shards) + (shard < nodes % shards ? 1 : 0);
}
