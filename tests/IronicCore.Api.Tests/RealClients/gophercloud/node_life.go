// gophercloud (Debian's golang-github-gophercloud-gophercloud-dev 0.12, the library metal3's
// baremetal-operator speaks Ironic through) against ironic-sim serve: a node's life.
//
// Usage: go run node_life.go ENDPOINT. Prints one line per check; exits non-zero on the first
// failure. Built in GOPATH mode from Debian's /usr/share/gocode, so it needs no network.
package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/gophercloud/gophercloud"
	"github.com/gophercloud/gophercloud/openstack/baremetal/noauth"
	"github.com/gophercloud/gophercloud/openstack/baremetal/v1/allocations"
	"github.com/gophercloud/gophercloud/openstack/baremetal/v1/drivers"
	"github.com/gophercloud/gophercloud/openstack/baremetal/v1/nodes"
	"github.com/gophercloud/gophercloud/openstack/baremetal/v1/ports"
	"github.com/gophercloud/gophercloud/pagination"
)

func check(what string, ok bool, err error) {
	if err != nil || !ok {
		fmt.Printf("FAIL %s: %v\n", what, err)
		os.Exit(1)
	}
	fmt.Printf("ok %s\n", what)
}

func status(err error) int {
	var coder gophercloud.StatusCodeError
	if errors.As(err, &coder) {
		return coder.GetStatusCode()
	}
	return 0
}

