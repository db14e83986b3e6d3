using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Ipmi;

/// <summary>Ironic's <c>ipmitool._parse_driver_info</c>: every refusal, with its error class; the BMC is not contacted and nothing changes.</summary>
[TestFixture]
public sealed class DriverInfoValidationTests
{
    private static readonly ImmutableSortedDictionary<string, string> Valid =
        ImmutableSortedDictionary<string, string>.Empty.Add("ipmi_address", "10.9.9.9");

    private static IEnumerable<TestCaseData> Refusals()
    {
        yield return Case("missing ipmi_address", Valid.Remove("ipmi_address"), "MissingParameterValue");
        yield return Case("empty ipmi_address", Valid.SetItem("ipmi_address", ""), "MissingParameterValue");
        yield return Case("address neither IP nor host name (master)", Valid.SetItem("ipmi_address", "bmc_1!"), "InvalidParameterValue");
        yield return Case("protocol version 3.0", Valid.Add("ipmi_protocol_version", "3.0"), "InvalidParameterValue");
        yield return Case("ipmi_port 70000", Valid.Add("ipmi_port", "70000"), "InvalidParameterValue");
        yield return Case("ipmi_port not a number", Valid.Add("ipmi_port", "http"), "InvalidParameterValue");
        yield return Case("ipmi_terminal_port -1", Valid.Add("ipmi_terminal_port", "-1"), "InvalidParameterValue");
        yield return Case("bridging triple", Valid.Add("ipmi_bridging", "triple"), "InvalidParameterValue");
        yield return Case("single bridging without target", Valid.Add("ipmi_bridging", "single"), "MissingParameterValue");
        yield return Case("dual bridging without transit",
            Valid.Add("ipmi_bridging", "dual").Add("ipmi_target_channel", "0").Add("ipmi_target_address", "0x20"), "MissingParameterValue");
        yield return Case("privilege level ROOT", Valid.Add("ipmi_priv_level", "ROOT"), "InvalidParameterValue");
        yield return Case("odd hex kg key", Valid.Add("ipmi_hex_kg_key", "abc"), "InvalidParameterValue");
        yield return Case("cipher suite not a number", Valid.Add("ipmi_cipher_suite", "three"), "InvalidParameterValue");
        yield return Case("cipher suite with IPMI 1.5", Valid.Add("ipmi_cipher_suite", "3").Add("ipmi_protocol_version", "1.5"), "InvalidParameterValue");
    }

    private static TestCaseData Case(string name, ImmutableSortedDictionary<string, string> info, string error) =>
        new TestCaseData(info, error).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Refusals))]
    public void PowerRequest_WithBadDriverInfo_IsRefusedWithIronicsError_AndChangesNothing(
        ImmutableSortedDictionary<string, string> info, string error)
    {
        var fixture = new DriverFixture();
        fixture.Enroll("n", driverInfo: info);

        var refusal = Assert.Catch<IronicException>(() => fixture.Conductor.SetPowerState("n", PowerState.PowerOn));

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.IronicClass, Is.EqualTo(error));
            Assert.That(refusal.HttpStatus, Is.EqualTo(400));
            Assert.That(fixture.Node("n").TargetPowerState, Is.Null);
            Assert.That(fixture.Node("n").Reservation, Is.Null);
            Assert.That(fixture.Bmc("n").Commands, Is.Empty);
        });
    }

    /// <summary>Only master's ipmitool.py has _validate_ipmi_address; 21.4's and 29.0's hand anything to ipmitool.</summary>
    [TestCase(IronicRelease.Release21_4)]
    [TestCase(IronicRelease.Release2025_1)]
    public void Address_NeitherIpNorHostName_IsAcceptedBefore_Master(IronicRelease release)
    {
        var fixture = new DriverFixture(options: ConductorOptions.ForRelease(release));
        fixture.Enroll("n", driverInfo: Valid.SetItem("ipmi_address", "bmc_1!"));

        Assert.DoesNotThrow(() => fixture.Conductor.SetPowerState("n", PowerState.PowerOn));
    }

    [Test]
    public void DriverInfo_WithEveryOptionalFieldValid_IsAccepted()
    {
        var fixture = new DriverFixture();
        fixture.Enroll("n", driverInfo: Valid
            .Add("ipmi_port", "623").Add("ipmi_terminal_port", "8023").Add("ipmi_priv_level", "OPERATOR")
            .Add("ipmi_protocol_version", "2.0").Add("ipmi_bridging", "dual").Add("ipmi_target_channel", "0")
            .Add("ipmi_target_address", "0x20").Add("ipmi_transit_channel", "0").Add("ipmi_transit_address", "0x82")
            .Add("ipmi_hex_kg_key", "ab12").Add("ipmi_cipher_suite", "17"));

        Assert.DoesNotThrow(() => fixture.Conductor.SetPowerState("n", PowerState.PowerOn));
    }
}
