using System.Runtime.CompilerServices;
using IronicCore.Conducting;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>Node history: Ironic's <c>node_history_record</c> in the error handlers, and the <c>manage_node_history</c> clean-up.</summary>
[TestFixture]
public sealed class NodeHistoryTests
{
    /// <summary>
    /// A fleet keeps tens of millions of entries (master's step flows), so an entry's size is the
    /// fleet's memory: 40 bytes, its absent target and duration still absent, a zero duration still zero.
    /// </summary>
    [Test]
    public void KeptEntry_IsFortyBytes_AndKeepsAbsentTargetAndDurationApartFromZero()
    {
        var blank = new NodeHistoryRecord(1, 2, -1, 3, 4, 5, error: true, ProvisionState.Active, null, null);
        var full = new NodeHistoryRecord(1, 2, -1, 3, 4, 5, error: false, ProvisionState.Cleaning, ProvisionState.Available, 0);

        Assert.Multiple(() =>
        {
            Assert.That(Unsafe.SizeOf<NodeHistoryRecord>(), Is.EqualTo(40));
            Assert.That((blank.TargetProvisionState, blank.DurationSeconds, blank.Error, blank.State), Is.EqualTo(((ProvisionState?)null, (int?)null, true, ProvisionState.Active)));
            Assert.That((full.TargetProvisionState, full.DurationSeconds, full.Error, full.State), Is.EqualTo(((ProvisionState?)ProvisionState.Available, (int?)0, false, ProvisionState.Cleaning)));
        });
    }

