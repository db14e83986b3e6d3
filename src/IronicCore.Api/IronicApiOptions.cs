namespace IronicCore.Api;

/// <summary>
/// How Ironic's REST API serves a conductor: what moves its virtual clock, who may call, which
/// conductor services it reports. Set once, in the configure callback of
/// <c>AddIronicApi</c>; read there and never again.
/// </summary>
public sealed class IronicApiOptions
{
    /// <summary>What moves the conductor's clock.</summary>
    /// <value>Default: <see cref="ClockMode.Real"/>.</value>
    public ClockMode Clock { get; set; } = ClockMode.Real;

    /// <summary>With <see cref="ClockMode.Real"/>: virtual seconds per wall-clock second.</summary>
    /// <value>Default: 1. Limits: positive and finite.</value>
    public double Speed { get; set; } = 1;

    /// <summary>Ironic's <c>[DEFAULT] auth_strategy</c>.</summary>
    /// <value>Default: <see cref="AuthStrategy.NoAuth"/>.</value>
    public AuthStrategy Auth { get; set; } = AuthStrategy.NoAuth;

    /// <summary>
    /// Ironic's <c>[DEFAULT] http_basic_auth_user_file</c>: a bcrypt htpasswd file, read once when
    /// the API is added. Required with <see cref="AuthStrategy.HttpBasic"/>.
    /// </summary>
    /// <value>Default: none.</value>
    public string? HtpasswdFile { get; set; }

    /// <summary>
    /// The conductor services <c>/v1/conductors</c> lists, each managing the nodes Ironic's hash
    /// ring gives it (with the conductor's <c>[DEFAULT] hash_partition_exponent</c>), as a node's
    /// <c>conductor</c> field shows. Every node still runs on the one conductor served, whose host
    /// <c>reservation</c> names.
    /// </summary>
    /// <value>Default: empty, for the served conductor's own host alone.</value>
    public IList<string> ConductorHosts { get; } = [];

    /// <summary>
    /// Keeps the conductor's state in this directory (opened with <see cref="Durability.StateDirectory.Open"/>,
    /// then loaded or created): every request that changes it is on the disk before it is answered, and
    /// the API replays the journal when it starts (docs/api.md#durability).
    /// </summary>
    /// <value>Default: none, state is not kept.</value>
    public Durability.StateDirectory? StateDirectory { get; set; }

    /// <summary>With <see cref="StateDirectory"/>: journal records after which the journal is folded into a snapshot.</summary>
    /// <remarks>
    /// Fewer means a shorter replay after a crash (measured about 1,000 to 2,500 records a second on a
    /// loaded 2-core machine) and more snapshots. Each is built off the conductor's loop (the previous
    /// snapshot loaded, the journal it covers replayed over it), one at a time: the loop only starts a
    /// new journal segment.
    /// </remarks>
    /// <value>Default: 20,000. Limits: at least 1.</value>
    public int CompactAfter { get; set; } = 20_000;
}
