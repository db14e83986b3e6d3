using IronicCore.Cli;

namespace IronicCore.Tests.Cli;

/// <summary>Runs <c>ironic-sim</c> in-process, capturing what it prints.</summary>
internal static class CliRun
{
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = IronicSim.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
