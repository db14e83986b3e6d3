using IronicCore.Drivers.Ipmi;

namespace IronicCore.Drivers.Tests.Ipmi;

/// <summary>The BMC's sensors: the hook a hardware fault uses to show itself, written to the SEL as a real BMC does.</summary>
[TestFixture]
public sealed class BmcSensorTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void SensorCrossingAThreshold_IsAssertedInTheSel()
    {
        var fixture = new DriverFixture();
        fixture.Enroll("n");
        var bmc = fixture.Bmc("n");

        bmc.SetSensor(new BmcSensorReading("PSU1 Status", 0, "discrete", BmcSensorStatus.Critical), At);

        Assert.Multiple(() =>
        {
            Assert.That(bmc.Sensors, Has.One.Property(nameof(BmcSensorReading.Name)).EqualTo("PSU1 Status"));
            Assert.That(bmc.SystemEventLog, Is.EqualTo(new[] { "2026-01-01T00:00:00.000Z sensor PSU1 Status asserted cr: 0 discrete" }));
        });
    }

    [Test]
    public void SensorBackToOk_IsDeasserted_AndAnUnchangedStatusLogsNothing()
    {
        var fixture = new DriverFixture();
        fixture.Enroll("n");
        var bmc = fixture.Bmc("n");

        bmc.SetSensor(new BmcSensorReading("CPU1 Temp", 45, "degrees C", BmcSensorStatus.Ok), At);
        bmc.SetSensor(new BmcSensorReading("CPU1 Temp", 92, "degrees C", BmcSensorStatus.NonCritical), At.AddMinutes(1));
        bmc.SetSensor(new BmcSensorReading("CPU1 Temp", 93, "degrees C", BmcSensorStatus.NonCritical), At.AddMinutes(2));
        bmc.SetSensor(new BmcSensorReading("CPU1 Temp", 50, "degrees C", BmcSensorStatus.Ok), At.AddMinutes(3));

        Assert.Multiple(() =>
        {
            Assert.That(bmc.Sensors.Single().Value, Is.EqualTo(50));
            Assert.That(bmc.SystemEventLog, Is.EqualTo(new[]
            {
                "2026-01-01T00:01:00.000Z sensor CPU1 Temp asserted nc: 92 degrees C",
                "2026-01-01T00:03:00.000Z sensor CPU1 Temp deasserted: 50 degrees C",
            }));
        });
    }

    [Test]
    public void SensorWithoutAName_IsRefused_AndNothingIsRecorded()
    {
        var fixture = new DriverFixture();
        fixture.Enroll("n");
        var bmc = fixture.Bmc("n");

        Assert.That(() => bmc.SetSensor(new BmcSensorReading(" ", 1, "RPM", BmcSensorStatus.Critical), At), Throws.ArgumentException);
        Assert.That(bmc.Sensors, Is.Empty);
    }
}
