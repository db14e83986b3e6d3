using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>The design's promise: a provision-state transition on the hot path allocates nothing.</summary>
[TestFixture]
public sealed class AllocationTests
{
    [Test]
    public void NodeLifecycle_ManageProvideDeployUndeploy_AllocatesNothingOnceWarm()
    {
        // Master's step-flow milestones are history entries, kept like any other record (Ironic's
        // help suggests turning them off in high-churn clouds): the promise is for the transitions.
        var conductor = ConductorFixture.Create(new ConductorOptions { RecordStepFlowsInHistory = false });
        var names = Enumerable.Range(0, 40).Select(i => $"n{i}").ToArray();
        foreach (var name in names)
        {
            conductor.Enroll(name);
        }

        Lifecycle(conductor, names);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
        {
            Lifecycle(conductor, names);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero);
            Assert.That(conductor.GetNode("n0").ProvisionState, Is.EqualTo(ProvisionState.Available));
        });
    }

    private static readonly ApiVerb[] Verbs = [ApiVerb.Manage, ApiVerb.Provide, ApiVerb.Active, ApiVerb.Deleted];

    private static void Lifecycle(IronicCore.Conductor conductor, string[] names)
    {
        foreach (var verb in Verbs)
        {
            foreach (var name in names)
            {
                conductor.SetProvisionState(name, verb);
            }

            conductor.Clock.RunDue();
        }
    }
}
