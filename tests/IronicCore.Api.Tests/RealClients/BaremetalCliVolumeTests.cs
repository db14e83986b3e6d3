namespace IronicCore.Api.Tests.RealClients;

/// <summary>The CLI's deploy template and volume commands against the served conductor (21.4).</summary>
public sealed partial class BaremetalCliTests
{
    // A deploy template named by the node's instance traits joins the deployment: one that
    // overrides the core deploy step refuses the deploy with Ironic's words, naming the template.
    [Test]
    public async Task BaremetalCli_DeployTemplate_Crud_AndADeployItsStepsRefuse()
    {
        Expect(
            await Baremetal("deploy template create CUSTOM_HT --steps [{\"interface\":\"bios\",\"step\":\"apply_configuration\",\"args\":{\"settings\":[]},\"priority\":150}] -f value -c name -c steps"),
            "CUSTOM_HT",
            "[{'interface': 'bios', 'step': 'apply_configuration', 'args': {'settings': []}, 'priority': 150}]");
        Expect(
            await Baremetal("deploy template create CUSTOM_X --steps [{\"interface\":\"bios\",\"step\":\"x\",\"args\":{},\"priority\":1},{\"interface\":\"bios\",\"step\":\"x\",\"args\":{},\"priority\":2}]", failure: true),
            "Deploy template invalid: Duplicate deploy steps. A deploy template cannot have multiple deploy steps with the same interface and step. Duplicates: interface: bios, step: x. (HTTP 400)");
        Expect(await Baremetal("deploy template set CUSTOM_HT --name CUSTOM_CORE --steps [{\"interface\":\"deploy\",\"step\":\"deploy\",\"args\":{},\"priority\":90}]"));
        Expect(await Baremetal("deploy template list -f value -c Name"), "CUSTOM_CORE");

        var node = (await Baremetal("node create --driver fake-hardware --name dt1 -f value -c uuid")).Single();
        Expect(await Baremetal("node add trait dt1 CUSTOM_CORE"), "Added trait CUSTOM_CORE");
        Expect(await Baremetal("node set dt1 --instance-info traits=[\"CUSTOM_CORE\"]"));
        Expect(await Baremetal("node manage dt1 --wait 60"), "Waiting for provision state manageable on node dt1");
        Expect(await Baremetal("node provide dt1 --wait 60"), "Waiting for provision state available on node dt1");
        Expect(
            await Baremetal("node deploy dt1", failure: true),
            $"Failed to validate deploy or power info for node {node}: Validation of deploy steps from deploy templates matching this node's instance " +
            "traits failed. Matching deploy templates: CUSTOM_CORE. Errors: deploy step deploy on interface deploy is a core step and cannot be " +
            "overridden by user steps. It may be disabled by setting the priority to 0 (HTTP 400)");
        Expect(await Baremetal("deploy template delete CUSTOM_CORE"), "Deleted deploy template CUSTOM_CORE");
        Expect(await Baremetal("node deploy dt1 --wait 60"), "Waiting for provision state active on node dt1");
        Expect(await Baremetal("node undeploy dt1 --wait 60"), "Waiting for provision state available on node dt1");
        Expect(await Baremetal("node delete dt1"), "Deleted node dt1");
    }

    // Volume connectors and targets: changed only while the node is powered off (the conductor's
    // update_volume_*), unique keys as Ironic's database has them, and gone with their node.
    [Test]
    public async Task BaremetalCli_VolumeConnectorsAndTargets_FollowTheConductorsRules()
    {
        var node = (await Baremetal("node create --driver fake-hardware --name vol1 -f value -c uuid")).Single();
        Expect(
            await Baremetal($"volume connector create --node {node} --type iqn --connector-id iqn.2017-07.org.openstack:01 -f value -c type -c connector_id"),
            "iqn.2017-07.org.openstack:01",
            "iqn");
        var connector = (await Baremetal("volume connector list --node vol1 -f value -c UUID")).Single();
        Expect(await Baremetal("node power on vol1"));
        Expect(
            await Baremetal($"--max-retries 0 volume connector set {connector} --connector-id iqn.2017-07.org.openstack:02", failure: true),
            $"The requested action \"volume connector update\" can not be performed on node \"{node}\" while it is in state \"power on\". (HTTP 400)");
        Expect(await Baremetal("node power off vol1"));
        Expect(await Baremetal($"volume connector set {connector} --connector-id iqn.2017-07.org.openstack:02"));
        Expect(await Baremetal($"volume connector show {connector} -f value -c connector_id"), "iqn.2017-07.org.openstack:02");

        Expect(
            await Baremetal($"volume target create --node {node} --type iscsi --boot-index 0 --volume-id vol-1 --property target_lun=0 -f value -c boot_index -c volume_type"),
            "0",
            "iscsi");
        var taken = await Baremetal($"--max-retries 0 volume target create --node {node} --type iscsi --boot-index 0 --volume-id vol-2", failure: true);
        Expect([taken[^1]], "A volume target with boot index '0' for the same node already exists. (HTTP 409)");
        Expect(await Baremetal("volume target list -f value -c \"Boot Index\" -c \"Volume ID\""), "0 vol-1");

        Expect(await Baremetal("node delete vol1"), "Deleted node vol1");
        Expect(await Baremetal("volume target list -f value"));
        Expect(await Baremetal("volume connector list -f value"));
    }
}
