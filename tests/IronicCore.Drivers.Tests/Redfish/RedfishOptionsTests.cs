using System.Text.Json;
using IronicCore.Configuration;
using IronicCore.Drivers.Redfish;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary><c>[redfish]</c>: Ironic's names and defaults per release, and what is refused as not simulated.</summary>
[TestFixture]
public sealed class RedfishOptionsTests
{
    private static ConductorOptions FromNames(IronicRelease release, string name, string json) =>
        ConductorOptions.FromNames(release, new Dictionary<string, JsonElement> { [name] = JsonDocument.Parse(json).RootElement.Clone() }, [new RedfishOptions()]);

    [TestCase(IronicRelease.Release21_4, true)]
    [TestCase(IronicRelease.Release2025_1, false)]
    [TestCase(IronicRelease.Master, false)]
    public void UseSwift_DefaultsToTrueIn21_4Only(IronicRelease release, bool expected) =>
        Assert.That(new RedfishOptions(release).UseSwift, Is.EqualTo(expected));

    [Test]
    public void Defaults_AreIronics()
    {
        var options = new RedfishOptions();
        Assert.That(
            (options.ConnectionAttempts, options.ConnectionRetryInterval, options.AuthType, options.FirmwareUpdateStatusInterval),
            Is.EqualTo((5, TimeSpan.FromSeconds(4), RedfishAuthType.Auto, TimeSpan.FromSeconds(60))));
    }

    [Test]
    public void ByName_TakesIronicsNames() =>
        Assert.That(FromNames(IronicRelease.Master, "redfish.connection_attempts", "2").GetSection<RedfishOptions>()!.ConnectionAttempts, Is.EqualTo(2));

    [Test]
    public void ConnectionAttempts_BelowOne_IsRefused() =>
        Assert.That(() => FromNames(IronicRelease.Master, "redfish.connection_attempts", "0"), Throws.InstanceOf<IronicException>());

    [Test]
    public void ConnectionCacheSize_IsRefused_AsNotSimulated() =>
        Assert.That(() => FromNames(IronicRelease.Master, "redfish.connection_cache_size", "10"), Throws.InstanceOf<OptionNotSimulatedException>());

    [Test]
    public void BootModeConfigTimeout_IsUnknownTo21_4() =>
        Assert.That(() => FromNames(IronicRelease.Release21_4, "redfish.boot_mode_config_timeout", "60"), Throws.InstanceOf<IronicException>().And.Not.InstanceOf<OptionNotSimulatedException>());

    [TestCase(IronicRelease.Release2025_1, "redfish.boot_mode_config_timeout", "60")]
    [TestCase(IronicRelease.Master, "redfish.boot_mode_config_timeout", "0")]
    [TestCase(IronicRelease.Master, "redfish.power_on_conflict_retry_attempts", "3")]
    [TestCase(IronicRelease.Master, "redfish.power_on_conflict_retry_interval", "5")]
    public void OptionsForBmcBehaviourNotSimulated_AreRefused_AsNotSimulated(IronicRelease release, string name, string json) =>
        Assert.That(() => FromNames(release, name, json), Throws.InstanceOf<OptionNotSimulatedException>());

    [Test]
    public void PowerOnConflictRetries_AreUnknownTo2025_1() =>
        Assert.That(() => FromNames(IronicRelease.Release2025_1, "redfish.power_on_conflict_retry_attempts", "3"), Throws.InstanceOf<IronicException>().And.Not.InstanceOf<OptionNotSimulatedException>());
}
