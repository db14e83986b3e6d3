using System.Diagnostics;

namespace IronicCore.Tests.Shared;

/// <summary>
/// The real Slurm cluster the live sweep tests run against: the one-node cluster .ci/run starts
/// (.ci/slurm/start) and announces with IRONICCORE_SLURM=1 and SLURM_CONF. Where it is announced,
/// a cluster that does not answer fails the test; elsewhere the live tests are skipped, and
/// <c>dotnet test --filter TestCategory!=Slurm</c> leaves them out (docs/sweeps.md, "On Slurm").
/// Shared by the test projects.
/// </summary>
internal static class SlurmCluster
{
    /// <summary>The NUnit category of every test that needs the cluster.</summary>
    public const string Category = "Slurm";

    /// <summary>Returns when the cluster answers with a node ready for jobs; fails or skips the test otherwise.</summary>
    public static void Require()
    {
        if (Environment.GetEnvironmentVariable("IRONICCORE_SLURM") != "1")
        {
            Assert.Ignore("No Slurm cluster announced: .ci/run starts one (or .ci/slurm/start DIR; . DIR/env; export IRONICCORE_SLURM=1); --filter TestCategory!=Slurm leaves these tests out.");
        }

        var (exit, output) = Run("sinfo", "--noheader", "--Node", "--format=%N %T");
        Assert.That(exit, Is.Zero, $"IRONICCORE_SLURM=1 but sinfo failed (SLURM_CONF={Environment.GetEnvironmentVariable("SLURM_CONF")}): {output}");
        Assert.That(output, Does.Match(@"\b(idle|mixed|allocated)\b"), $"IRONICCORE_SLURM=1 but no node takes jobs: {output}");
    }

    /// <summary>Runs a Slurm command to its end (at most a minute); its exit code and its output and errors together.</summary>
    public static (int Exit, string Output) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{program} did not finish in a minute");
            }

            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            return (-1, $"{program} cannot be started: {missing.Message}");
        }
    }
}
