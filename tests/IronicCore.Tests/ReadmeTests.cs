using System.Text.RegularExpressions;
using IronicCore.Tests.Shared;

namespace IronicCore.Tests;

[TestFixture]
public sealed partial class ReadmeTests
{
    private static string Read(string file) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", file)).ReplaceLineEndings("\n");

    [Test]
    public void Readme_StartsWithExactlyTwoSetUpCommands_TheMainJobThenTheTests()
    {
        var first = CodeBlock().Match(Read("RootReadme.md"));
        var commands = first.Groups["body"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(commands, Has.Length.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(commands[0], Is.EqualTo("dotnet run -c Release --project src/IronicCore.Cli -- fleet"));
            Assert.That(commands[1], Is.EqualTo("dotnet test IronicCore.sln"));
        });
    }

    [Test]
    public void ReadmeLibraryExample_IsTheHarnessSampleTheSuiteRuns()
    {
        var csharp = CodeBlock().Matches(Read("RootReadme.md")).Single(m => m.Groups["lang"].Value == "csharp");

        Assert.That(csharp.Groups["body"].Value, Is.EqualTo(Read("GettingStarted.cs")));
    }

    [Test]
    public void PackageReadmeExample_IsTheHarnessSampleTheSuiteRuns()
    {
        var csharp = CodeBlock().Matches(Read("PackageReadme.md")).Single(m => m.Groups["lang"].Value == "csharp");

        Assert.That(csharp.Groups["body"].Value, Is.EqualTo(Read("GettingStarted.cs")));
    }

    [Test]
    public void QuickStartSample_RunsAndWalksIntoCleanWait()
    {
        var output = SampleRunner.Run("QuickStart");

        Assert.That(output, Is.EqualTo(
            "manage -> verifying\ndone -> manageable\nprovide -> cleaning\nwait -> clean wait\n" +
            "InvalidStateRequested 400: The requested action \"deploy\" can not be performed while it is in state " +
            "\"clean wait\".\n"));
    }

    [GeneratedRegex("```(?<lang>[a-z]*)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
