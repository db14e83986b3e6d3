using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.Loader;
using ArchUnitNET.NUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace IronicCore.Architecture.Tests;

/// <summary>
/// The folders of src/IronicCore as layers: each may use only the layers listed for it, so the
/// core has no dependency cycle and each part can be read (and replaced) from the bottom up.
/// </summary>
[TestFixture]
public sealed class CoreLayerTests
{
    private static readonly ArchUnitNET.Domain.Architecture Core =
        new ArchLoader().LoadAssemblies(SourceProjects.Core).Build();

    /// <summary>Each layer (a namespace and those below it) with the layers it may depend on.</summary>
    private static readonly (string Layer, string[] MayUse)[] Layers =
    [
        // The state machine: nothing else of the library.
        ("IronicCore.States", []),

        // Ironic's exceptions name states, nothing more.
        ("IronicCore.Errors", ["IronicCore.States"]),

        // The clock, the event heap and the random streams stand alone.
        ("IronicCore.Simulation", []),
        ("IronicCore.Persistence", ["IronicCore.Simulation", "IronicCore.States"]),
        ("IronicCore.Configuration", ["IronicCore.Errors", "IronicCore.Persistence", "IronicCore.States"]),
        ("IronicCore.Steps", ["IronicCore.Persistence", "IronicCore.States"]),
        ("IronicCore.Nodes", ["IronicCore.Errors", "IronicCore.Persistence", "IronicCore.Simulation", "IronicCore.States", "IronicCore.Steps"]),
        ("IronicCore.InspectionRules", ["IronicCore.Errors", "IronicCore.Persistence", "IronicCore.Simulation"]),
        ("IronicCore.Runbooks", ["IronicCore.Configuration", "IronicCore.Errors", "IronicCore.Nodes", "IronicCore.Persistence", "IronicCore.Simulation", "IronicCore.States", "IronicCore.Steps"]),
        ("IronicCore.Resources", ["IronicCore.Errors", "IronicCore.Nodes", "IronicCore.Persistence", "IronicCore.Simulation"]),
        ("IronicCore.DeployTemplates", ["IronicCore.Errors", "IronicCore.Nodes", "IronicCore.Persistence", "IronicCore.Simulation", "IronicCore.Steps"]),
        ("IronicCore.Volumes", ["IronicCore.Errors", "IronicCore.Nodes", "IronicCore.Persistence", "IronicCore.Simulation"]),
        ("IronicCore.Maintenance", ["IronicCore.Configuration", "IronicCore.Nodes", "IronicCore.States"]),
        ("IronicCore.Agent", ["IronicCore.Configuration", "IronicCore.Errors", "IronicCore.Persistence", "IronicCore.Simulation", "IronicCore.Steps"]),

        // Driver abstractions and their fake and agent implementations: below the flows.
        ("IronicCore.Drivers", ["IronicCore.Agent", "IronicCore.Configuration", "IronicCore.Errors", "IronicCore.Maintenance", "IronicCore.Nodes", "IronicCore.Persistence", "IronicCore.Simulation", "IronicCore.States", "IronicCore.Steps"]),

        // The conductor's parts: everything but the public front.
        ("IronicCore.Conducting", ["IronicCore.Agent", "IronicCore.Configuration", "IronicCore.DeployTemplates", "IronicCore.Drivers", "IronicCore.Errors", "IronicCore.InspectionRules", "IronicCore.Maintenance", "IronicCore.Nodes", "IronicCore.Persistence", "IronicCore.Resources", "IronicCore.Runbooks", "IronicCore.Simulation", "IronicCore.States", "IronicCore.Steps", "IronicCore.Volumes"]),
    ];

    private static IEnumerable<TestCaseData> LayerCases() =>
        Layers.Select(l => new TestCaseData(l.Layer, l.MayUse).SetArgDisplayNames(l.Layer));

    [TestCaseSource(nameof(LayerCases))]
    public void CoreLayer_DependsOnlyOnTheLayersBelowIt(string layer, string[] mayUse)
    {
        GivenTypesConjunction forbidden = Types().That().ResideInAssembly(SourceProjects.Core).And().DoNotResideInNamespaceOrBelow(layer);
        foreach (var allowed in mayUse)
        {
            forbidden = forbidden.And().DoNotResideInNamespaceOrBelow(allowed);
        }

        Types().That().ResideInNamespaceOrBelow(layer).Should().NotDependOnAny(forbidden).Check(Core);
    }

    [Test]
    public void LayerTable_ListsEachLayerAfterEveryLayerItMayUse()
    {
        // Each layer may use only layers listed before it: the table itself cannot describe a cycle.
        var misplaced = Layers
            .SelectMany((layer, position) => layer.MayUse
                .Where(used => !Layers.Take(position).Any(earlier => earlier.Layer == used))
                .Select(used => $"{layer.Layer} uses {used}"));

        Assert.That(misplaced, Is.Empty);
    }

    [Test]
    public void EveryNamespaceOfTheCore_IsALayerOrTheFront()
    {
        var layers = Layers.Select(l => l.Layer).ToList();

        var unplaced = SourceProjects.Types(SourceProjects.Core)
            .Select(t => t.Namespace!)
            .Distinct()
            .Where(ns => ns != "IronicCore" && !layers.Any(layer => ns == layer || ns.StartsWith(layer + ".", StringComparison.Ordinal)));

        Assert.That(unplaced, Is.Empty);
    }

    [Test]
    public void TheConductorsParts_AreInternal()
    {
        // Conducting is how the conductor works inside; users reach it through Conductor only.
        var exposed = SourceProjects.Types(SourceProjects.Core)
            .Where(t => t.Namespace!.StartsWith("IronicCore.Conducting", StringComparison.Ordinal) && t.IsPublic)
            .Select(t => t.FullName);

        Assert.That(exposed, Is.Empty);
    }
}
