using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Tests.States;

[TestFixture]
public sealed class ProvisionStateMachineTests
{
    private static IEnumerable<TestCaseData> EveryStateEventPair() =>
        from release in Enum.GetValues<IronicRelease>()
        from state in Enum.GetValues<ProvisionState>()
        from @event in Enum.GetValues<ProvisionEvent>()
        select new TestCaseData(release, state, @event)
            .SetArgDisplayNames(release.ToIronicName(), state.ToIronicName(), @event.ToIronicName());

    private static IEnumerable<TestCaseData> Releases() =>
        Enum.GetValues<IronicRelease>().Select(r => new TestCaseData(r).SetArgDisplayNames(r.ToIronicName()));

    [TestCaseSource(nameof(EveryStateEventPair))]
    public void CompiledTable_StatelessDefinition_AndIronicsMachine_AgreeOnEveryStateAndEvent(
        IronicRelease release, ProvisionState state, ProvisionEvent @event)
    {
        var ironic = FsmDocument.For(release).Target(state.ToIronicName(), @event.ToIronicName());

        var table = ProvisionStateMachine.For(release).TryFire(state, @event, out var to) ? to.ToIronicName() : null;

        var current = state;
        var stateless = ProvisionStateMachineDefinition.Build(release, () => current, s => current = s);
        string? viaStateless = null;
        if (stateless.CanFire(@event))
        {
            stateless.Fire(@event);
            viaStateless = current.ToIronicName();
        }

        Assert.Multiple(() =>
        {
            Assert.That(table, Is.EqualTo(ironic), "compiled table vs Ironic");
            Assert.That(viaStateless, Is.EqualTo(ironic), "Stateless definition vs Ironic");
        });
    }

    [TestCaseSource(nameof(Releases))]
    public void States_HaveIronicsStableFlagAndTarget(IronicRelease release)
    {
        var machine = ProvisionStateMachine.For(release);
        var ours = machine.States.ToDictionary(
            s => s.ToIronicName(), s => (machine.IsStable(s), machine.TargetOf(s)?.ToIronicName()));

        Assert.That(ours, Is.EquivalentTo(FsmDocument.For(release).States));
    }

    [Test]
    public void Master_Has30States_93Transitions_18Events()
    {
        var machine = ProvisionStateMachine.Master;
        Assert.Multiple(() =>
        {
            Assert.That(machine.States, Has.Length.EqualTo(30));
            Assert.That(machine.Transitions, Has.Length.EqualTo(93));
            Assert.That(machine.Transitions.Select(t => t.Event).Distinct().Count(), Is.EqualTo(18));
        });
    }

    [Test]
    public void Release21_4_HasNoHoldOrServiceStates()
    {
        var machine = ProvisionStateMachine.For(IronicRelease.Release21_4);
        ProvisionState[] masterOnly =
        [
            ProvisionState.CleanHold, ProvisionState.DeployHold, ProvisionState.ServiceFailed,
            ProvisionState.ServiceHold, ProvisionState.ServiceWait, ProvisionState.Servicing,
        ];

        Assert.Multiple(() =>
        {
            Assert.That(machine.States, Is.EquivalentTo(Enum.GetValues<ProvisionState>().Except(masterOnly)));
            Assert.That(masterOnly.Select(machine.Exists), Is.All.False);
            Assert.That(() => machine.IsStable(ProvisionState.ServiceWait), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [TestCase(ProvisionState.WaitCallBack, ProvisionEvent.Abort, ProvisionState.DeployFailed)]
    [TestCase(ProvisionState.InspectWait, ProvisionEvent.Resume, ProvisionState.Inspecting)]
    public void MasterOnlyTransition_IsRefusedBy21_4(ProvisionState from, ProvisionEvent @event, ProvisionState to)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ProvisionStateMachine.Master.Fire(from, @event), Is.EqualTo(to));
            Assert.That(
                () => ProvisionStateMachine.For(IronicRelease.Release21_4).Fire(from, @event),
                Throws.TypeOf<InvalidStateRequestedException>());
        });
    }

    [TestCaseSource(nameof(Releases))]
    public void ApiVerbs_AreIronicsVerbsTable(IronicRelease release)
    {
        var machine = ProvisionStateMachine.For(release);
        var ours = machine.ApiVerbs.ToDictionary(v => v.ToIronicName(), v => ProvisionStateMachine.EventOf(v).ToIronicName());

        Assert.That(ours, Is.EquivalentTo(FsmDocument.For(release).ApiVerbs));
    }

