using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>
/// The driver sections IronicCore's own driver packages bring (<c>[ipmi]</c>, <c>[pxe]</c>,
/// <c>[dhcp]</c>), so the option tests cover every Ironic option IronicCore models, the core's and theirs.
/// </summary>
internal static class DriverSections
{
    /// <summary>The sections at their defaults.</summary>
    public static ImmutableArray<OptionSection> All => [new IpmiOptions(), new PxeOptions(), new DhcpOptions()];

    /// <summary>Every option: the core's and the driver sections'.</summary>
    public static ImmutableArray<OptionEntry> Catalog { get; } = OptionCatalog.For(All).Entries;

    /// <summary>The defaults of <paramref name="release"/>, carrying the driver sections.</summary>
    public static ConductorOptions Defaults(IronicRelease release = IronicRelease.Master) => new(release) { DriverSections = All };

    /// <summary><see cref="ConductorOptions.FromNames"/> with the driver sections.</summary>
    public static ConductorOptions FromNames(IronicRelease release, IReadOnlyDictionary<string, JsonElement> values) =>
        ConductorOptions.FromNames(release, values, All);
}
