using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Tests.Conductor;

namespace IronicCore.Tests.Agent;

/// <summary>
/// A heartbeat in every provision state, in and out of maintenance, under both values of
/// <c>[conductor] allow_provisioning_in_maintenance</c> (behaviour spec 3.2 and 4.3).
/// </summary>
[TestFixture]
public sealed class HeartbeatStateTests
{
    private static readonly ProvisionState[] WaitStates =
        [ProvisionState.CleanWait, ProvisionState.WaitCallBack, ProvisionState.RescueWait, ProvisionState.ServiceWait];

    private static readonly IMaintenancePolicy[] Policies =
        [IronicMaintenancePolicy.Instance, FailCleaningInMaintenancePolicy.Instance, AllowManualCleaningInMaintenancePolicy.Instance];

    private static IEnumerable<TestCaseData> EveryStateMaintenanceOptionAndPolicy() =>
        from release in new[] { IronicRelease.Release21_4, IronicRelease.Master }
        from state in ProvisionStateMachine.For(release).States
        from maintenance in new[] { false, true }
        from allow in new[] { true, false }
        from policy in Policies
        select new TestCaseData(release, state, maintenance, allow, policy)
            .SetArgDisplayNames(
                release.ToIronicName(), state.ToIronicName(), maintenance ? "maintenance" : "no maintenance", allow ? "allowed" : "not allowed", policy.GetType().Name);

    [TestCaseSource(nameof(EveryStateMaintenanceOptionAndPolicy))]
    public void Heartbeat_IsRefusedAtLookup_RecordedOnly_Frozen_FailsOrActs_AsIronicSays(
        IronicRelease release, ProvisionState state, bool maintenance, bool allow, IMaintenancePolicy policy)
    {
        var options = new ConductorOptions(release) { AllowProvisioningInMaintenance = allow };
        var conductor = ConductorFixture.Create(options, policy);
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = state, PowerState = PowerState.PowerOn, Maintenance = maintenance,
        });
        var lookupAllowed = ProvisionStateMachine.For(release).StatesIn(ProvisionStateSet.LookupAllowedStates).Contains(state);

        if (!lookupAllowed)
        {
            Assert.That(() => conductor.Lookup("n"), Throws.TypeOf<NotFoundException>());
            return;
        }

        conductor.Heartbeat("n", conductor.GetMachine("n").AgentCallbackUrl, "9.4.0", conductor.Lookup("n"));
        conductor.Clock.RunDue();
        var after = conductor.GetNode("n").ProvisionState;

        // The fail-cleaning policy fails cleaning on a heartbeat in maintenance whatever the option says.
        var freezes = allow && !(policy is FailCleaningInMaintenancePolicy && state == ProvisionState.CleanWait);
        if (!WaitStates.Contains(state) || (maintenance && freezes))
        {
            Assert.That(after, Is.EqualTo(state), "recorded only: the node does not move");
        }
        else if (maintenance)
        {
            Assert.That(after, Is.EqualTo(state switch
            {
                ProvisionState.CleanWait => ProvisionState.CleanFailed,
                ProvisionState.WaitCallBack => ProvisionState.DeployFailed,
                ProvisionState.ServiceWait => ProvisionState.ServiceFailed,
                _ => ProvisionState.RescueFailed,
            }));
        }
        else
        {
            var node = conductor.GetNode("n");
            switch (state)
            {
                case ProvisionState.CleanWait:
                    Assert.That(node.CleanStep?.Step, Is.EqualTo("erase_devices_metadata"), "the first heartbeat starts cleaning");
                    break;
                case ProvisionState.WaitCallBack:
                    Assert.That(node.DeployStep?.Step, Is.EqualTo("deploy"), "a node placed here starts its deployment");
                    break;
                case ProvisionState.ServiceWait:
                    Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Active), "a node placed here has no steps left: servicing ends");
                    break;
                default:
                    Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.RescueFailed), "no rescue password was stored");
                    break;
            }
        }
    }

    [Test]
    public void Heartbeat_DroppedInMaintenance_DoesNotRefreshTheCallbackClock()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions(IronicRelease.Release21_4));
        var created = conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = ProvisionState.CleanWait, PowerState = PowerState.PowerOn, Maintenance = true,
        });

        conductor.Clock.Advance(TimeSpan.FromMinutes(10));
        conductor.Heartbeat("n", "http://10.0.0.1:9999", "9.4.0", conductor.Lookup("n"));
        conductor.Clock.RunDue();

        Assert.That(conductor.GetNode("n").ProvisionUpdatedAt, Is.EqualTo(created.ProvisionUpdatedAt));
    }
}
