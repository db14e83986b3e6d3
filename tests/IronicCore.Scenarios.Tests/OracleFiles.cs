namespace IronicCore.Scenarios.Tests;

/// <summary>The scenario files under Scenarios/ that carry an output of Ironic's oracle beside them.</summary>
internal static class OracleFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Scenarios");

    /// <summary>
    /// Every <c>X.json</c> with <c>X</c> + <paramref name="companion"/> beside it (e.g. <c>.expected.jsonl</c>),
    /// as a test case of its path under Scenarios/, in ordinal order.
    /// </summary>
    public static IEnumerable<TestCaseData> ScenariosWith(string companion) =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories)
            .Where(f => File.Exists(Companion(f, companion)))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetRelativePath(Directory, f)).SetArgDisplayNames(Path.GetFileNameWithoutExtension(f)));

    /// <summary>The file beside scenario <paramref name="path"/> with <paramref name="companion"/> in place of <c>.json</c>.</summary>
    public static string Companion(string path, string companion) => Path.ChangeExtension(path, null) + companion;
}
