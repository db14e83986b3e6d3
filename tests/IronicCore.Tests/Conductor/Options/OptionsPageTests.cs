using System.Text.RegularExpressions;
using IronicCore.Configuration;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>docs/options.md names every option IronicCore simulates in its first table and every one it refuses in its second.</summary>
[TestFixture]
public sealed partial class OptionsPageTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "options.md"));

    private static string Simulated => Page[Page.IndexOf("## Simulated", StringComparison.Ordinal)..Page.IndexOf("## Refused", StringComparison.Ordinal)];

    private static string Refused => Page[Page.IndexOf("## Refused", StringComparison.Ordinal)..];

    private static IEnumerable<TestCaseData> SimulatedOptions() =>
        DriverSections.Catalog.Select(entry => new TestCaseData(entry.Name).SetArgDisplayNames(entry.Name));

    private static IEnumerable<TestCaseData> RefusedOptions() =>
        OptionCatalog.For(DriverSections.All).NotSimulated.Keys.Order(StringComparer.Ordinal).Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [TestCaseSource(nameof(SimulatedOptions))]
    public void SimulatedOption_IsInTheSimulatedTable(string option) =>
        Assert.That(Rows(Simulated, option), Is.Not.Empty, $"docs/options.md lists no row for {option} under Simulated");

    [TestCaseSource(nameof(RefusedOptions))]
    public void RefusedOption_IsInTheRefusedTable(string option) =>
        Assert.That(Rows(Refused, option), Is.Not.Empty, $"docs/options.md lists no row for {option} under Refused");

    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Release2025_1)]
    [TestCase(IronicRelease.Master)]
    public void IronicOptionNamesTable_CountsEachReleasesList(IronicRelease release)
    {
        var names = IronicOptionNames.For(release);

        var row = Page.Split('\n').Single(line => line.StartsWith($"| {release.ToIronicName()} (", StringComparison.Ordinal));

        Assert.That(row, Does.EndWith($") | {names.Options.Count} | {names.DeprecatedNames.Count} |"));
    }

    /// <summary>The table rows of <paramref name="table"/> that start with the option's section and name it (or its family, e.g. <c>enabled_*_interfaces</c>).</summary>
    private static IEnumerable<string> Rows(string table, string option)
    {
        var (section, name) = (option[..option.IndexOf('.', StringComparison.Ordinal)], option[(option.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        var family = Family().Replace(name, "$1*$2");
        return table.Split('\n').Where(row => row.StartsWith($"| `[{section}] ", StringComparison.Ordinal)
            && (row.Contains($"`{name}`", StringComparison.Ordinal) || row.Contains($"] {name}`", StringComparison.Ordinal)
                || row.Contains($"`{family}`", StringComparison.Ordinal) || row.Contains($"] {family}`", StringComparison.Ordinal)));
    }

    [GeneratedRegex("^(enabled_|default_)[a-z]+(_interfaces?)$")]
    private static partial Regex Family();
}
