using System.Xml.Linq;

namespace IronicCore.Architecture.Tests;

[TestFixture]
public sealed class NamingTests
{
    [Test]
    public void NoType_IsNamedLikeANamespace()
    {
        var types = SourceProjects.All.SelectMany(SourceProjects.Types).ToList();
        var namespaces = types.Select(t => t.Namespace!).ToHashSet(StringComparer.Ordinal);

        // A type named like a namespace makes every `IronicCore.X` reference in user code
        // ambiguous (CS0118), and a type named like its own namespace reads as a typo.
        var clashes = types
            .Where(t => namespaces.Contains(t.FullName!) || t.Namespace!.Split('.')[^1] == t.Name)
            .Select(t => t.FullName);

        Assert.That(clashes, Is.Empty);
    }

    private static IEnumerable<TestCaseData> DocumentationFiles() =>
        SourceProjects.All
            .Select(a => Path.ChangeExtension(a.Location, ".xml"))
            .Where(File.Exists)
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetFileName(f)));

    [TestCaseSource(nameof(DocumentationFiles))]
    public void EveryType_HasOneSummary(string documentation)
    {
        // The compiler joins the comments of a partial type's files: a second summary is shown
        // nowhere but hides the first in IntelliSense.
        var repeated = XDocument.Load(documentation).Descendants("member")
            .Where(m => m.Attribute("name")!.Value.StartsWith("T:", StringComparison.Ordinal) && m.Elements("summary").Count() > 1)
            .Select(m => m.Attribute("name")!.Value);

        Assert.That(repeated, Is.Empty);
    }
}
