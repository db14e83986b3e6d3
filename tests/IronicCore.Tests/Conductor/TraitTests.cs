using IronicCore.Errors;

namespace IronicCore.Tests.Conductor;

/// <summary>Node traits: Ironic's <c>add_node_traits</c> and <c>remove_node_traits</c>, at most 50 a node.</summary>
[TestFixture]
public sealed class TraitTests
{
    [Test]
    public void AddNodeTraits_AddsOnce_OrReplaces_InOrdinalOrder_AndLeavesUpdatedAtAlone()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");

        conductor.AddNodeTraits("n1", ["CUSTOM_B", "CUSTOM_A"]);
        conductor.AddNodeTraits("n1", ["CUSTOM_A"]);
        var added = conductor.GetNode("n1").Traits;
        conductor.AddNodeTraits("n1", ["CUSTOM_C"], replace: true);

        Assert.Multiple(() =>
        {
            Assert.That(added, Is.EqualTo(new[] { "CUSTOM_A", "CUSTOM_B" }));
            Assert.That(conductor.GetNode("n1").Traits, Is.EqualTo(new[] { "CUSTOM_C" }));
            Assert.That(conductor.GetNode("n1").UpdatedAt, Is.Null);
        });
    }

    [Test]
    public void MaxTraitsPerNode_TheFiftyFirst_IsInvalidParameterValue400_NamingTheNodesDatabaseId()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        conductor.Enroll("n2");
        var fifty = Enumerable.Range(0, 50).Select(i => $"CUSTOM_T{i}").ToList();
        conductor.AddNodeTraits("n2", fifty);

        var one = Assert.Throws<InvalidParameterValueException>(() => conductor.AddNodeTraits("n2", ["CUSTOM_MORE"]));
        var all = Assert.Throws<InvalidParameterValueException>(() => conductor.AddNodeTraits("n2", [.. fifty, "CUSTOM_MORE", "CUSTOM_MOST"], replace: true));
        conductor.AddNodeTraits("n2", ["CUSTOM_T0"]);

        Assert.Multiple(() =>
        {
            Assert.That(one.Message, Is.EqualTo("Could not modify traits for node 2 as it would exceed the maximum number of traits per node (51 vs. 50)"));
            Assert.That(all.Message, Is.EqualTo("Could not modify traits for node 2 as it would exceed the maximum number of traits per node (52 vs. 50)"));
            Assert.That(conductor.GetNode("n2").Traits, Has.Count.EqualTo(50));
        });
    }

    [Test]
    public void RemoveNodeTraits_OneTheNodeLacks_IsNodeTraitNotFound404_AndRemovesNone()
    {
        var conductor = ConductorFixture.Create();
        var node = conductor.Enroll("n1");
        conductor.AddNodeTraits("n1", ["CUSTOM_A", "CUSTOM_B"]);

        var error = Assert.Throws<NodeTraitNotFoundException>(() => conductor.RemoveNodeTraits("n1", ["CUSTOM_A", "CUSTOM_Z"]));
        var kept = conductor.GetNode("n1").Traits;
        conductor.RemoveNodeTraits("n1");

        Assert.Multiple(() =>
        {
            Assert.That((error.HttpStatus, error.Message), Is.EqualTo((404, $"Node {node.Uuid} doesn't have a trait 'CUSTOM_Z'")));
            Assert.That(kept, Is.EqualTo(new[] { "CUSTOM_A", "CUSTOM_B" }));
            Assert.That(conductor.GetNode("n1").Traits, Is.Empty);
        });
    }

    [Test]
    public void TraitChanges_OnANodeAnotherTaskHolds_AreNodeLocked409()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n1");
        conductor.ReserveElsewhere("n1");

        Assert.Throws<NodeLockedException>(() => conductor.AddNodeTraits("n1", ["CUSTOM_A"]));
        Assert.Throws<NodeLockedException>(() => conductor.RemoveNodeTraits("n1"));
    }
}
