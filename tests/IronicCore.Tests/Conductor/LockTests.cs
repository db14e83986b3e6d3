using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>Node locks: a node being worked on is reserved, and a second request meets <c>NodeLocked</c>.</summary>
[TestFixture]
public sealed class LockTests
{
    [Test]
    public void RequestDuringAnotherTasksWork_IsNodeLocked409_AndChangesNothing()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);
        var observer = new ReentrantRequest(conductor, "n");
        using var subscription = conductor.Subscribe(observer);

        conductor.Provision("n", ApiVerb.Provide);

        Assert.Multiple(() =>
        {
            Assert.That(observer.Error, Is.TypeOf<NodeLockedException>());
            Assert.That(observer.Error!.HttpStatus, Is.EqualTo(409));
            Assert.That(((NodeLockedException)observer.Error).Host, Is.EqualTo(IronicCore.Conductor.DefaultHost));
            Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(conductor.GetNode("n").MaintenanceReason, Is.Null);
        });
    }

    [Test]
    public void RequestRightAfterAnother_WaitsForWorkDueAtTheSameInstant_AsIronicsLockRetriesDo()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);

        conductor.SetProvisionState("n", ApiVerb.Provide);
        conductor.SetProvisionState("n", ApiVerb.Manage);
        conductor.Clock.RunDue();

        Assert.That(conductor.GetNode("n").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
    }

    [Test]
    public void StateCheckOfALockedNode_AnswersNodeLocked_WhenTheVerbDoesNotFit()
    {
        // The API's state pre-check says NodeLocked rather than InvalidStateRequested while a task holds the node.
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable);
        var observer = new ReentrantRequest(conductor, "n", ApiVerb.Deploy);
        using var subscription = conductor.Subscribe(observer);

        conductor.Provision("n", ApiVerb.Provide);

        Assert.That(observer.Error, Is.TypeOf<NodeLockedException>());
    }

    /// <summary>Sends a request for the same node from inside its worker, where its lock is held.</summary>
    private sealed class ReentrantRequest(IronicCore.Conductor conductor, string node, ApiVerb verb = ApiVerb.Manage)
        : ITransitionObserver
    {
        public IronicException? Error { get; private set; }

        public void OnTransition(in TransitionRecord transition)
        {
            if (transition.To != ProvisionState.Available || Error is not null)
            {
                return;
            }

            try
            {
                conductor.SetMaintenance(node, "should not land");
            }
            catch (IronicException error)
            {
                Error = error;
            }

            if (verb != ApiVerb.Manage)
            {
                try
                {
                    conductor.SetProvisionState(node, verb);
                }
                catch (IronicException error)
                {
                    Error = error;
                }
            }
        }
    }
}
