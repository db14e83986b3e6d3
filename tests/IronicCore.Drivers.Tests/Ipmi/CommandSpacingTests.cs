using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Drivers.Ipmi;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Ipmi;

/// <summary><c>[ipmi] min_command_interval</c>: one command per BMC address per interval.</summary>
[TestFixture]
public sealed class CommandSpacingTests
{
    [TestCase(5)]
    [TestCase(2)]
    public void CommandsToOneBmc_AreAtLeastMinCommandIntervalApart(int seconds)
    {
        var interval = TimeSpan.FromSeconds(seconds);
        var fixture = new DriverFixture(options: new ConductorOptions { DriverSections = [new IpmiOptions { MinCommandInterval = interval }] });
        fixture.Enroll("n", power: PowerState.PowerOn);

        fixture.Conductor.SetPowerState("n", PowerState.Rebooting);
        fixture.RunFor(TimeSpan.FromMinutes(2));

        var commands = fixture.Bmc("n").Commands;
        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").PowerState, Is.EqualTo(PowerState.PowerOn));
            Assert.That(commands.Select(c => c.Command), Does.Contain("power off").And.Contain("power on"));
            Assert.That(commands.Zip(commands.Skip(1), (a, b) => b.At - a.At), Is.All.GreaterThanOrEqualTo(interval));
        });
    }

    [Test]
    public void CommandsToDifferentBmcs_AreNotSpacedAgainstEachOther()
    {
        var fixture = new DriverFixture();
        fixture.Enroll("a");
        fixture.Enroll("b");

        fixture.Conductor.SetPowerState("a", PowerState.PowerOn);
        fixture.Conductor.SetPowerState("b", PowerState.PowerOn);
        fixture.RunFor(TimeSpan.FromMinutes(1));

        Assert.That(fixture.Bmc("b").Commands[0].At, Is.EqualTo(fixture.Bmc("a").Commands[0].At));
    }

    [Test]
    public void CommandsToTwoNodesBehindOneBmcAddress_AreSpacedAgainstEachOther()
    {
        // Ironic keeps LAST_CMD_TIME per BMC address, not per node: two nodes given one
        // ipmi_address share the spacing.
        var interval = TimeSpan.FromSeconds(5);
        var fixture = new DriverFixture(options: new ConductorOptions { DriverSections = [new IpmiOptions { MinCommandInterval = interval }] });
        var shared = ImmutableSortedDictionary<string, string>.Empty
            .Add("ipmi_address", "10.9.9.9").Add("ipmi_username", "admin").Add("ipmi_password", "secret");
        fixture.Enroll("a", driverInfo: shared);
        fixture.Enroll("b", driverInfo: shared);

        fixture.Conductor.SetPowerState("a", PowerState.PowerOn);
        fixture.Conductor.SetPowerState("b", PowerState.PowerOn);
        fixture.RunFor(TimeSpan.FromMinutes(1));

        var times = fixture.Bmc("a").Commands.Concat(fixture.Bmc("b").Commands).Select(c => c.At).Order().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(fixture.Bmc("b").Commands[0].At - fixture.Bmc("a").Commands[0].At, Is.GreaterThanOrEqualTo(interval));
            Assert.That(times.Zip(times.Skip(1), (x, y) => y - x), Is.All.GreaterThanOrEqualTo(interval));
        });
    }
}
