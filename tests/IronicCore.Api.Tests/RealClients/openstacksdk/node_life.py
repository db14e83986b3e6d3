"""openstacksdk (Debian's python3-openstacksdk) against ironic-sim serve: a node's whole life.

Usage: node_life.py ENDPOINT. Prints one line per check; exits non-zero on the first failure.
What openstacksdk 0.101 has no call for (console, BIOS, RAID, inject NMI) goes through its
baremetal adapter, as a user of that SDK would do it.
"""
import sys

import openstack
from openstack import exceptions

endpoint = sys.argv[1]
conn = openstack.connection.Connection(
    auth_type='none', baremetal_endpoint_override=endpoint,
    baremetal_api_version='1.82')
bm = conn.baremetal


def check(what, ok):
    print(('ok ' if ok else 'FAIL ') + what)
    if not ok:
        sys.exit(1)


node = bm.create_node(driver='fake-hardware', name='sdk-1', provision_state='enroll',
                      properties={'cpus': 4}, resource_class='gold')
check('create_node enroll', node.provision_state == 'enroll')
check('get_node by name', bm.get_node('sdk-1').id == node.id)

port = bm.create_port(node_uuid=node.id, address='52:54:00:aa:bb:01')
check('create_port', port.address == '52:54:00:aa:bb:01')
check('ports of the node',
      [p.address for p in bm.ports(node_uuid=node.id)] == ['52:54:00:aa:bb:01'])

bm.set_node_traits(node, ['CUSTOM_GPU', 'HW_CPU_X86_AVX2'])
check('traits', sorted(bm.get_node(node).traits) == ['CUSTOM_GPU', 'HW_CPU_X86_AVX2'])
bm.add_node_trait(node, 'CUSTOM_RACK_4')
bm.remove_node_trait(node, 'CUSTOM_GPU')
check('add and remove a trait',
      sorted(bm.get_node(node).traits) == ['CUSTOM_RACK_4', 'HW_CPU_X86_AVX2'])

node = bm.set_node_provision_state(node, 'manage', wait=True, timeout=60)
check('manage', node.provision_state == 'manageable')
node = bm.set_node_provision_state(node, 'provide', wait=True, timeout=60)
check('provide', node.provision_state == 'available')

validation = bm.validate_node(node, required=('power', 'management'))
check('validate_node', validation['power'].result and validation['management'].result)

bm.set_node_boot_device(node, 'pxe')
# openstacksdk 0.101 sets the boot device; reading it back goes through its adapter.
boot = bm.get('/nodes/%s/management/boot_device' % node.id).json()
check('boot device', boot['boot_device'] == 'pxe')
supported = bm.get('/nodes/%s/management/boot_device/supported' % node.id).json()
check('supported boot devices', 'pxe' in supported['supported_boot_devices'])

bm.attach_vif_to_node(node, 'b5a2f2c3-5e9b-4f7e-9a0c-9d3c1c7a1f01')
check('attach VIF', bm.list_node_vifs(node) == ['b5a2f2c3-5e9b-4f7e-9a0c-9d3c1c7a1f01'])

node = bm.set_node_provision_state(node, 'active', wait=True, timeout=60)
check('deploy', node.provision_state == 'active')
bm.set_node_power_state(node, 'power off', wait=True, timeout=60)
check('power off', bm.get_node(node).power_state == 'power off')
node = bm.set_node_provision_state(node, 'deleted', wait=True, timeout=60)
check('undeploy', node.provision_state == 'available')

bm.detach_vif_from_node(node, 'b5a2f2c3-5e9b-4f7e-9a0c-9d3c1c7a1f01')
check('detach VIF', bm.list_node_vifs(node) == [])

bm.set_node_maintenance(node, reason='disk')
check('maintenance', bm.get_node(node).is_maintenance)
bm.unset_node_maintenance(node)
check('maintenance unset', not bm.get_node(node).is_maintenance)

bm.update_node(node, extra={'rack': 'r4'})
check('update_node', bm.get_node(node).extra == {'rack': 'r4'})

# Allocations (1.52): the conductor picks an available node of the resource class whose power
# state is known (the undeploy above powered this one off).
allocation = bm.create_allocation(resource_class='gold', name='sdk-alloc')
allocation = bm.wait_for_allocation(allocation, timeout=60)
check('allocation active on the node',
      allocation.state == 'active' and allocation.node_id == node.id)
