namespace IronicCore.Fleet;

// Conductor deaths and takeover: a dead conductor answers nothing; after [conductor]
// heartbeat_timeout it counts as offline, a survivor's orphan check fails the operations its
// workers were running, and once the hash ring is rebuilt its nodes belong to the survivors. It
// restarts later and takes its share back.
public sealed partial class FleetSimulation
{
    private void StartConductors()
    {
        for (var host = 0; host < scenario.Conductors; host++)
        {
            ScheduleDeath(host);
        }
    }

    private void ScheduleDeath(int host)
    {
        var mtbf = scenario.ConductorFailures.MeanTimeBetweenFailures;
        if (mtbf > TimeSpan.Zero)
        {
            Clock.Schedule(TimeSpan.FromTicks((long)conductorDraws.NextExponential(mtbf.Ticks)), this, (int)FleetEvent.ConductorDeath, host, 0);
        }
    }

    /// <summary>The conductor <paramref name="index"/> dies now.</summary>
    internal void Die(int index)
    {
        var host = gateway.Hosts[index];
        host.Die();
        metrics.ConductorDeaths++;
        var options = scenario.Options;
        Clock.Schedule(options.HeartbeatTimeout + options.CheckProvisionStateInterval, this, (int)FleetEvent.OrphanCheck, index, 0);
        Clock.Schedule(options.HeartbeatTimeout + options.DefaultSection.HashRingResetInterval, this, (int)FleetEvent.RingRebuild, index, host.Generation);
        Clock.Schedule(scenario.ConductorFailures.RestartTime, this, (int)FleetEvent.ConductorRestart, index, 0);
    }

    /// <summary>A survivor's <c>_check_orphan_nodes</c>, or the restarted conductor's own clean-up, whichever comes first.</summary>
    private void CheckOrphans(int index)
    {
        var host = gateway.Hosts[index];
        foreach (var orphan in host.Orphans)
        {
            if (conductor.TakeOverOrphan(fleet[orphan].Uuid))
            {
                metrics.TakeoverAborts++;
            }
        }

        host.Orphans.Clear();
    }

    private void Restart(int index)
    {
        CheckOrphans(index);
        gateway.JoinRing(index);
        ScheduleDeath(index);
    }
}
