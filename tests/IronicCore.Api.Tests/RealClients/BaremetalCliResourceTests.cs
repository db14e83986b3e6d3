namespace IronicCore.Api.Tests.RealClients;

/// <summary>The CLI's chassis and allocation commands against the served conductor (21.4).</summary>
public sealed partial class BaremetalCliTests
{
    [Test]
    public async Task BaremetalCli_Chassis_GroupsNodes_AndIsNotDeletedWhileItHasThem()
    {
        var chassis = (await Baremetal("chassis create --description rack-1 -f value -c uuid")).Single();
        var node = (await Baremetal($"node create --driver fake-hardware --name c1 --chassis-uuid {chassis} -f value -c uuid")).Single();

        Expect(await Baremetal($"chassis show {chassis} -f value -c description"), "rack-1");
        Expect(await Baremetal($"node list --chassis {chassis} -f value -c UUID"), node);
        Expect(
            await Baremetal($"--max-retries 0 chassis delete {chassis}", failure: true),
            $"Failed to delete chassis {chassis}: Cannot complete the requested action because chassis 1 contains nodes. (HTTP 400)");
        Expect(await Baremetal("node delete c1"), "Deleted node c1");
        Expect(await Baremetal($"chassis delete {chassis}"), $"Deleted chassis {chassis}");
    }

    [Test]
    public async Task BaremetalCli_Allocation_ReservesAnAvailableNode_AndUndeployGivesItBack()
    {
        var node = (await Baremetal("node create --driver fake-hardware --name a1 --resource-class gold -f value -c uuid")).Single();
        Expect(await Baremetal("node manage a1 --wait 60"), "Waiting for provision state manageable on node a1");
        Expect(await Baremetal("node provide a1 --wait 60"), "Waiting for provision state available on node a1");

        // Fake power reports what the node records, and Ironic's candidates need a known power state.
        Expect(await Baremetal("node power off a1"));
        Expect(await Baremetal("allocation create --resource-class gold --name web-1 --wait 60 -f value -c state -c node_uuid"), node, "active");
        var failed = await Baremetal("allocation create --resource-class gold --name web-2 --wait 60 -f value -c state -c last_error", failure: true);
        var uuid = (await Baremetal("allocation show web-2 -f value -c uuid")).Single();
        Expect(failed, $"Allocation {uuid} failed: Failed to process allocation {uuid}: no available nodes match the resource class gold.");
        Expect(await Baremetal("node show a1 -f value -c allocation_uuid -c instance_uuid").ContinueWith(t => (IReadOnlyList<string>)[.. t.Result.Distinct()]),
            (await Baremetal("allocation show web-1 -f value -c uuid")).Single());
        Expect(await Baremetal("node deploy a1 --wait 60"), "Waiting for provision state active on node a1");
        Expect(await Baremetal("node undeploy a1 --wait 60"), "Waiting for provision state available on node a1");
        Expect(await Baremetal("allocation list -f value -c Name"), "web-2");
        Expect(await Baremetal("allocation delete web-2"), "Deleted allocation web-2");

        // The suite shares one server: leave no node for the other stories' lists.
        Expect(await Baremetal("node delete a1"), "Deleted node a1");
    }
}
