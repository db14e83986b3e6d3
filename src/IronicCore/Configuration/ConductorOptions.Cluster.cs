using System.ComponentModel.DataAnnotations;

namespace IronicCore.Configuration;

/// <content>Conductor membership: heart beats, the conductor group and takeover.</content>
public sealed partial class ConductorOptions
{
    /// <summary>
    /// <c>[conductor] heartbeat_timeout</c>: how long after its last touch a conductor still counts as
    /// alive; older ones leave the hash ring and their reservations are orphaned.
    /// </summary>
    /// <value>Default: 60 s. Limits: at most 315576000 s (ten years).</value>
    [IronicOption("heartbeat_timeout")]
    [SecondsRange(long.MinValue, 315_576_000)]
    public TimeSpan HeartbeatTimeout { get; init; } = OptionDefaults.HeartbeatTimeout;

    /// <summary>
    /// <c>[conductor] conductor_group</c>: the group this conductor joins; it manages only nodes whose
    /// <c>conductor_group</c> matches, case-insensitively. Ironic refuses to register a conductor
    /// whose group has characters other than letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, and
    /// stores at most 255 characters.
    /// </summary>
    /// <value>Default: <c>""</c>. Limits: letters, digits, <c>_</c>, <c>-</c> and <c>.</c> only; at most 255 characters.</value>
    [IronicOption("conductor_group")]
    [ConductorGroupName]
    [StringLength(255)]
    public string ConductorGroup { get; init; } = OptionDefaults.ConductorGroup;
}