// waitFor polls the node until it reaches the provision state (gophercloud has no waiter).
func waitFor(client *gophercloud.ServiceClient, id string, state nodes.ProvisionState) (*nodes.Node, error) {
	deadline := time.Now().Add(60 * time.Second)
	for {
		node, err := nodes.Get(client, id).Extract()
		if err != nil || node.ProvisionState == string(state) || time.Now().After(deadline) {
			return node, err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func provision(client *gophercloud.ServiceClient, id string, target nodes.TargetProvisionState, state nodes.ProvisionState) bool {
	err := nodes.ChangeProvisionState(client, id, nodes.ProvisionStateOpts{Target: target}).ExtractErr()
	if err != nil {
		check(string(target), false, err)
	}
	node, err := waitFor(client, id, state)
	return err == nil && node.ProvisionState == string(state)
}

// names pages through the nodes in the given state, limit at a time, with marker: gophercloud
// 0.12 looks for a "nodes_links" list, which Ironic does not send (it sends "next"), so its
// pager stops after the first page against Ironic and against the simulator alike.
func names(client *gophercloud.ServiceClient, state nodes.ProvisionState, limit int) ([]string, error) {
	found := []string{}
	marker := ""
	for {
		page, err := nodes.List(client, nodes.ListOpts{ProvisionState: state, Limit: limit, Marker: marker}).AllPages()
		if err != nil {
			return nil, err
		}
		list, err := nodes.ExtractNodes(page)
		if err != nil || len(list) == 0 {
			return found, err
		}
		for _, n := range list {
			found = append(found, n.Name)
		}
		marker = list[len(list)-1].UUID
	}
}

func main() {
	client, err := noauth.NewBareMetalNoAuth(noauth.EndpointOpts{IronicEndpoint: os.Args[1] + "/v1/"})
	check("noauth client", err == nil, err)
	client.Microversion = "1.78"

	list, err := drivers.ListDrivers(client, drivers.ListDriversOpts{}).AllPages()
	check("list drivers", err == nil, err)
	all, err := drivers.ExtractDrivers(list)
	check("fake-hardware is a driver", err == nil && len(all) > 0, err)

	node, err := nodes.Create(client, nodes.CreateOpts{
		Driver: "fake-hardware", Name: "gc-1", ResourceClass: "gold",
		Properties: map[string]interface{}{"cpus": 8}}).Extract()
	check("create node", err == nil && node.ProvisionState == "enroll", err)
	got, err := nodes.Get(client, "gc-1").Extract()
	check("get node by name", err == nil && got.UUID == node.UUID, err)

	got, err = nodes.Update(client, node.UUID, nodes.UpdateOpts{
		nodes.UpdateOperation{Op: nodes.AddOp, Path: "/extra/rack", Value: "r7"}}).Extract()
	check("update node", err == nil && got.Extra["rack"] == "r7", err)

	port, err := ports.Create(client, ports.CreateOpts{NodeUUID: node.UUID, Address: "52:54:00:cc:dd:01"}).Extract()
	check("create port", err == nil && port.Address == "52:54:00:cc:dd:01", err)
	page, err := ports.List(client, ports.ListOpts{Node: node.UUID}).AllPages()
	check("list the node's ports", err == nil, err)
	found, err := ports.ExtractPorts(page)
	check("the node's port", err == nil && len(found) == 1 && found[0].UUID == port.UUID, err)

	check("manage", provision(client, node.UUID, nodes.TargetManage, nodes.Manageable), nil)
	check("provide", provision(client, node.UUID, nodes.TargetProvide, nodes.Available), nil)

	validation, err := nodes.Validate(client, node.UUID).Extract()
	check("validate", err == nil && validation.Power.Result && validation.Management.Result, err)

	err = nodes.SetBootDevice(client, node.UUID, nodes.BootDeviceOpts{BootDevice: "pxe"}).ExtractErr()
	check("set boot device", err == nil, err)
	boot, err := nodes.GetBootDevice(client, node.UUID).Extract()
	check("get boot device", err == nil && boot.BootDevice == "pxe", err)
	supported, err := nodes.GetSupportedBootDevices(client, node.UUID).Extract()
	check("supported boot devices", err == nil && len(supported) > 0, err)

	// Ironic's fake management interface has no NMI: 400, as Ironic answers.
	err = nodes.InjectNMI(client, node.UUID).ExtractErr()
	check("inject NMI refused by fake management", status(err) == 400, nil)

	size := 100
	root := true
	err = nodes.SetRAIDConfig(client, node.UUID, nodes.RAIDConfigOpts{LogicalDisks: []nodes.LogicalDisk{
		{SizeGB: &size, RAIDLevel: nodes.RAID1, IsRootVolume: &root}}}).ExtractErr()
	check("set RAID config", err == nil, err)
	got, err = nodes.Get(client, node.UUID).Extract()
	check("target RAID config stored", err == nil && len(got.TargetRAIDConfig) == 1, err)

	// Ironic's allocations take only nodes with a known power state, and fake power reports
	// the one last set: a node never powered has none.
	err = nodes.ChangePowerState(client, node.UUID, nodes.PowerStateOpts{Target: nodes.PowerOff}).ExtractErr()
	check("power off", err == nil, err)
	allocation, err := allocations.Create(client, allocations.CreateOpts{ResourceClass: "gold", Name: "gc-alloc"}).Extract()
	check("create allocation", err == nil, err)
	for i := 0; i < 600 && err == nil && allocation.State == "allocating"; i++ {
		time.Sleep(100 * time.Millisecond)
		allocation, err = allocations.Get(client, "gc-alloc").Extract()
	}
	check("allocation active on the node", err == nil && allocation.State == "active" && allocation.NodeUUID == node.UUID, err)
	got, err = nodes.Get(client, node.UUID).Extract()
	check("the node's instance is the allocation", err == nil && got.InstanceUUID == allocation.UUID, err)
	err = allocations.Delete(client, allocation.UUID).ExtractErr()
	check("delete allocation", err == nil, err)

	check("deploy", provision(client, node.UUID, nodes.TargetActive, nodes.Active), nil)
	err = nodes.ChangePowerState(client, node.UUID, nodes.PowerStateOpts{Target: nodes.PowerOn}).ExtractErr()
	check("power on", err == nil, err)
	got, err = nodes.Get(client, node.UUID).Extract()
	check("powered on", err == nil && got.PowerState == "power on", err)
	check("undeploy", provision(client, node.UUID, nodes.TargetDeleted, nodes.Available), nil)

	for i := 2; i <= 6; i++ {
		_, err = nodes.Create(client, nodes.CreateOpts{Driver: "fake-hardware", Name: fmt.Sprintf("gc-%d", i)}).Extract()
		check(fmt.Sprintf("create gc-%d", i), err == nil, err)
	}
	enrolled, err := names(client, nodes.Enroll, 2)
	check("list with a filter, paged by marker", err == nil && fmt.Sprint(enrolled) == "[gc-2 gc-3 gc-4 gc-5 gc-6]", err)
	err = nodes.ListDetail(client, nodes.ListOpts{Driver: "fake-hardware"}).EachPage(func(p pagination.Page) (bool, error) {
		list, err := nodes.ExtractNodes(p)
		all := []string{}
		for _, n := range list {
			all = append(all, n.Name)
		}
		sort.Strings(all)
		check("list details by driver", err == nil && fmt.Sprint(all) == "[gc-1 gc-2 gc-3 gc-4 gc-5 gc-6]", err)
		return true, nil
	})
	check("pages read", err == nil, err)

	err = nodes.Delete(client, node.UUID).ExtractErr()
	check("delete node", err == nil, err)
	_, err = nodes.Get(client, node.UUID).Extract()
	check("a deleted node is gone", status(err) == 404, nil)
	_, err = ports.Get(client, port.UUID).Extract()
	check("its port went with it", status(err) == 404, nil)
	fmt.Println("done")
}