check('the node carries the allocation', bm.get_node(node).allocation_id == allocation.id)
check('allocations by node', [a.id for a in bm.allocations(node=node.id)] == [allocation.id])
bm.update_allocation(allocation, extra={'team': 'web'})
check('update_allocation', bm.get_allocation('sdk-alloc').extra == {'team': 'web'})
bm.delete_allocation(allocation)
check('delete_allocation frees the node', bm.get_node(node).instance_id is None)

# Boot mode and secure boot (1.76): accepted (202); fake management has neither, so the
# conductor's worker leaves Ironic's UnsupportedDriverExtension in last_error.
bm.set_node_boot_mode(node, 'uefi')
check('boot mode: fake management cannot set it',
      'does not support set_boot_mode' in bm.get_node(node).last_error)
bm.set_node_secure_boot(node, True)
check('secure boot: fake management cannot set it',
      'does not support set_secure_boot_state' in bm.get_node(node).last_error)

# Inject NMI (1.29): fake management has none, 400 as Ironic answers.
nmi = bm.put('/nodes/%s/management/inject_nmi' % node.id, json={}, raise_exc=False)
check('inject NMI refused by fake management', nmi.status_code == 400
      and 'does not support inject_nmi' in nmi.json()['error_message'])

# The fake console: enable, show, disable.
bm.put('/nodes/%s/states/console' % node.id, json={'enabled': True})
console = bm.get('/nodes/%s/states/console' % node.id).json()
check('console enabled', console == {'console_enabled': True, 'console_info': {}})
bm.put('/nodes/%s/states/console' % node.id, json={'enabled': False})
check('console disabled', not bm.get_node(node).is_console_enabled)

# Vendor passthru: FakeVendorB's methods.
methods = bm.list_node_vendor_passthru(node)
check('vendor passthru methods', sorted(methods) ==
      ['fourth_method_shared_lock', 'second_method', 'third_method_sync'])
answer = bm.call_node_vendor_passthru(node, 'POST', 'third_method_sync', body={'bar': 'meow'})
check('vendor passthru call', answer.status_code == 200)

# BIOS (1.40): the fake BIOS's apply_configuration clean step writes the settings.
node = bm.set_node_provision_state(node, 'manage', wait=True, timeout=60)
node = bm.set_node_provision_state(
    node, 'clean', wait=True, timeout=60,
    clean_steps=[{'interface': 'bios', 'step': 'apply_configuration',
                  'args': {'settings': [{'name': 'LogicalProc', 'value': 'Enabled'}]}}])
check('manual cleaning with a BIOS step', node.provision_state == 'manageable')
bios = bm.get('/nodes/%s/bios' % node.id).json()['bios']
check('BIOS settings', [(b['name'], b['value']) for b in bios] == [('LogicalProc', 'Enabled')])

# RAID (1.12): the node's target RAID configuration and the driver's disk properties.
raid = {'logical_disks': [{'raid_level': '1', 'size_gb': 100, 'is_root_volume': True}]}
bm.put('/nodes/%s/states/raid' % node.id, json=raid)
check('target RAID config', bm.get_node(node).target_raid_config == raid)
bad = bm.put('/nodes/%s/states/raid' % node.id, json={'logical_disks': []}, raise_exc=False)
check('RAID config refused by the schema', bad.status_code == 400)
properties = bm.get('/drivers/fake-hardware/raid/logical_disk_properties').json()
check('RAID logical disk properties', 'raid_level' in properties)
node = bm.set_node_provision_state(node, 'provide', wait=True, timeout=60)

for i in range(2, 7):
    bm.create_node(driver='fake-hardware', name='sdk-%d' % i, provision_state='enroll')
# limit=2 pages: the SDK follows each page's next link (created order).
names = [n.name for n in bm.nodes(provision_state='enroll', limit=2)]
check('list with a filter, paging through', names == ['sdk-2', 'sdk-3', 'sdk-4', 'sdk-5', 'sdk-6'])
check('list by driver', len(list(bm.nodes(driver='fake-hardware'))) == 6)
check('list details', all(n.driver == 'fake-hardware' for n in bm.nodes(details=True)))

try:
    bm.delete_node('sdk-1')
except exceptions.ConflictException:
    check('delete an available node is allowed by default', False)
check('delete_node', bm.find_node('sdk-1') is None)
bm.delete_port(port, ignore_missing=True)
try:
    bm.get_node('sdk-1')
    check('a deleted node is gone', False)
except exceptions.ResourceNotFound:
    check('a deleted node is gone', True)
print('done')
