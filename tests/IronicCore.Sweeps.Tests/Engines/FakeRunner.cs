using IronicCore.Sweeps.Engines;

namespace IronicCore.Sweeps.Tests.Engines;

/// <summary>Scheduler commands answered from a table: what a test says sbatch, squeue or sacct print.</summary>
internal sealed class FakeRunner : ICommandRunner
{
    private readonly Dictionary<string, Queue<ProcessResult>> answers = new(StringComparer.Ordinal);

    public List<(string Program, IReadOnlyList<string> Arguments)> Calls { get; } = [];

    public FakeRunner Answer(string program, int exitCode, string output, string error = "")
    {
        if (!answers.TryGetValue(program, out var queue))
        {
            answers[program] = queue = new Queue<ProcessResult>();
        }

        queue.Enqueue(new ProcessResult(exitCode, output, error));
        return this;
    }

    public ProcessResult Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, Action<string>? firstLine = null, CancellationToken cancellationToken = default)
    {
        Calls.Add((program, arguments));
        if (!answers.TryGetValue(program, out var queue) || queue.Count == 0)
        {
            throw new AssertionException($"{program} was not expected to run");
        }

        var result = queue.Dequeue();
        if (result.Output.Split('\n')[0] is { Length: > 0 } line)
        {
            firstLine?.Invoke(line);
        }

        return result;
    }
}