    [Test]
    public void DeployCallbackTimeout_RecordsADeployingErrorEntry_WithTheNodesStates()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.WaitCallBack, PowerState.PowerOn);

        var node = conductor.Advance("n", 1860);
        var entry = conductor.GetNodeHistory("n").Single();

        Assert.Multiple(() =>
        {
            Assert.That(entry.Severity, Is.EqualTo("ERROR"));
            Assert.That(entry.EventType, Is.EqualTo("deploying"));
            Assert.That(entry.Event, Is.EqualTo(node.LastError));
            Assert.That(entry.Conductor, Is.EqualTo(IronicCore.Conductor.DefaultHost));
            Assert.That(entry.State, Is.EqualTo(ProvisionState.DeployFailed), "Ironic fails the node before its timeout handler records");
            Assert.That(entry.TargetProvisionState, Is.EqualTo(ProvisionState.Active));
            Assert.That(entry.DurationSeconds, Is.EqualTo(0), "the failure itself just moved provision_updated_at");
            Assert.That(entry.CreatedAt, Is.EqualTo(conductor.Clock.GetUtcNow()));
            Assert.That(conductor.GetNodeHistoryEvent(entry.Uuid), Is.EqualTo(entry).Using<NodeHistoryEvent>((a, b) => a.Uuid == b.Uuid && a.Id == b.Id && a.Event == b.Event));
        });
    }

    [Test]
    public void PowerActionFailure_RecordsAnUnknownTypeError_AndPowerSyncGivingUp_AMonitoringOne()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable, PowerState.PowerOff);
        conductor.GetMachine("n").Reachable = false;

        conductor.Power("n", PowerState.PowerOn);
        conductor.Clock.Advance(TimeSpan.FromHours(1));
        var history = conductor.GetNodeHistory("n");

        Assert.That(history[0].EventType, Is.EqualTo("UNKNOWN"));
        Assert.That(history.Select(e => e.EventType), Does.Contain("monitoring"));
        Assert.That(history.Single(e => e.EventType == "monitoring").Event, Does.StartWith("During sync_power_state, max retries exceeded"));
        Assert.That(conductor.GetNode("n").Maintenance, Is.True);
    }

    [Test]
    public void FailedVerify_RecordsAVerifyEntry_NotVerifying()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n");
        conductor.GetMachine("n").Reachable = false;

        var node = conductor.Provision("n", ApiVerb.Manage);
        var entry = conductor.GetNodeHistory("n").Single();

        Assert.Multiple(() =>
        {
            Assert.That(node.ProvisionState, Is.EqualTo(ProvisionState.Enroll));
            Assert.That(entry.EventType, Is.EqualTo("verify"), "do_node_verify records its failure under the verb, not verifying_error_handler's type");
            Assert.That(entry.Event, Does.StartWith($"Failed to get power state for node {node.Uuid}. Error: "));
            Assert.That(entry.Severity, Is.EqualTo("ERROR"));
        });
    }

    [Test]
    public void NodeHistoryOff_RecordsNothing_ButTheErrorStillBecomesLastError()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions { NodeHistory = false });
        conductor.Enroll("n", ProvisionState.WaitCallBack, PowerState.PowerOn);

        var node = conductor.Advance("n", 1860);

        Assert.That(node.LastError, Does.Contain("Timeout reached"));
        Assert.That(conductor.GetNodeHistory("n"), Is.Empty);
    }

    [Test]
    public void RecordingHistory_DrawsNothingFromTheConductorsRandomStream()
    {
        string NextUuid(bool history)
        {
            var conductor = ConductorFixture.Create(new ConductorOptions { NodeHistory = history });
            conductor.Enroll("n", ProvisionState.WaitCallBack, PowerState.PowerOn);
            conductor.Advance("n", 1860);
            return conductor.Enroll("m", ProvisionState.Manageable).Uuid;
        }

        Assert.That(NextUuid(history: true), Is.EqualTo(NextUuid(history: false)));
    }

    [Test]
    public void UnknownEntry_IsNodeHistoryNotFound404()
    {
        var conductor = ConductorFixture.Create();

        var error = Assert.Throws<NodeHistoryNotFoundException>(() => conductor.GetNodeHistoryEvent("6a0b3f56-0a52-4d57-a2b5-0c9d1c0e9a11"));

        Assert.That(error.HttpStatus, Is.EqualTo(404));
        Assert.That(error.Message, Is.EqualTo("Node history record 6a0b3f56-0a52-4d57-a2b5-0c9d1c0e9a11 could not be found."));
    }

    /// <summary>Ironic finds an entry by its UUID in any case; another spelling of the same UUID is another string.</summary>
    [Test]
    public void EntryLookup_MatchesItsUuidInAnyCase_AndNoOtherSpelling()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.WaitCallBack, PowerState.PowerOn);
        conductor.Advance("n", 1860);
        var uuid = conductor.GetNodeHistory("n").Single().Uuid;

        Assert.Multiple(() =>
        {
            Assert.That(conductor.GetNodeHistoryEvent(uuid.ToUpperInvariant()).Uuid, Is.EqualTo(uuid));
            Assert.That(() => conductor.GetNodeHistoryEvent("{" + uuid + "}"), Throws.TypeOf<NodeHistoryNotFoundException>());
            Assert.That(() => conductor.GetNodeHistoryEvent(uuid.Replace("-", "", StringComparison.Ordinal)), Throws.TypeOf<NodeHistoryNotFoundException>());
        });
    }

    [Test]
    public void DeletingANode_DeletesItsHistory()
    {
        var conductor = ConductorFixture.Create();
        conductor.Enroll("n", ProvisionState.Manageable, PowerState.PowerOff);
        conductor.GetMachine("n").Reachable = false;
        conductor.Power("n", PowerState.PowerOn);
        var entry = conductor.GetNodeHistory("n").Single();

        conductor.DeleteNode("n");

        Assert.Throws<NodeHistoryNotFoundException>(() => conductor.GetNodeHistoryEvent(entry.Uuid));
    }

    [Test]
    public void CleanUp_KeepsEachNodesNewestMaxEntries_OncePerInterval()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions { NodeHistoryMaxEntries = 2, NodeHistoryCleanupInterval = TimeSpan.FromHours(1) });
        conductor.Enroll("n", ProvisionState.Manageable, PowerState.PowerOff);
        conductor.GetMachine("n").Reachable = false;
        for (var i = 0; i < 4; i++)
        {
            conductor.Power("n", PowerState.PowerOn);
        }

        var before = conductor.GetNodeHistory("n");
        conductor.Clock.Advance(TimeSpan.FromMinutes(59));
        var beforeCleanUp = conductor.GetNodeHistory("n").Length;
        conductor.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = conductor.GetNodeHistory("n");

        Assert.That(before, Has.Length.EqualTo(4));
        Assert.That(beforeCleanUp, Is.GreaterThanOrEqualTo(4), "nothing goes before the clean-up runs");
        Assert.That(after, Has.Length.EqualTo(2));
        Assert.That(after[^1].Uuid, Is.Not.EqualTo(before[0].Uuid));
        Assert.That(after.Select(e => e.Uuid), Does.Not.Contain(before[0].Uuid).And.Not.Contain(before[1].Uuid));
    }

    [Test]
    public void CleanUp_NeverRemovesEntriesYoungerThanMinimumDays()
    {
        var conductor = ConductorFixture.Create(new ConductorOptions
        {
            NodeHistoryMaxEntries = 1, NodeHistoryMinimumDays = 1, NodeHistoryCleanupInterval = TimeSpan.FromHours(1),
        });
        conductor.Enroll("n", ProvisionState.Manageable, PowerState.PowerOff);
        conductor.GetMachine("n").Reachable = false;
        for (var i = 0; i < 3; i++)
        {
            conductor.Power("n", PowerState.PowerOn);
        }

        var recorded = conductor.GetNodeHistory("n").Length;
        conductor.Clock.Advance(TimeSpan.FromHours(2));
        var afterHours = conductor.GetNodeHistory("n").Length;
        conductor.Clock.Advance(TimeSpan.FromDays(2));

        Assert.That(afterHours, Is.GreaterThanOrEqualTo(recorded));
        Assert.That(conductor.GetNodeHistory("n"), Has.Length.EqualTo(1), "once older than a day, all but the newest one go");
    }

    [Test]
    public void Snapshot_KeepsTheHistory_AndResumedEntriesGetTheUuidsTheUninterruptedRunGives()
    {
        IronicCore.Conductor Failing()
        {
            var conductor = ConductorFixture.Create();
            conductor.Enroll("n", ProvisionState.Manageable, PowerState.PowerOff);
            conductor.GetMachine("n").Reachable = false;
            conductor.Power("n", PowerState.PowerOn);
            return conductor;
        }

        var original = Failing();
        using var stream = new MemoryStream();
        original.Save(stream);
        stream.Position = 0;
        var loaded = IronicCore.Conductor.Load(stream);
        foreach (var conductor in new[] { original, loaded })
        {
            conductor.GetMachine("n").Reachable = false;
            conductor.Power("n", PowerState.PowerOn);
        }

        static string Describe(NodeHistoryEvent e) => $"{e.Uuid} {e.CreatedAt:O} {e.Severity} {e.EventType} {e.Event} {e.State} {e.TargetProvisionState} {e.DurationSeconds} {e.Conductor}";
        Assert.That(loaded.GetNodeHistory("n").Select(Describe), Is.EqualTo(original.GetNodeHistory("n").Select(Describe)));
        Assert.That(loaded.GetNodeHistory("n"), Has.Length.EqualTo(2));
    }
}
