#!/usr/bin/python3
"""CPU cost of single Ironic 21.4 calls in run.py's setup (where its time goes).

    /usr/bin/python3 benchmarks/ironic-reference/calls.py

Enrolls 200 fake-hardware nodes in the same in-process conductor as run.py, then
prints the mean process CPU time of a few calls every provision request makes.
"""
import os
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402

NODES = 200
REPEATS = 50


def main():
    run.ironic_version()
    import ironic.cmd  # noqa: F401
    import logging
    import warnings
    logging.basicConfig(level=logging.ERROR)
    warnings.simplefilter('ignore')
    run.configure(NODES)
    service, ctx = run.start_conductor()
    from ironic import objects
    from ironic.conductor import task_manager
    from oslo_utils import uuidutils

    uuids = []
    for i in range(NODES):
        node = objects.Node(
            ctx, uuid=uuidutils.generate_uuid(), name='n%d' % i,
            driver='fake-hardware', provision_state='enroll',
            power_state='power off', instance_info={}, driver_info={},
            properties={}, extra={}, driver_internal_info={})
        uuids.append(service.create_node(ctx, node).uuid)

    def measure(label, call):
        start = time.process_time()
        for i in range(REPEATS):
            call(uuids[i])
        per_call = (time.process_time() - start) / REPEATS
        print('%-40s %6.2f ms CPU' % (label, per_call * 1000))

    def exclusive(uuid):
        with task_manager.acquire(ctx, uuid, purpose='measure'):
            pass

    def shared(uuid):
        with task_manager.acquire(ctx, uuid, shared=True, purpose='measure'):
            pass

    def get_and_save(uuid):
        node = objects.Node.get_by_uuid(ctx, uuid)
        node.extra = {'touched': True}
        node.save()

    measure('Node.get_by_uuid', lambda u: objects.Node.get_by_uuid(ctx, u))
    measure('task_manager.acquire exclusive+release', exclusive)
    measure('task_manager.acquire shared', shared)
    measure('Node.get_by_uuid + save', get_and_save)
    measure('count_nodes_in_provision_state',
            lambda u: service.dbapi.count_nodes_in_provision_state(
                ['deploying', 'wait call-back']))
    service.del_host()


if __name__ == '__main__':
    main()
