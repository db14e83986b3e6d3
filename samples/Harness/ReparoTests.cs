using IronicCore;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.States;

namespace Harness;

/// <summary>
/// The team's tests of its own automation (Reparo, deployed as <see cref="ReparoHarness"/>) against IronicCore in-process:
/// a real Ironic's answers and refusals, no hardware, no wall-clock waits.
/// </summary>
public sealed class ReparoTests
{
    private static readonly string[] Suspects = ["node-03", "node-07", "node-11", "node-12", "node-18"];

    [Test]
    public void ManualCleanInMaintenance_IsRefusedByIronic_SoReparoClearsMaintenanceFirst()
    {
        var conductor = new Conductor(seed: 1); // Ironic's own maintenance rules
        BuildPool(conductor);

        var reparo = new ReparoHarness(conductor, conductor.Clock.Advance);
        reparo.RunOnce();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(conductor.Nodes.Select(n => n.ProvisionState), Has.All.EqualTo(ProvisionState.Available));
            Assert.That(conductor.Nodes.Where(n => n.Maintenance).Select(n => n.Name), Is.Empty);
            Assert.That(reparo.Returned, Is.EquivalentTo(Suspects));
            Assert.That(reparo.NeedHuman, Is.Empty);

            // Reparo's first clean request on each suspect hit Ironic's refusal, as in the seed thread.
            Assert.That(reparo.Refusals.Select(r => r.Node), Is.EquivalentTo(Suspects));
            Assert.That(reparo.Refusals.Select(r => r.Refusal.HttpStatus), Has.All.EqualTo(400));
            Assert.That(reparo.Refusals.Select(r => r.Refusal.IronicClass), Has.All.EqualTo("NodeInMaintenance"));
        }
    }

    [Test]
    public void ManualCleanInMaintenance_IsAllowedByThePolicy_SoReparoCleansBeforeClearingMaintenance()
    {
        // The rule the seed's tool asks Ironic for: manual cleaning of a `manageable` node in maintenance.
        var conductor = new Conductor(maintenancePolicy: AllowManualCleaningInMaintenancePolicy.Instance, seed: 1);
        var log = new TransitionLog(conductor);
        using var subscription = conductor.Subscribe(log);
        BuildPool(conductor);

        var reparo = new ReparoHarness(conductor, conductor.Clock.Advance);
        reparo.RunOnce();

        // Ironic's side of the story: each suspect's manual clean started while it was in maintenance.
        var suspectUuids = Suspects.Select(name => conductor.GetNode(name).Uuid).ToHashSet();
        var manualCleans = log.Entries.Where(e => e.Transition.Event == ProvisionEvent.Clean).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reparo.Refusals, Is.Empty);
            Assert.That(reparo.Returned, Is.EquivalentTo(Suspects));
            Assert.That(manualCleans.Select(e => e.Transition.NodeUuid), Is.EquivalentTo(suspectUuids));
            Assert.That(manualCleans.Select(e => e.InMaintenance), Has.All.True);
            Assert.That(conductor.Nodes.Select(n => n.ProvisionState), Has.All.EqualTo(ProvisionState.Available));
            Assert.That(conductor.Nodes.Where(n => n.Maintenance).Select(n => n.Name), Is.Empty);
        }
    }

    [Test]
    public void SuspectNode_GoesThroughManageCleanProvide_AndNothingElse()
    {
        var conductor = new Conductor(seed: 1);
        var log = new TransitionLog(conductor);
        using var subscription = conductor.Subscribe(log); // before enrolling: the whole life of the node
        BuildPool(conductor);

        new ReparoHarness(conductor, conductor.Clock.Advance).RunOnce();

        var uuid = conductor.GetNode("node-07").Uuid;
        var seen = log.Entries
            .Where(e => e.Transition.NodeUuid == uuid)
            .Select(e => $"{e.Transition.From.ToIronicName()} --{e.Transition.Event.ToIronicName()}--> {e.Transition.To.ToIronicName()}");
        Assert.That(seen, Is.EqualTo(new[]
        {
            // The test's set-up: enroll, manage (verify the BMC), provide (automated cleaning).
            "enroll --manage--> verifying",
            "verifying --done--> manageable",
            "manageable --provide--> cleaning",
            "cleaning --done--> available",
            // Reparo: out of the pool, one manual clean (which ends with `manage`), back to the pool.
            "available --manage--> manageable",
            "manageable --clean--> cleaning",
            "cleaning --manage--> manageable",
            "manageable --provide--> cleaning",
            "cleaning --done--> available",
        }));
    }

    /// <summary>
    /// 20 fake-hardware nodes brought to `available` the way an operator does it, then the
    /// <see cref="Suspects"/> put in maintenance by users (the seed's "user_reason").
    /// </summary>
    private static void BuildPool(Conductor conductor)
    {
        var names = Enumerable.Range(0, 20).Select(i => $"node-{i:00}").ToList();
        foreach (var name in names)
        {
            conductor.CreateNode(new NodeCreateRequest { Name = name, PowerState = PowerState.PowerOff });
        }

        // Each request returns once accepted (202); its worker runs on the virtual clock.
        foreach (var verb in new[] { ApiVerb.Manage, ApiVerb.Provide })
        {
            names.ForEach(name => conductor.SetProvisionState(name, verb));
            conductor.Clock.RunDue();
        }

        foreach (var name in Suspects)
        {
            conductor.SetMaintenance(name, "user_reason: instance lost its disk twice this week");
        }

        Assert.That(conductor.Nodes.Select(n => (n.ProvisionState, n.Maintenance)).Distinct(), Is.EquivalentTo(new[]
        {
            (ProvisionState.Available, false),
            (ProvisionState.Available, true),
        }));
    }

    /// <summary>Every provision state change, with whether the node was in maintenance right after it.</summary>
    private sealed class TransitionLog(Conductor conductor) : ITransitionObserver
    {
        public List<(TransitionRecord Transition, bool InMaintenance)> Entries { get; } = [];

        // The record has no maintenance flag; the node already shows the new state, so read it.
        public void OnTransition(in TransitionRecord transition) =>
            Entries.Add((transition, conductor.GetNode(transition.NodeUuid).Maintenance));
    }
}
