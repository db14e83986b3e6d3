using IronicCore.Conductor;
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
    private static readonly ProvisionState[] WaitStates = [ProvisionState.CleanWait, ProvisionState.WaitCallBack, ProvisionState.RescueWait];

    private static IEnumerable<TestCaseData> EveryStateMaintenanceAndOption() =>
        from state in ProvisionStateMachine.For(IronicRelease.Release21_4).States
        from maintenance in new[] { false, true }
        from allow in new[] { true, false }
        select new TestCaseData(state, maintenance, allow)
            .SetArgDisplayNames(state.ToIronicName(), maintenance ? "maintenance" : "no maintenance", allow ? "allowed" : "not allowed");

    [TestCaseSource(nameof(EveryStateMaintenanceAndOption))]
    public void Heartbeat_IsRefusedAtLookup_RecordedOnly_Frozen_FailsOrActs_AsIronicSays(ProvisionState state, bool maintenance, bool allow)
    {
        var options = new ConductorOptions(IronicRelease.Release21_4) { AllowProvisioningInMaintenance = allow };
        var conductor = ConductorFixture.Create(options);
        conductor.CreateNode(new NodeCreateRequest
        {
            Name = "n", DeployInterface = "direct", ProvisionState = state, PowerState = PowerState.PowerOn, Maintenance = maintenance,
        });
        var lookupAllowed = ProvisionStateMachine.For(IronicRelease.Release21_4).StatesIn(ProvisionStateSet.LookupAllowedStates).Contains(state);

        if (!lookupAllowed)
        {
            Assert.That(() => conductor.Lookup("n"), Throws.TypeOf<NotFoundException>());
            return;
        }

        conductor.Heartbeat("n", "http://10.0.0.1:9999", "9.4.0", conductor.Lookup("n"));
        conductor.Clock.RunDue();
        var after = conductor.GetNode("n").ProvisionState;

        if (!WaitStates.Contains(state) || (maintenance && allow))
        {
            Assert.That(after, Is.EqualTo(state), "recorded only: the node does not move");
        }
        else if (maintenance)
        {
            Assert.That(after, Is.EqualTo(state switch
            {
                ProvisionState.CleanWait => ProvisionState.CleanFailed,
                ProvisionState.WaitCallBack => ProvisionState.DeployFailed,
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
