using System.Text.RegularExpressions;
using IronicCore.Tests.Shared;

namespace IronicCore.Fleet.Tests;

/// <summary>The package README's code is samples/FleetComparison, which runs here.</summary>
[TestFixture]
public sealed partial class ReadmeTests
{
    private static string Read(string file) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", file)).ReplaceLineEndings("\n");

    [Test]
    public void ReadmeComparison_IsTheFleetComparisonSample()
    {
        var csharp = CodeBlock().Matches(Read("FleetReadme.md")).Single(m => m.Groups["lang"].Value == "csharp");

        Assert.That(csharp.Groups["body"].Value, Is.EqualTo(Read("FleetComparison.cs")));
    }

    [Test]
    public void FleetComparisonSample_PrintsOneRowPerBuiltInPolicy()
    {
        var output = SampleRunner.Run("FleetComparison");

        Assert.Multiple(() =>
        {
            Assert.That(output, Does.StartWith("Fleet: 1,000 nodes, 1 conductor, 7 days, seed 42, 1 operator"));
            foreach (var policy in new[] { "hold", "reparo", "fail-fast" })
            {
                // A row in the results table and one in the refusals table.
                Assert.That(output.Split('\n').Count(line => line.StartsWith($"| {policy} | ", StringComparison.Ordinal)), Is.EqualTo(2), policy);
            }
        });
    }

    [GeneratedRegex("```(?<lang>[a-z]*)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
