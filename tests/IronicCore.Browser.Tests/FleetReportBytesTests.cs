using IronicCore.Cli;

namespace IronicCore.Browser.Tests;

/// <summary>report.html holds only what the seed decides (no wall time): the same run writes the same bytes.</summary>
[TestFixture]
public sealed class FleetReportBytesTests
{
    [Test]
    public void SameRun_WritesTheSameReport()
    {
        var directory = Directory.CreateTempSubdirectory("fleet-report-").FullName;
        try
        {
            byte[] Report(string name)
            {
                using var output = new StringWriter();
                using var error = new StringWriter();
                var code = IronicSim.Run(["fleet", "--nodes", "200", "--days", "2", "--replications", "2", "--out", Path.Combine(directory, name)], output, error);
                Assert.That(code, Is.Zero, error.ToString());
                return File.ReadAllBytes(Path.Combine(directory, name, "report.html"));
            }

            Assert.That(Report("b"), Is.EqualTo(Report("a")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
