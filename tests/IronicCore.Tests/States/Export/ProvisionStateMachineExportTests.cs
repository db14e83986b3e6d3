using System.Text.RegularExpressions;
using IronicCore.States;
using IronicCore.States.Export;

namespace IronicCore.Tests.States.Export;

[TestFixture]
public sealed partial class ProvisionStateMachineExportTests
{
    private static IEnumerable<TestCaseData> Releases() =>
        Enum.GetValues<IronicRelease>().Select(r => new TestCaseData(r).SetArgDisplayNames(r.ToIronicName()));

    [TestCaseSource(nameof(Releases))]
    public void JsonExport_HasIronicsStatesTransitionsAndVerbs(IronicRelease release)
    {
        var exported = FsmDocument.Parse(ProvisionStateMachineExport.ToJson(ProvisionStateMachine.For(release)));
        var ironic = FsmDocument.For(release);

        Assert.Multiple(() =>
        {
            Assert.That(exported.InitialState, Is.EqualTo(ironic.InitialState));
            Assert.That(exported.States, Is.EquivalentTo(ironic.States));
            Assert.That(exported.Transitions, Is.EquivalentTo(ironic.Transitions));
            Assert.That(exported.ApiVerbs, Is.EquivalentTo(ironic.ApiVerbs));
            Assert.That(exported.PowerStates, Is.EqualTo(ironic.PowerStates));
        });
    }

    [Test]
    public void JsonExport_ListsStatesAndTransitionsInTheSpecFilesOrder()
    {
        var exported = ProvisionStateMachineExport.ToJson(ProvisionStateMachine.Master);
        var spec = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "ironic-provision-fsm.json"));

        Assert.That(
            NameOrder().Matches(exported).Select(m => m.Value),
            Is.EqualTo(NameOrder().Matches(spec).Select(m => m.Value)));
    }

    [TestCaseSource(nameof(Releases))]
    public void JsonExport_ParsesBackToTheSameMachine(IronicRelease release)
    {
        var machine = ProvisionStateMachine.For(release);
        var parsed = FsmDocument.Parse(ProvisionStateMachineExport.ToJson(machine));

        Assert.Multiple(() =>
        {
            foreach (var state in machine.States)
            {
                foreach (var @event in Enum.GetValues<ProvisionEvent>())
                {
                    var expected = machine.TryFire(state, @event, out var to) ? to.ToIronicName() : null;
                    Assert.That(parsed.Target(state.ToIronicName(), @event.ToIronicName()), Is.EqualTo(expected));
                }
            }

            foreach (var set in Enum.GetValues<ProvisionStateSet>())
            {
                Assert.That(
                    parsed.Sets[set.ToIronicName()],
                    Is.EquivalentTo(machine.StatesIn(set).Select(s => s.ToIronicName())));
            }
        });
    }

    [Test]
    public void MermaidInTheStateMachineDoc_IsTheCurrentExport()
    {
        var doc = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "state-machine.md"));
        var block = MermaidBlock().Match(doc);

        Assert.That(block.Success, Is.True, "docs/state-machine.md has a ```mermaid block");
        Assert.That(
            block.Groups["body"].Value,
            Is.EqualTo(ProvisionStateMachineExport.ToMermaid()),
            "docs/state-machine.md is stale: paste the output of `ironic-sim fsm --format mermaid`");
    }

    [Test]
    public void Mermaid_DrawsEveryTransition_LabelledWithIronicsNames()
    {
        var mermaid = ProvisionStateMachineExport.ToMermaid();

        Assert.Multiple(() =>
        {
            Assert.That(mermaid, Does.StartWith("stateDiagram-v2\n"));
            foreach (var state in ProvisionStateMachine.Master.States)
            {
                Assert.That(mermaid, Does.Contain($"\t{state} : {state.ToIronicName()}\n"));
            }

            foreach (var t in ProvisionStateMachine.Master.Transitions)
            {
                Assert.That(mermaid, Does.Contain($"\t{t.From} --> {t.To} : {t.Event.ToIronicName()}"));
            }

            Assert.That(mermaid, Does.Contain("\tWaitCallBack --> DeployFailed : abort [Ironic master only]\n"));
        });
    }

    [Test]
    public void Dot_DrawsEveryTransition_LabelledWithIronicsNames()
    {
        var dot = ProvisionStateMachineExport.ToDot();

        Assert.Multiple(() =>
        {
            Assert.That(dot, Does.StartWith("digraph {"));
            Assert.That(dot.TrimEnd(), Does.EndWith("}"));
            foreach (var state in ProvisionStateMachine.Master.States)
            {
                Assert.That(dot, Does.Contain($"\"{state}\" [label=\"{state.ToIronicName()}\"];"));
            }

            foreach (var t in ProvisionStateMachine.Master.Transitions)
            {
                Assert.That(dot, Does.Contain($"\"{t.From}\" -> \"{t.To}\" [style=\"solid\", label=\"{t.Event.ToIronicName()}"));
            }
        });
    }

    [GeneratedRegex("\"(name|from|event|to)\": \"[^\"]*\"")]
    private static partial Regex NameOrder();

    [GeneratedRegex("```mermaid\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();
}