    [Test]
    public void ApiVerb_Rebuild_FiresRebuild_ButIsNotInTheVerbsTable()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ProvisionStateMachine.EventOf(ApiVerb.Rebuild), Is.EqualTo(ProvisionEvent.Rebuild));
            Assert.That(ProvisionStateMachine.Master.ApiVerbs, Does.Not.Contain(ApiVerb.Rebuild));
        });
    }

    [TestCase(ApiVerb.Active, ProvisionEvent.Deploy)]
    [TestCase(ApiVerb.Deploy, ProvisionEvent.Deploy)]
    [TestCase(ApiVerb.Deleted, ProvisionEvent.Delete)]
    [TestCase(ApiVerb.Undeploy, ProvisionEvent.Delete)]
    public void ApiVerbAliases_FireTheSameEvent(ApiVerb verb, ProvisionEvent expected) =>
        Assert.That(ProvisionStateMachine.EventOf(verb), Is.EqualTo(expected));

    [TestCaseSource(nameof(Releases))]
    public void StateSets_AreIronics_ExceptTheVerbServiceThatIsNoState(IronicRelease release)
    {
        var machine = ProvisionStateMachine.For(release);
        var ironic = FsmDocument.For(release).Sets;

        Assert.That(ironic.Keys, Is.EquivalentTo(Enum.GetValues<ProvisionStateSet>().Select(s => s.ToIronicName())));
        Assert.Multiple(() =>
        {
            foreach (var set in Enum.GetValues<ProvisionStateSet>())
            {
                var expected = ironic[set.ToIronicName()].Where(name => name != "service");
                Assert.That(machine.StatesIn(set).Select(s => s.ToIronicName()), Is.EquivalentTo(expected), set.ToIronicName());
            }
        });
    }

    [Test]
    public void StateSets_OnlyTheVerbServiceIsLeftOut()
    {
        var notStates = FsmDocument.Master.Sets
            .SelectMany(set => set.Value.Select(name => (set.Key, name)))
            .Where(entry => !IronicNames.TryParse<ProvisionState>(entry.name, out _));

        Assert.That(notStates, Is.EqualTo(new[] { ("UPDATE_ALLOWED_STATES", "service") }));
    }

    [Test]
    public void PowerStates_AreIronicsRequestTargets() =>
        Assert.That(
            Enum.GetValues<PowerState>().Where(p => p != PowerState.Error).Select(p => p.ToIronicName()),
            Is.EqualTo(FsmDocument.Master.PowerStates));

    [Test]
    public void NewNodes_StartInEnroll() =>
        Assert.That(ProvisionStateMachine.InitialState.ToIronicName(), Is.EqualTo(FsmDocument.Master.InitialState));

    [Test]
    public void Fire_EventNotAllowed_IsInvalidStateRequested400_InIronicsWords_TheAllowedEventsAsAFact()
    {
        var error = Assert.Throws<InvalidStateRequestedException>(
            () => ProvisionStateMachine.Master.Fire(ProvisionState.Available, ProvisionEvent.Done));

        Assert.Multiple(() =>
        {
            Assert.That(error.IronicClass, Is.EqualTo("InvalidStateRequested"));
            Assert.That(error.HttpStatus, Is.EqualTo(400));
            Assert.That(error.State, Is.EqualTo("available"));
            Assert.That(error.Action, Is.EqualTo("done"));
            Assert.That(error.AllowedEvents, Is.EqualTo(new[] { ProvisionEvent.Deploy, ProvisionEvent.Manage }));
            Assert.That(error.Message, Is.EqualTo("The requested action \"done\" can not be performed while it is in state \"available\"."));
        });
    }

    [Test]
    public void TryFire_EventNotAllowed_LeavesTheStateUnchanged()
    {
        var allowed = ProvisionStateMachine.Master.TryFire(ProvisionState.CleanWait, ProvisionEvent.Deploy, out var state);

        Assert.Multiple(() =>
        {
            Assert.That(allowed, Is.False);
            Assert.That(state, Is.EqualTo(ProvisionState.CleanWait));
        });
    }

    [Test]
    public void AllowedEvents_AreThoseWithATransition()
    {
        var machine = ProvisionStateMachine.Master;
        Assert.That(
            machine.AllowedEvents(ProvisionState.CleanWait),
            Is.EqualTo(new[] { ProvisionEvent.Abort, ProvisionEvent.Fail, ProvisionEvent.Hold, ProvisionEvent.Resume }));
    }

    [Test]
    public void Firing_AllocatesNothing()
    {
        var machine = ProvisionStateMachine.Master;
        ProvisionEvent[] lifecycle =
        [
            ProvisionEvent.Manage, ProvisionEvent.Done, ProvisionEvent.Provide, ProvisionEvent.Wait, ProvisionEvent.Resume,
            ProvisionEvent.Done, ProvisionEvent.Deploy, ProvisionEvent.Wait, ProvisionEvent.Resume, ProvisionEvent.Done,
            ProvisionEvent.Delete, ProvisionEvent.Clean, ProvisionEvent.Done, ProvisionEvent.Manage,
        ];
        var state = ProvisionState.Enroll;
        Walk();
        Assert.That(state, Is.EqualTo(ProvisionState.Manageable));

        state = ProvisionState.Enroll;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            state = ProvisionState.Enroll;
            Walk();
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);

        void Walk()
        {
            foreach (var @event in lifecycle)
            {
                state = machine.Fire(state, @event);
            }
        }
    }
}
