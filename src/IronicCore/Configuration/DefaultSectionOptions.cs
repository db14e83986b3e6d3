using System.ComponentModel.DataAnnotations;
using IronicCore.States;

namespace IronicCore.Configuration;

/// <summary>
/// Ironic's <c>[DEFAULT]</c> options that the conductor reads: the hash ring and the group of new
/// nodes. Immutable once built; <see cref="ConductorOptions.Validate"/> checks them.
/// </summary>
[NotSimulatedOption("enabled_hardware_types", "the hardware types are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("enabled_bios_interfaces", "the bios interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("default_bios_interface", "a node created without a bios interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
[NotSimulatedOption("enabled_boot_interfaces", "the boot interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("default_boot_interface", "a node created without a boot interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
[NotSimulatedOption("enabled_console_interfaces", "the console interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("default_console_interface", "a node created without a console interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
[NotSimulatedOption("enabled_deploy_interfaces", "the deploy interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("default_deploy_interface", "a node created without a deploy interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
[NotSimulatedOption("enabled_firmware_interfaces", "the firmware interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.", Since = IronicRelease.Release2025_1, AnswersAtDefault = "no-firmware")]
[NotSimulatedOption("default_firmware_interface", "a node created without a firmware interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.", Since = IronicRelease.Release2025_1)]
[NotSimulatedOption("enabled_inspect_interfaces", "the inspect interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("default_inspect_interface", "a node created without an inspect interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
[NotSimulatedOption("enabled_management_interfaces", "the management interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("default_management_interface", "a node created without a management interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
[NotSimulatedOption("enabled_network_interfaces", "the network interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("default_network_interface", "a node created without a network interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
[NotSimulatedOption("enabled_power_interfaces", "the power interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("default_power_interface", "a node created without a power interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
[NotSimulatedOption("enabled_raid_interfaces", "the raid interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("default_raid_interface", "a node created without a raid interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
[NotSimulatedOption("enabled_rescue_interfaces", "the rescue interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("default_rescue_interface", "a node created without a rescue interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
[NotSimulatedOption("enabled_storage_interfaces", "the storage interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("default_storage_interface", "a node created without a storage interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
[NotSimulatedOption("enabled_vendor_interfaces", "the vendor interfaces are those of the driver packages a conductor runs (docs/drivers.md), not a configuration.")]
[NotSimulatedOption("default_vendor_interface", "a node created without a vendor interface gets the one its hardware type picks (docs/drivers.md); it is not a configuration.")]
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
    /// characters. Since 2025.1: 21.4 creates such nodes with no group, which is the same.
    /// </value>
    [IronicOption("default_conductor_group", Since = IronicRelease.Release2025_1)]
    [ConductorGroupName]
    [StringLength(255)]
    public string DefaultConductorGroup { get; init; } = OptionDefaults.DefaultConductorGroup;
}
