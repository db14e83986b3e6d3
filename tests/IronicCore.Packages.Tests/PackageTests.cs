using System.Globalization;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IronicCore.Packages.Tests;

/// <summary>
/// The packages as a user gets them: every packable src project is packed (dotnet pack) into a
/// folder feed; a fresh project outside the repository restores IronicCore's packages from
/// that feed only (third-party ones from the registry, or the user's package cache), builds, and
/// runs the <see cref="ConsumerChecks"/>. A failure to pack, restore or build fails every test here.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class PackageTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(6);
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private string work = string.Empty;
    private string feed = string.Empty;
    private string packages = string.Empty;
    private IReadOnlyList<PackableProject> packable = [];
    private string version = string.Empty;
    private Dictionary<string, (string Outcome, string Message)> consumerResults = [];

    private static IEnumerable<TestCaseData> Checks() =>
        ConsumerChecks.All.Select(check => new TestCaseData(check.TestName).SetArgDisplayNames(check.TestName));

    [OneTimeSetUp]
    public void PackThenBuildAndTestAConsumer()
    {
        work = Directory.CreateTempSubdirectory("ironiccore-packages-").FullName;
        feed = Path.Combine(work, "feed");
        packages = Path.Combine(work, "packages");
        packable = Repository.PackableProjects();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Pack();
        TestContext.Progress.WriteLine($"packed {packable.Count} packages in {clock.Elapsed.TotalSeconds:F0} s");
        version = VersionOfThePackages();
        clock.Restart();
        consumerResults = Consume();
        TestContext.Progress.WriteLine($"restored, built and tested the consumer in {clock.Elapsed.TotalSeconds:F0} s");
    }

    [OneTimeTearDown]
    public void RemoveTheWorkFolder()
    {
        if (work.Length > 0)
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Test]
    public void EveryPackableProject_IsPacked_WithItsSymbols_AtOneVersionFromMinVer()
    {
        var files = Directory.GetFiles(feed).Select(Path.GetFileName).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(version, Does.Match(@"^\d+\.\d+\.\d+(-preview\.0\.\d+)?$"), "a tag's version, or a pre-release after it");
            foreach (var project in packable)
            {
                Assert.That(files, Does.Contain($"{project.Name}.{version}.nupkg"));
                Assert.That(files, Does.Contain($"{project.Name}.{version}.snupkg"));
            }

            Assert.That(files, Has.Count.EqualTo(2 * packable.Count), "nothing else is packed");
        });
    }

    [Test]
    public void EveryPackage_CarriesItsOwnReadme_WhoseLinksAreAbsolute()
    {
        Assert.Multiple(() =>
        {
            foreach (var project in packable)
            {
                using var package = ZipFile.OpenRead(Path.Combine(feed, $"{project.Name}.{version}.nupkg"));
                var readme = Read(package, "README.md");
                var links = MarkdownLink().Matches(readme).Select(link => link.Groups["target"].Value).ToList();

                Assert.That(Nuspec(package).Descendants().Single(e => e.Name.LocalName == "readme").Value, Is.EqualTo("README.md"), project.Name);
                Assert.That(readme, Does.StartWith("# "), project.Name);
                Assert.That(readme, Is.EqualTo(File.ReadAllText(Path.Combine(Path.GetDirectoryName(project.ProjectFile)!, "README.md"))), $"{project.Name}: its own README");
                Assert.That(links, Has.Some.StartsWith("https://github.com/ironiccore/ironiccore"), project.Name);
                Assert.That(links.Where(link => !link.StartsWith("https://", StringComparison.Ordinal)), Is.Empty, $"{project.Name}: relative links break on the package's page");
            }
        });
    }

    [Test]
    public void EverySymbolPackage_HasSourceLinkToTheRepository_AtTheCommitPacked()
    {
        Assert.Multiple(() =>
        {
            foreach (var project in packable)
            {
                using var package = ZipFile.OpenRead(Path.Combine(feed, $"{project.Name}.{version}.nupkg"));
                var repository = Nuspec(package).Descendants().Single(e => e.Name.LocalName == "repository");
                var commit = repository.Attribute("commit")?.Value ?? string.Empty;
                using var symbols = ZipFile.OpenRead(Path.Combine(feed, $"{project.Name}.{version}.snupkg"));
                var pdb = symbols.Entries.Single(entry => entry.Name == $"{project.Name}.pdb");

                Assert.That(repository.Attribute("url")?.Value, Is.EqualTo("https://github.com/ironiccore/ironiccore"), project.Name);
                Assert.That(commit, Does.Match("^[0-9a-f]{40}$"), project.Name);
                Assert.That(SourceLinkOf(pdb), Does.Contain($"/ironiccore/ironiccore/{commit}/"), project.Name);
            }
        });
    }

    [Test]
    public void ToolPackage_CarriesNoApiDocs_NoLibrarySymbols_AndNativesOnlyForSupportedPlatforms()
    {
        foreach (var tool in packable.Where(project => project.IsTool))
        {
            using var package = ZipFile.OpenRead(Path.Combine(feed, $"{tool.Name}.{version}.nupkg"));
            var files = package.Entries.Select(entry => entry.FullName).ToList();
            var natives = files.Where(file => file.Contains("/runtimes/", StringComparison.Ordinal))
                .Select(file => file.Split("/runtimes/")[1].Split('/')[0]).Distinct();

            Assert.Multiple(() =>
            {
                Assert.That(files.Where(file => file.StartsWith("tools/", StringComparison.Ordinal) && file.EndsWith(".xml", StringComparison.Ordinal) && !file.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)), Is.Empty, tool.Name);
                Assert.That(files.Where(file => file.EndsWith(".pdb", StringComparison.Ordinal)), Is.EqualTo(new[] { $"tools/net10.0/any/{tool.Name}.pdb" }), tool.Name);
                Assert.That(natives, Is.SubsetOf(new[] { "linux-x64", "linux-arm64", "linux-arm", "linux-musl-x64", "linux-musl-arm64", "linux-musl-arm", "osx", "win-x64", "win-x86", "win-arm64" }), tool.Name);
            });
        }
    }

    [Test]
    public void Consumer_RestoresIronicCoresPackages_FromTheFeedOnly()
    {
        var restored = ConsumerChecks.All.SelectMany(check => check.Packages).Distinct().ToList();

        Assert.Multiple(() =>
        {
            foreach (var package in restored)
            {
                var metadata = Path.Combine(packages, package.ToLowerInvariant(), version, ".nupkg.metadata");
                Assert.That(File.Exists(metadata), Is.True, $"{package} {version} was not restored into the consumer's own package folder");
                if (File.Exists(metadata))
                {
                    using var json = JsonDocument.Parse(File.ReadAllText(metadata));
                    Assert.That(json.RootElement.GetProperty("source").GetString(), Is.EqualTo(feed), package);
                }
            }
        });
    }

    [TestCaseSource(nameof(Checks))]
    public void Consumer_Check_Passes(string testName)
    {
        Assert.That(consumerResults, Does.ContainKey(testName), "the consumer ran no such test");
        var (outcome, message) = consumerResults[testName];
        Assert.That(outcome, Is.EqualTo("Passed"), message);
    }

    /// <summary>
    /// Packs every packable project in one build, through a solution filter of them. In Debug, the
    /// configuration the solution's build has already made, so packing compiles nothing when that
    /// build is up to date; what is packed and how (readmes, symbols, SourceLink, version, the
    /// tool's contents) does not depend on the configuration.
    /// </summary>
    private void Pack()
    {
        var filter = Path.Combine(work, "packages.slnf");
        var projects = packable.Select(project => Path.GetRelativePath(Repository.Root, project.ProjectFile));
        File.WriteAllText(filter, JsonSerializer.Serialize(new
        {
            solution = new { path = Path.Combine(Repository.Root, "IronicCore.sln"), projects },
        }));
        DotnetRun.Run(Repository.Root, StepTimeout, null, "pack", filter, "-c", "Debug", "-o", feed, "-nodeReuse:false");
    }

    /// <summary>The one version of the packages packed (the core's).</summary>
    private string VersionOfThePackages()
    {
        var core = Directory.GetFiles(feed, "IronicCore.*.nupkg")
            .Select(Path.GetFileNameWithoutExtension)
            .Single(name => CoreVersion().IsMatch(name!));
        return core!["IronicCore.".Length..];
    }

    /// <summary>Writes the consumer project outside the repository, restores, builds and tests it; its results by test name.</summary>
    private Dictionary<string, (string Outcome, string Message)> Consume()
    {
        var consumer = Path.Combine(work, "consumer");
        Directory.CreateDirectory(consumer);

        // Nothing above the temporary folder may change the build: an empty props and targets stop the search.
        File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(work, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(work, "nuget.config"), NuGetConfig());
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), ConsumerProject());
        foreach (var source in ConsumerChecks.All.SelectMany(check => check.Sources).Distinct())
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Consumer", source), Path.Combine(consumer, source));
        }

        var results = Path.Combine(work, "results");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };
        DotnetRun.Run(consumer, StepTimeout, environment, "test", "Consumer.csproj", "--logger", "trx;LogFileName=consumer.trx", "--results-directory", results, "-nodeReuse:false");

        return XDocument.Load(Path.Combine(results, "consumer.trx"))
            .Descendants(Trx + "UnitTestResult")
            .ToDictionary(
                result => (string)result.Attribute("testName")!,
                result => ((string)result.Attribute("outcome")!, result.Descendants(Trx + "Message").FirstOrDefault()?.Value ?? string.Empty));
    }

    /// <summary>
    /// The feed first and the machine's own sources after it; the user's package cache as a fallback
    /// folder, so third-party packages need no download. IronicCore's packages land in the consumer's
    /// own package folder, whose metadata says where each came from.
    /// </summary>
    private string NuGetConfig() =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="ironiccore-feed" value="{feed}" />
          </packageSources>
          <fallbackPackageFolders>
            <add key="user-cache" value="{UserPackageCache()}" />
          </fallbackPackageFolders>
        </configuration>
        """;

    private string ConsumerProject()
    {
        var references = new StringBuilder();
        foreach (var package in ConsumerChecks.All.SelectMany(check => check.Packages).Distinct())
        {
            references.AppendLine(CultureInfo.InvariantCulture, $"""    <PackageReference Include="{package}" Version="{version}" />""");
        }

        // A user's NUnit project, as samples/Harness is (the analyzers know Assert.Throws's result is not null).
        foreach (var package in new[] { "Microsoft.NET.Test.Sdk", "NUnit", "NUnit3TestAdapter" })
        {
            references.AppendLine(CultureInfo.InvariantCulture, $"""    <PackageReference Include="{package}" Version="{Repository.CentralVersionOf(package)}" />""");
        }

        references.AppendLine(CultureInfo.InvariantCulture, $"""    <PackageReference Include="NUnit.Analyzers" Version="{Repository.CentralVersionOf("NUnit.Analyzers")}" PrivateAssets="all" />""");

        foreach (var framework in ConsumerChecks.All.SelectMany(check => check.FrameworkReferences).Distinct())
        {
            references.AppendLine(CultureInfo.InvariantCulture, $"""    <FrameworkReference Include="{framework}" />""");
        }

        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsTestProject>true</IsTestProject>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
            {references}    <Using Include="NUnit.Framework" />
              </ItemGroup>
            </Project>
            """;
    }

    private static string UserPackageCache() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string Read(ZipArchive package, string name)
    {
        using var reader = new StreamReader(package.GetEntry(name)?.Open() ?? throw new AssertionException($"no {name} in the package"));
        return reader.ReadToEnd();
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        using var stream = package.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    /// <summary>The SourceLink JSON a portable PDB carries, empty when it has none.</summary>
    private static string SourceLinkOf(ZipArchiveEntry pdb)
    {
        var sourceLink = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        using var copy = new MemoryStream();
        using (var stream = pdb.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(copy);
        var reader = provider.GetMetadataReader();
        foreach (var handle in reader.CustomDebugInformation)
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) == sourceLink)
            {
                return Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
            }
        }

        return string.Empty;
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^IronicCore\.\d")]
    private static partial Regex CoreVersion();
}
