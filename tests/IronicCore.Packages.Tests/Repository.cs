namespace IronicCore.Packages.Tests;

/// <summary>This repository's checkout, found from the test's output folder.</summary>
internal static class Repository
{
    /// <summary>The folder holding IronicCore.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The src projects that make packages (IsPackable true in the project file), libraries and
    /// tools apart: the convention Directory.Build.targets applies its package hygiene by.
    /// </summary>
    public static IReadOnlyList<PackableProject> PackableProjects()
    {
        var projects = new List<PackableProject>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            if (text.Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal))
            {
                projects.Add(new PackableProject(
                    Path.GetFileNameWithoutExtension(file), file, text.Contains("<PackAsTool>true</PackAsTool>", StringComparison.Ordinal)));
            }
        }

        return projects;
    }

    /// <summary>The version Directory.Packages.props gives a package, for the consumer's own references.</summary>
    public static string CentralVersionOf(string package)
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(Root, "Directory.Packages.props"));
        return props.Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == package).Attribute("Version")!.Value;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IronicCore.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No IronicCore.sln above {AppContext.BaseDirectory}.");
    }
}
