using System.Reflection;
using System.Runtime.CompilerServices;

namespace IronicCore.Architecture.Tests;

/// <summary>What each package may see of the others: their public API only, and the core no vendor.</summary>
[TestFixture]
public sealed class PackageBoundaryTests
{
    private static IEnumerable<TestCaseData> Projects() =>
        SourceProjects.All.Select(a => new TestCaseData(a.GetName().Name).SetArgDisplayNames(a.GetName().Name!));

    [TestCaseSource(nameof(Projects))]
    public void NoSourceProject_GrantsItsInternalsToAnotherSourceProject(string project)
    {
        var sources = SourceProjects.All.Select(a => a.GetName().Name).ToHashSet(StringComparer.Ordinal);

        var granted = SourceProjects.Named(project).GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName.Split(',')[0]);

        Assert.That(granted.Where(sources.Contains), Is.Empty);
    }

    [Test]
    public void TheCore_KnowsNoVendor()
    {
        var vendorTypes = SourceProjects.Types(SourceProjects.Core)
            .Where(t => new[] { "Ipmi", "Pxe", "Dhcp", "Redfish" }.Any(vendor => t.Name.StartsWith(vendor, StringComparison.Ordinal)))
            .Select(t => t.FullName);
        var vendorReferences = SourceProjects.Core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("IronicCore.", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(vendorTypes, Is.Empty);
            Assert.That(vendorReferences, Is.Empty);
        });
    }

    /// <summary>Which src packages each package may reference: libraries below, the CLI on top.</summary>
    private static readonly (string Project, string[] MayReference)[] References =
    [
        ("IronicCore", []),
        ("IronicCore.Drivers.Ipmi", ["IronicCore"]),
        ("IronicCore.Drivers.Pxe", ["IronicCore"]),
        ("IronicCore.Drivers.Redfish", ["IronicCore"]),
        ("IronicCore.Fleet", ["IronicCore", "IronicCore.Drivers.Ipmi", "IronicCore.Drivers.Pxe", "IronicCore.Drivers.Redfish"]),
        ("IronicCore.Sweeps", ["IronicCore", "IronicCore.Fleet"]),
        ("IronicCore.Scenarios", ["IronicCore", "IronicCore.Drivers.Ipmi", "IronicCore.Drivers.Pxe", "IronicCore.Drivers.Redfish"]),
        ("IronicCore.Api", ["IronicCore"]),
        ("IronicCore.Cli", ["IronicCore", "IronicCore.Drivers.Ipmi", "IronicCore.Drivers.Pxe", "IronicCore.Drivers.Redfish", "IronicCore.Fleet", "IronicCore.Sweeps", "IronicCore.Scenarios", "IronicCore.Api"]),
    ];

    private static IEnumerable<TestCaseData> ReferenceCases() =>
        References.Select(r => new TestCaseData(r.Project, r.MayReference).SetArgDisplayNames(r.Project));

    [TestCaseSource(nameof(ReferenceCases))]
    public void Package_ReferencesOnlyThePackagesBelowIt(string project, string[] mayReference)
    {
        var referenced = SourceProjects.Named(project).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name == "IronicCore" || name.StartsWith("IronicCore.", StringComparison.Ordinal));

        Assert.That(referenced.Except(mayReference), Is.Empty);
    }
}
