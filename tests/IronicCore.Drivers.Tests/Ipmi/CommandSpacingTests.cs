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
}
