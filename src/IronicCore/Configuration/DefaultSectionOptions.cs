using System.ComponentModel.DataAnnotations;

namespace IronicCore.Configuration;

/// <summary>
/// Ironic's <c>[DEFAULT]</c> options that the conductor reads: the hash ring and the group of new
/// nodes. Immutable once built; <see cref="ConductorOptions.Validate"/> checks them.
/// </summary>
[IronicSection("DEFAULT")]
public sealed class DefaultSectionOptions
{
    /// <summary>
    /// <c>[DEFAULT] hash_partition_exponent</c>: each conductor takes 2 to this power partitions of the
    /// hash ring that maps nodes to conductors.
    /// </summary>
    /// <value>Default: 5. Limits: none.</value>
    [IronicOption("hash_partition_exponent")]
    public int HashPartitionExponent { get; init; } = OptionDefaults.HashPartitionExponent;

    /// <summary>
    /// <c>[DEFAULT] hash_ring_reset_interval</c>: how long a built hash ring is used before it is
    /// rebuilt from the live conductors.
    /// </summary>
    /// <value>Default: 15 s. Limits: none.</value>
    [IronicOption("hash_ring_reset_interval")]
    public TimeSpan HashRingResetInterval { get; init; } = OptionDefaults.HashRingResetInterval;

    /// <summary>
    /// <c>[DEFAULT] default_conductor_group</c>: the <c>conductor_group</c> of nodes created without
    /// one. Ironic refuses to create a node whose group has characters other than letters, digits,
    /// <c>_</c>, <c>-</c> and <c>.</c>, and stores at most 255 characters.
    /// </summary>
    /// <value>
    /// Default: <c>""</c>. Limits: letters, digits, <c>_</c>, <c>-</c> and <c>.</c> only; at most 255
    /// characters. Master only: 21.4 creates such nodes with no group, which is the same.
    /// </value>
    [IronicOption("default_conductor_group", MasterOnly = true)]
    [ConductorGroupName]
    [StringLength(255)]
    public string DefaultConductorGroup { get; init; } = OptionDefaults.DefaultConductorGroup;
}
