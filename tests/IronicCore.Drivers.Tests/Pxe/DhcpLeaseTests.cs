using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Pxe;

/// <summary>The provisioning network's DHCP pool and the PXE boot configuration around the agent's boots.</summary>
[TestFixture]
public sealed class DhcpLeaseTests
{
    [Test]
    public void PoolExhaustion_FailsTheCleaning_WithNetworkErrorInLastError()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant, new PxeNetworkOptions { AddressCount = 1 });
        fixture.Enroll("a");
        fixture.Enroll("b");

        fixture.Conductor.SetProvisionState("a", ApiVerb.Provide);
        fixture.Conductor.SetProvisionState("b", ApiVerb.Provide);
        fixture.Conductor.Clock.RunDue();

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("a").ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(fixture.Node("b").ProvisionState, Is.EqualTo(ProvisionState.CleanFailed));
            Assert.That(fixture.Node("b").LastError, Does.Contain("Failed to prepare node").And.Contain("no free address"));
            Assert.That(fixture.Node("b").Maintenance, Is.False, "no step ran");
            Assert.That(fixture.Network.LeasesInUse, Is.EqualTo(1));
        });
    }

    [Test]
    public void PoolExhaustion_FailsTheDeploysPrepare_WithNetworkErrorInLastError()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant, new PxeNetworkOptions { AddressCount = 1 });
        fixture.Enroll("a", ProvisionState.Available);
        fixture.Enroll("b", ProvisionState.Available);

        fixture.Conductor.SetProvisionState("a", ApiVerb.Active);
        fixture.Conductor.SetProvisionState("b", ApiVerb.Active);
        fixture.Conductor.Clock.RunDue();

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("a").ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack));
            Assert.That(fixture.Node("b").ProvisionState, Is.EqualTo(ProvisionState.DeployFailed));
            Assert.That(fixture.Node("b").LastError, Does.StartWith("Failed to prepare to deploy: ").And.Contain("no free address"));
        });
    }

    [Test]
    public void Lease_IsReleasedWhenCleaningEnds_SoTheNextNodeGetsTheAddress()
    {
        var fixture = new DriverFixture(network: new PxeNetworkOptions { AddressCount = 1 }, agents: new AgentBehaviour());
        fixture.Enroll("a");
        fixture.Enroll("b");
        fixture.Conductor.SetProvisionState("a", ApiVerb.Provide);
        fixture.Conductor.Clock.RunDue();
        var held = fixture.Network.GetBootConfig("a");

        fixture.RunFor(TimeSpan.FromHours(3));
        var released = fixture.Network.LeasesInUse;
        fixture.Conductor.SetProvisionState("b", ApiVerb.Provide);
        fixture.RunFor(TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("a").ProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(released, Is.Zero);
            Assert.That(fixture.Network.GetBootConfig("a"), Is.Null);
            Assert.That(fixture.Node("b").ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(fixture.Network.GetBootConfig("b")!.Address, Is.EqualTo(held!.Address));
        });
    }

    [Test]
    public void ExpiredLease_IsTakenBack_WhenThePoolRunsDry()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant, new PxeNetworkOptions { AddressCount = 1, LeaseTime = TimeSpan.FromMinutes(10) });
        fixture.Enroll("a");
        fixture.Enroll("b");
        fixture.Conductor.SetProvisionState("a", ApiVerb.Provide);
        fixture.Conductor.Clock.RunDue();

        fixture.Conductor.Clock.Advance(TimeSpan.FromMinutes(11));
        fixture.Conductor.SetProvisionState("b", ApiVerb.Provide);
        fixture.Conductor.Clock.RunDue();

        Assert.That(fixture.Node("b").ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
    }

    [TestCase(null, null, false, "bootx64.efi")]
    [TestCase("bios", null, false, "pxelinux.0")]
    [TestCase("uefi", "aarch64", false, "grubaa64.efi")]
    [TestCase("bios", null, true, "undionly.kpxe")]
    [TestCase("uefi", null, true, "snponly.efi")]
    public void BootConfig_WrittenWhenTheRamdiskIsPrepared_NamesTheBootFileForFirmwareAndArchitecture(
        string? bootMode, string? arch, bool ipxe, string bootFile)
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant, new PxeNetworkOptions { Ipxe = ipxe });
        var info = ImmutableSortedDictionary<string, string>.Empty.Add("ipmi_address", "10.9.0.1");
        info = bootMode is null ? info : info.Add("boot_mode", bootMode);
        info = arch is null ? info : info.Add("cpu_arch", arch);
        fixture.Enroll("n", driverInfo: info);

        var before = fixture.Network.GetBootConfig("n");
        fixture.Conductor.SetProvisionState("n", ApiVerb.Provide);
        fixture.Conductor.Clock.RunDue();
        var config = fixture.Network.GetBootConfig("n");

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Null);
            Assert.That(config!.BootFile, Is.EqualTo(bootFile));
            Assert.That(config.NextServer, Is.EqualTo(fixture.Network.Options.NextServer));
            Assert.That(config.Address, Is.EqualTo(fixture.Network.Options.FirstAddress));
            Assert.That(config.Kernel, Does.EndWith("deploy_kernel"));
            Assert.That(fixture.Ipmi.Type.Boot.Name, Is.EqualTo(ipxe ? "ipxe" : "pxe"));
        });
    }

    [Test]
    public void BootMode_NeitherBiosNorUefi_IsInvalidParameterValue_AndTheCleaningFails()
    {
        var fixture = new DriverFixture(BmcBehaviour.Instant);
        fixture.Enroll("n", driverInfo: ImmutableSortedDictionary<string, string>.Empty.Add("ipmi_address", "10.9.0.1").Add("boot_mode", "coreboot"));

        fixture.Conductor.SetProvisionState("n", ApiVerb.Provide);
        fixture.Conductor.Clock.RunDue();

        Assert.That(fixture.Node("n").LastError, Does.Contain("coreboot"));
    }
}
