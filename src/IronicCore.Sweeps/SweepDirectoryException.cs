namespace IronicCore.Sweeps;

/// <summary>
/// A sweep directory cannot be used as asked: it holds another plan's sweep, its <c>sweep.json</c>
/// is missing or not one, or a task number names no chunk. Nothing in the directory was changed.
/// </summary>
public sealed class SweepDirectoryException : Exception
{
    /// <summary>Tells what is wrong with the directory at <paramref name="directory"/>.</summary>
    /// <param name="directory">The sweep directory.</param>
    /// <param name="problem">What is wrong, one sentence.</param>
    public SweepDirectoryException(string directory, string problem)
        : base($"{directory}: {problem}")
    {
        Directory = directory;
        Problem = problem;
    }

    /// <summary>The sweep directory.</summary>
    public string Directory { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
