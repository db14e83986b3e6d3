using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;
using IronicCore.States;

namespace IronicCore.Drivers.Tests.Redfish;

/// <summary>
/// Ironic's pregenerated agent token (<c>add_secret_token(pregenerated=True)</c>): virtual media
/// writes a new token into the agent's ISO, a power-off keeps it (<c>wipe_internal_info_on_power_off</c>),
/// and the end of an operation drops it with the flag (<c>wipe_token_and_url</c>).
/// </summary>
[TestFixture]
public sealed class PregeneratedTokenTests
{
    [Test]
    public void PrepareRamdisk_PregeneratesTheToken_AndThePowerCycleIntoTheIsoKeepsIt()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");

        fixture.Conductor.SetProvisionState("n", ApiVerb.Provide);
        fixture.RunFor(TimeSpan.FromSeconds(1));
        var token = fixture.Conductor.GetAgentToken("n");

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.CleanWait));
            Assert.That(token, Is.Not.Null, "made before the power-off that boots the ISO, and kept by it");
            Assert.That(fixture.Conductor.IsAgentTokenPregenerated("n"), Is.True);
            Assert.That(fixture.Conductor.Lookup("n"), Is.EqualTo("******"), "the lookup answers a token already made masked");
        });
    }

    [Test]
    public void PowerReboot_InWaitCallBack_KeepsAPregeneratedToken()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n", ProvisionState.Available, PowerState.PowerOff);
        fixture.Conductor.SetProvisionState("n", ApiVerb.Active);
        fixture.RunFor(TimeSpan.FromSeconds(1));
        var token = fixture.Conductor.GetAgentToken("n");
        var boot = fixture.Conductor.GetMachine("n").AgentGeneration;

        fixture.Conductor.SetPowerState("n", PowerState.Rebooting);
        fixture.RunFor(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.WaitCallBack));
            Assert.That(fixture.Conductor.GetMachine("n").AgentGeneration, Is.Not.EqualTo(boot), "the agent booted again");
            Assert.That(fixture.Conductor.GetAgentToken("n"), Is.EqualTo(token).And.Not.Null);
            Assert.That(fixture.Conductor.IsAgentTokenPregenerated("n"), Is.True);
        });
    }

    [Test]
    public void EndOfCleaning_WithoutFastTrack_WipesTheTokenAndTheFlag()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.Conductor.SetProvisionState("n", ApiVerb.Provide);
        fixture.RunFor(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 3; i++)
        {
            fixture.Conductor.Heartbeat("n", fixture.Conductor.GetMachine("n").AgentCallbackUrl, "9.4.0", fixture.Conductor.GetAgentToken("n"));
            fixture.RunFor(TimeSpan.FromSeconds(1));
        }

        Assert.Multiple(() =>
        {
            Assert.That(fixture.Node("n").ProvisionState, Is.EqualTo(ProvisionState.Available));
            Assert.That(fixture.Conductor.GetAgentToken("n"), Is.Null);
            Assert.That(fixture.Conductor.IsAgentTokenPregenerated("n"), Is.False);
        });
    }

    [Test]
    public void SaveAndLoad_KeepsThePregeneratedToken()
    {
        var fixture = new RedfishFixture();
        fixture.Enroll("n");
        fixture.Enroll("other");
        fixture.Conductor.SetProvisionState("n", ApiVerb.Provide);
        fixture.RunFor(TimeSpan.FromSeconds(1));

        using var stream = new MemoryStream();
        fixture.Conductor.Save(stream);
        stream.Position = 0;
        var loaded = IronicCore.Conductor.Load(stream, drivers: [PxeDriverPackage.Instance, RedfishDriverPackage.Instance]);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.GetAgentToken("n"), Is.EqualTo(fixture.Conductor.GetAgentToken("n")).And.Not.Null);
            Assert.That(loaded.IsAgentTokenPregenerated("n"), Is.True);
            Assert.That((loaded.GetAgentToken("other"), loaded.IsAgentTokenPregenerated("other")), Is.EqualTo(((string?)null, false)));
        });
    }
}
