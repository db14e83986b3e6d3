namespace IronicCore.Architecture.Tests;

[TestFixture]
public sealed class SourceFileTests
{
    private const int MaximumLines = 400;

    [Test]
    public void NoSourceFile_IsOverFourHundredLines()
    {
        var root = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "src");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).ToList();

        var tooLong = files
            .Select(f => (File: Path.GetRelativePath(root, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaximumLines)
            .Select(f => $"{f.File}: {f.Lines}");

        Assert.Multiple(() =>
        {
            Assert.That(files, Is.Not.Empty);
            Assert.That(tooLong, Is.Empty);
        });
    }
}
