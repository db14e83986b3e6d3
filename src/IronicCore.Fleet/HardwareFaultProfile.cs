using System.Collections.Immutable;

namespace IronicCore.Fleet;

/// <summary>
/// How often one kind of hardware fault strikes a machine and what follows. A masked fault is
/// invisible to the agent (cleaning and deploying pass) and shows only to the tenant running
/// on the machine; a transient one heals by itself; the rest need a human and a repair.
/// </summary>
public sealed record HardwareFaultProfile
{
    /// <summary>The default mix: disks, memory, network cards and BMCs, at rates seen in large fleets.</summary>
    public static ImmutableArray<HardwareFaultProfile> Defaults { get; } =
    [
        new() { Kind = HardwareFaultKind.Disk, RatePerNodeYear = 0.04, MaskedFraction = 0.25, TransientFraction = 0.1, RepairTime = TimeSpan.FromDays(2) },
        new() { Kind = HardwareFaultKind.Memory, RatePerNodeYear = 0.02, MaskedFraction = 0.5, TransientFraction = 0.1, RepairTime = TimeSpan.FromDays(1) },
        new() { Kind = HardwareFaultKind.Nic, RatePerNodeYear = 0.03, MaskedFraction = 0.3, TransientFraction = 0.5, RepairTime = TimeSpan.FromDays(1) },
        new() { Kind = HardwareFaultKind.Bmc, RatePerNodeYear = 0.06, MaskedFraction = 0, TransientFraction = 0.7, SelfHealTime = TimeSpan.FromMinutes(20), RepairTime = TimeSpan.FromHours(4) },
    ];

    /// <summary>
    /// The Redfish BMCs' own faults, each at rate 0 (a fleet draws none unless given a rate):
    /// a rejected login that heals when the lockout ends or someone fixes the account, and a
    /// Reset or InsertMedia that answers 500 until the BMC is reset, by itself or by a human.
    /// They strike redfish nodes only; their rates are per redfish node per year.
    /// </summary>
    public static ImmutableArray<HardwareFaultProfile> RedfishBmcDefaults { get; } =
    [
        new() { Kind = HardwareFaultKind.CredentialsRejected, TransientFraction = 0.5, SelfHealTime = TimeSpan.FromMinutes(30), RepairTime = TimeSpan.FromHours(2) },
        new() { Kind = HardwareFaultKind.ResetFails, TransientFraction = 0.5, SelfHealTime = TimeSpan.FromHours(1), RepairTime = TimeSpan.FromHours(4) },
        new() { Kind = HardwareFaultKind.InsertMediaFails, TransientFraction = 0.5, SelfHealTime = TimeSpan.FromHours(1), RepairTime = TimeSpan.FromHours(4) },
    ];

    /// <summary>What breaks.</summary>
    public HardwareFaultKind Kind { get; init; }

    /// <summary>Faults per machine per year (365 days); for a Redfish BMC's own kinds, per redfish node. At least 0.</summary>
    public double RatePerNodeYear { get; init; }

    /// <summary>The share of faults the agent cannot see, 0 to 1 (a BMC fault is never masked).</summary>
    public double MaskedFraction { get; init; }

    /// <summary>The share of faults that heal by themselves after <see cref="SelfHealTime"/>, 0 to 1.</summary>
    public double TransientFraction { get; init; }

    /// <summary>How long a transient fault lasts. Default 1 hour.</summary>
    public TimeSpan SelfHealTime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>From a human's diagnosis to the machine being fixed (parts, hands). Default 1 day.</summary>
    public TimeSpan RepairTime { get; init; } = TimeSpan.FromDays(1);
}
