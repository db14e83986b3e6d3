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
        ("IronicCore.States", []),
        ("IronicCore.Errors", ["IronicCore.States"]),
        ("IronicCore.Simulation", []),
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
}
