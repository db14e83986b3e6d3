using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// Each option's XML doc names the Ironic option, its default (and 21.4's where it differs), its
/// limits and whether 21.4 has it, in the words the catalog would use: docs and code cannot drift.
/// </summary>
[TestFixture]
public sealed partial class ConductorOptionsDocsTests
{
    /// <summary>The XML docs of each assembly that declares options (the core and the driver packages).</summary>
    private static readonly Dictionary<string, XDocument> Docs = [];

    private static IEnumerable<TestCaseData> EveryOption() =>
        DriverSections.Catalog.Select(entry => new TestCaseData(entry.Name).SetArgDisplayNames(entry.Name));

    [TestCaseSource(nameof(EveryOption))]
    public void Doc_NamesTheOptionItsDefaultsAndLimits(string option)
    {
        var entry = DriverSections.Catalog.Single(e => e.Name == option);
        var member = $"P:{entry.Property.DeclaringType!.FullName}.{entry.Property.Name}";
        var doc = DocsOf(entry.Property.DeclaringType.Assembly).Descendants("member").Single(m => (string?)m.Attribute("name") == member);
        var summary = Text(doc.Element("summary"));
        var value = Text(doc.Element("value"));
        var (section, name) = (option[..option.IndexOf('.', StringComparison.Ordinal)], option[(option.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        var master = Render(entry, entry.DefaultFor(IronicRelease.Master));
        var older = new[] { IronicRelease.Release2025_1, IronicRelease.Release21_4 }
            .Select(release => (Name: release.ToIronicName(), Default: Render(entry, entry.DefaultFor(release))))
            .Where(release => release.Default != master)
            .GroupBy(release => release.Default, release => release.Name)
            .Select(group => $"{string.Join(" and ", group)}: {group.Key}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.StartWith($"[{section}] {name}:"));
            Assert.That(value, Does.StartWith($"Default: {master}" + (older.Count == 0 ? "." : $" ({string.Join("; ", older)}).")));
            Assert.That(value, Does.Contain(" Limits: " + Limits(entry)));
            if (entry.MaximumLength is { } length)
            {
                Assert.That(value, Does.Contain($"at most {length} characters"));
            }

            Assert.That(value.Contains("Master only", StringComparison.Ordinal), Is.EqualTo(entry.Since == IronicRelease.Master));
            Assert.That(value.Contains("Since 2025.1", StringComparison.Ordinal), Is.EqualTo(entry.Since == IronicRelease.Release2025_1));
        });
    }

    private static XDocument DocsOf(System.Reflection.Assembly assembly)
    {
        var name = assembly.GetName().Name!;
        if (!Docs.TryGetValue(name, out var docs))
        {
            docs = XDocument.Load(Path.Combine(AppContext.BaseDirectory, name + ".xml"));
            Docs.Add(name, docs);
        }

        return docs;
    }

    private static string Text(XElement? element) =>
        Whitespace().Replace(element?.Value ?? string.Empty, " ").Trim();

    private static string Render(OptionEntry entry, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "unset",
        JsonValueKind.Array or JsonValueKind.Object when value.GetRawText().Length == 2 => "empty",
        JsonValueKind.Number when entry.Kind.Unit.Length > 0 => $"{value.GetRawText()}{entry.Kind.Unit}",
        _ => value.GetRawText(),
    };

    private static string Limits(OptionEntry entry) => (entry.Minimum, entry.Maximum) switch
    {
        ({ } min, { } max) => $"{min} to {max}{entry.Kind.Unit}.",
        ({ } min, null) => $"at least {min}{entry.Kind.Unit}.",
        (null, { } max) => $"at most {max}{entry.Kind.Unit}",
        _ => string.Empty,
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
