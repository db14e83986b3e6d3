using IronicCore.Sweeps.Engines;

namespace IronicCore.Sweeps.Tests.Engines;

/// <summary>
/// The real Slurm cluster the live tests run against: the one-node cluster .ci/run starts
/// (.ci/slurm/start) and announces with IRONICCORE_SLURM=1 and SLURM_CONF. Where it is announced,
/// a cluster that does not answer fails the test; elsewhere the live tests are skipped, and
/// <c>dotnet test --filter TestCategory!=Slurm</c> leaves them out (docs/sweeps.md, "On Slurm").
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
            Assert.Ignore("No Slurm cluster announced: .ci/run starts one (or .ci/slurm/start DIR, . DIR/env, IRONICCORE_SLURM=1); --filter TestCategory!=Slurm leaves these out.");
        }

        var sinfo = CommandRunner.Instance.Run("sinfo", ["--noheader", "--Node", "--format=%N %T"], TimeSpan.FromSeconds(60));
        Assert.That(sinfo.ExitCode, Is.Zero, $"IRONICCORE_SLURM=1 but sinfo failed (SLURM_CONF={Environment.GetEnvironmentVariable("SLURM_CONF")}): {sinfo.FirstErrorLine}");
        Assert.That(sinfo.Output, Does.Match(@"\b(idle|mixed|allocated)\b"), $"IRONICCORE_SLURM=1 but no node takes jobs: {sinfo.Output}");
    }
}
