namespace IronicCore.Fleet;

/// <summary>
/// One conductor process of a fleet: whether it runs, its busy workers (each held for a
/// request's worker time) and the nodes those workers serve, which a takeover must clean up if
/// the process dies with them.
/// </summary>
internal sealed partial class ConductorHost(int index, string name)
{
    public int Index { get; } = index;

    public string Name { get; } = name;

    public bool Alive { get; set; } = true;

    /// <summary>Whether the hash ring still lists it (alive, or dead for less than the heartbeat timeout and a ring reset).</summary>
    public bool OnRing { get; set; } = true;

    /// <summary>Bumped at each death, so worker releases from an earlier life are ignored.</summary>
    public long Generation { get; private set; }

    /// <summary>Nodes whose worker runs here, oldest first (every worker lasts as long).</summary>
    public Queue<int> Working { get; } = new();

    /// <summary>Nodes whose workers died with the process, waiting for a survivor's orphan check.</summary>
    public List<int> Orphans { get; } = [];

    public void Die()
    {
        Alive = false;
        Generation++;
        Orphans.AddRange(Working);
        Working.Clear();
    }
}
