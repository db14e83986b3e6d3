using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>Ironic's <c>redfish.utils.parse_driver_info</c>: what <c>manage</c> refuses, in Ironic's words, and what it takes.</summary>
[TestFixture]
public sealed class RedfishDriverInfoTests
{
    private static string Verify(RedfishFixture fixture, string name)
    {
        fixture.Conductor.SetProvisionState(name, ApiVerb.Manage);
        fixture.RunFor(TimeSpan.FromSeconds(1));
        Assert.That(fixture.Node(name).ProvisionState, Is.EqualTo(ProvisionState.Enroll));
        return fixture.Node(name).LastError!;
    }

    [Test]
    public void MissingAddress_IsMissingParameterValue_NamingIt()
    {
        var fixture = new RedfishFixture();
        var uuid = fixture.Enroll("n", ProvisionState.Enroll, driverInfo: RedfishFixture.DriverInfo("x").Remove("redfish_address")).Uuid;

        Assert.That(Verify(fixture, "n"), Is.EqualTo(
            $"Failed to validate power driver interface for node {uuid}. Error: Missing the following Redfish properties in node {uuid} driver_info: ['redfish_address']"));
    }

    [TestCase("redfish_auth_type", "digest", "Invalid value \"digest\" set in driver_info/redfish_auth_type on node {0}. The value should be one of \"basic\", \"session\" or \"auto\".")]
    [TestCase("redfish_verify_ca", "maybe", "Invalid value type set in driver_info/redfish_verify_ca on node {0}. The value should be a Boolean or the path to a file/directory, not \"maybe\"")]
    public void InvalidValue_IsInvalidParameterValue_InIronicsWords(string key, string value, string message)
    {
        var fixture = new RedfishFixture();
        var uuid = fixture.Enroll("n", ProvisionState.Enroll, driverInfo: RedfishFixture.DriverInfo("https://10.9.0.1").SetItem(key, value)).Uuid;

        Assert.That(Verify(fixture, "n"), Does.EndWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, uuid)));
    }

    [Test]
    public void AddressWithoutScheme_IsTakenAsHttps_AtItsBmc()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n", ProvisionState.Enroll, driverInfo: RedfishFixture.DriverInfo("10.9.0.7:8443/some/path"));

        fixture.Conductor.SetProvisionState("n", ApiVerb.Manage);
        fixture.RunFor(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.Manageable));
            Assert.That(fixture.System("n").Bmc.Address, Is.EqualTo("https://10.9.0.7:8443"));
        });
    }

    [TestCase(IronicRelease.Master, true)]
    [TestCase(IronicRelease.Release2025_1, false)]
    [TestCase(IronicRelease.Release21_4, false)]
    public void TlsMinimumVersion_IsCheckedByMasterOnly(IronicRelease release, bool refused)
    {
        var fixture = new RedfishFixture(options: new ConductorOptions(release) { Deploy = new DeployOptions { HttpUrl = "http://192.0.2.1:8080" } });
        fixture.Enroll("n", ProvisionState.Enroll, driverInfo: RedfishFixture.DriverInfo("https://10.9.0.1").Add("redfish_tls_minimum_version", "1.0"));

        fixture.Conductor.SetProvisionState("n", ApiVerb.Manage);
        fixture.RunFor(TimeSpan.FromSeconds(1));

        Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(refused ? ProvisionState.Enroll : ProvisionState.Manageable));
    }

    [Test]
    public void TwoNodes_NamingTheSameSystemOfOneBmc_AreRefused()
    {
        var fixture = new RedfishFixture();
        var info = RedfishFixture.DriverInfo("https://10.9.0.1");
        fixture.Enroll("a", driverInfo: info);
        fixture.Enroll("b", driverInfo: info.Add("redfish_system_id", "/redfish/v1/Systems/1"));
        fixture.System("a");

        Assert.That(() => fixture.System("b"), Throws.ArgumentException.With.Message.Contains("same system 1"));
    }

    [Test]
    public void TwoSystemsOfOneBmc_ShareItsReachability_AndCredentials()
    {
        var fixture = new RedfishFixture();
        var info = RedfishFixture.DriverInfo("https://10.9.0.1");
        fixture.Enroll("a", driverInfo: info.Add("redfish_system_id", "/redfish/v1/Systems/A"));
        fixture.Enroll("b", driverInfo: info.Add("redfish_system_id", "/redfish/v1/Systems/B"));
        var (a, b) = (fixture.System("a"), fixture.System("b"));

        fixture.Conductor.GetMachine("a").Reachable = false;
        var unreachable = b.Bmc.Reachable;
        fixture.Conductor.GetMachine("a").Reachable = true;
        a.CredentialsRejected = true;

        Assert.Multiple(() =>
        {
            Assert.That(a.Bmc, Is.SameAs(b.Bmc));
            Assert.That(unreachable, Is.False);
            Assert.That(b.Bmc.RejectsCredentials, Is.True);
            Assert.That(ImmutableArray.CreateRange(b.Bmc.Systems.Keys), Is.EqualTo(new[] { "A", "B" }));
        });
    }
}
