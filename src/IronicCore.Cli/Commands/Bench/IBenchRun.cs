using System.Security.Cryptography;

namespace IronicCore.Cli.Commands.Bench;

/// <summary>One shard of <c>ironic-sim bench</c>: a conductor with its nodes enrolled, run once through the lifecycle.</summary>
internal interface IBenchRun
{
    Conductor Conductor { get; }

    /// <summary>Transitions seen so far.</summary>
    long Transitions { get; }

    /// <summary>Runs the lifecycle's phases; every node ends in <c>available</c>.</summary>
    void Run();

    /// <summary>
    /// Adds what the run left behind to <paramref name="hash"/> (<see cref="BenchOutcome"/>): two runs
    /// that agree on it ended the same way, node for node.
    /// </summary>
    void AppendOutcome(IncrementalHash hash);
}
