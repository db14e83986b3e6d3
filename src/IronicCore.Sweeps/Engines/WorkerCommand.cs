using System.Text;

namespace IronicCore.Sweeps.Engines;

/// <summary>
/// How a cluster node starts <c>ironic-sim</c>: the program and the arguments before
/// <c>sweep worker</c>. Either the tool's own executable (a published apphost, or the
/// <c>dotnet tool</c> shim) or <c>dotnet</c> with the tool's dll, by absolute paths: the job runs on
/// other machines, where neither the current directory nor PATH need be the submitter's.
/// </summary>
public sealed class WorkerCommand
{
    /// <summary>Makes the command from absolute paths: the program and its leading arguments (a dll for <c>dotnet</c>).</summary>
    public WorkerCommand(string program, params string[] leadingArguments)
    {
        if (!Path.IsPathFullyQualified(program))
        {
            throw new ArgumentException($"The worker's program must be an absolute path, not {program}.", nameof(program));
        }

        Program = program;
        LeadingArguments = leadingArguments;
    }

    /// <summary>The executable a node runs.</summary>
    public string Program { get; }

    /// <summary>What comes before <c>sweep worker</c>: the tool's dll when <see cref="Program"/> is <c>dotnet</c>.</summary>
    public IReadOnlyList<string> LeadingArguments { get; }

    /// <summary>The names of the tool's own executables: the published apphost, and the <c>dotnet tool</c> command.</summary>
    private static readonly string[] ToolExecutables = ["ironic-sim", "IronicCore.Cli"];

    /// <summary>
    /// The command that runs the tool as the current process does: <paramref name="processPath"/>
    /// itself when it is the tool's executable, else <paramref name="dotnetHost"/> with
    /// <paramref name="toolAssembly"/> (the tool's dll): under <c>dotnet</c>, or inside another
    /// host such as a test runner.
    /// </summary>
    public static WorkerCommand Of(string processPath, string toolAssembly, string dotnetHost) =>
        ToolExecutables.Contains(Executable(processPath), StringComparer.Ordinal)
            ? new WorkerCommand(processPath)
            : new WorkerCommand(dotnetHost, toolAssembly);

    /// <summary>An executable's name without Windows' .exe (not GetFileNameWithoutExtension: IronicCore.Cli has a dot of its own).</summary>
    private static string Executable(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
    }

    /// <summary>The argument list that runs the worker of <paramref name="sweepDirectory"/>, with <paramref name="extra"/> after it.</summary>
    public IReadOnlyList<string> WorkerArguments(string sweepDirectory, params string[] extra) =>
        [.. LeadingArguments, "sweep", "worker", sweepDirectory, .. extra];

    /// <summary>The worker's command line for a POSIX shell, every word quoted, with <paramref name="extra"/> after the directory.</summary>
    public string ToShell(string sweepDirectory, params string[] extra)
    {
        var line = new StringBuilder(ShellWord(Program));
        foreach (var argument in WorkerArguments(sweepDirectory, extra))
        {
            line.Append(' ').Append(ShellWord(argument));
        }

        return line.ToString();
    }

    /// <summary>One word for a POSIX shell: single-quoted, a single quote inside as <c>'\''</c>.</summary>
    public static string ShellWord(string word) => "'" + word.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
}
