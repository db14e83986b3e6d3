#!/usr/bin/python3
"""Times OpenStack Ironic 21.4's own conductor on IronicCore's benchmark lifecycle.

    /usr/bin/python3 benchmarks/ironic-reference/run.py --nodes 100 [--json]

N fake-hardware nodes, enrolled and powered off, go through manage, provide, deploy
(`active`) and undeploy (`deleted`) back to `available`: nine provision-state
transitions per node, the lifecycle of src/IronicCore/Simulation/LifecycleRun.cs.
Each phase sends every node's request to Ironic's ConductorManager, then waits until
every worker the conductor spawned has finished. Only the four phases are timed.

See README.md beside this file for what is real Ironic and what is set up the way
Ironic's unit tests set it up. Exit codes: 0 every node ended `available`; 1 a request
was refused, a worker failed or a node ended elsewhere; 2 Ironic 21.4 is not installed.
"""
import argparse
import json
import logging
import os
import resource
import sys
import time

EXPECTED_RELEASE = '21.4'
TRANSITIONS_PER_NODE = 9
IMAGE_SOURCE = 'http://images.example.test/disk.qcow2'


def die(message, code=1):
    print('run.py: %s' % message, file=sys.stderr)
    sys.exit(code)


def ironic_version():
    """The installed Ironic's version, or exit 2 if there is no Ironic 21.4."""
    try:
        from importlib import metadata
        version = metadata.version('ironic')
    except Exception:
        version = None
    if version is None:
        try:
            import ironic  # noqa: F401
        except ImportError:
            die('OpenStack Ironic is not installed for %s (on Debian 12: '
                'apt-get install python3-ironic); run this with /usr/bin/python3'
                % sys.executable, 2)
        die('Ironic is importable but its version is unknown; this benchmark '
            'needs Ironic %s' % EXPECTED_RELEASE, 2)
    if not (version == EXPECTED_RELEASE
            or version.startswith(EXPECTED_RELEASE + '.')):
        die('found Ironic %s; this benchmark is written for Ironic %s'
            % (version, EXPECTED_RELEASE), 2)
    return version


def configure(nodes):
    """Ironic's options for one in-process conductor, as its unit tests set them."""
    from ironic.common import config as ironic_config
    from ironic.conf import CONF
    from oslo_db import options as db_options

    from oslo_messaging import transport as messaging_transport
    db_options.set_defaults(CONF, connection='sqlite://')
    # oslo.messaging registers transport_url only when a transport is made.
    CONF.register_opts(messaging_transport._transport_opts)
    overrides = {
        None: {
            'host': 'bench-conductor',
            # oslo.messaging's in-memory driver; nothing here goes through RPC.
            'transport_url': 'fake://',
            'enabled_hardware_types': ['fake-hardware'],
            # Left at its default (None): no versioned notifications are sent.
            'notification_level': None,
        },
        'database': {'connection': 'sqlite://', 'sqlite_synchronous': False},
        'conductor': {
            # As ServiceSetUpMixin: retry a held lock at once, never sleep.
            'node_locked_retry_attempts': 3,
            'node_locked_retry_interval': 0,
            # The whole fleet moves at once, as in IronicCore's benchmark,
            # which lifts the same two caps; the checks themselves still run.
            'max_concurrent_deploy': 2 ** 31 - 1,
            'max_concurrent_clean': 2 ** 31 - 1,
            # One worker per node may be queued at a time (default 100).
            'workers_pool_size': max(100, nodes + 16),
        },
        'dhcp': {'dhcp_provider': 'none'},
    }
    from ironic.drivers import base as drivers_base
    for iface in drivers_base.ALL_INTERFACES:
        value = {'network': 'noop', 'storage': 'noop'}.get(iface, 'fake')
        overrides[None]['enabled_%s_interfaces' % iface] = [value]
    for group, values in overrides.items():
        for name, value in values.items():
            CONF.set_override(name, value, group)
    ironic_config.parse_args([], default_config_files=[])
    return CONF


def start_conductor():
    """A ConductorManager on an in-memory sqlite database, periodic tasks off."""
    from unittest import mock
    from futurist import periodics
    from oslo_db.sqlalchemy import enginefacade
    from ironic.common import context as ironic_context
    from ironic.common import pxe_utils
    from ironic.conductor import manager
    from ironic.db.sqlalchemy import models
    from ironic import objects

    objects.register_all()
    models.Base.metadata.create_all(enginefacade.writer.get_engine())
    context = ironic_context.get_admin_context()
    service = manager.ConductorManager('bench-conductor', 'bench-topic')
    # What ServiceSetUpMixin._start_service does by default: the periodic task
    # runner is a mock (so no periodic task ever runs) and no PXE files are
    # written on this machine.
    with mock.patch.object(periodics, 'PeriodicWorker', autospec=True), \
            mock.patch.object(pxe_utils, 'place_common_config', autospec=True):
        service.prepare_host()
        service.init_host(admin_context=context)
    return service, context


class Workers:
    """Remembers the futures of the workers the conductor spawns."""

    def __init__(self, service):
        self.executor = service._executor
        # Green threads that live as long as the conductor (its keepalive
        # loop among them), counted before any request.
        self.resident = self.executor._pool.running()
        self.pending = []
        self.spawned = 0
        spawn = service._spawn_worker

        def spawn_tracked(func, *args, **kwargs):
            future = spawn(func, *args, **kwargs)
            self.pending.append(future)
            self.spawned += 1
            return future
        service._spawn_worker = spawn_tracked

    def wait(self):
        """Blocks (yielding to the green threads) until every worker is done."""
        import eventlet
        from futurist import waiters
        failures = []
        while self.pending:
            batch, self.pending = self.pending, []
            waiters.wait_for_all(batch)
            failures.extend(f.exception() for f in batch
                            if f.exception() is not None)
            # A worker's future is done before its done-callbacks (which
            # release the node's lock) have run in its green thread: yield
            # until the executor's green threads are back to the long-lived
            # ones (futurist keeps them in _pool).
            while self.executor._pool.running() > self.resident:
                eventlet.sleep(0)
        return failures


class TransitionCounter:
    """Counts provision-state changes made through Ironic's task manager."""

    def __init__(self):
        from ironic.conductor import task_manager
        self.count = 0
        process_event = task_manager.TaskManager.process_event
        counter = self

        def counted(task, event, *args, **kwargs):
            before = task.node.provision_state
            result = process_event(task, event, *args, **kwargs)
            if task.node.provision_state != before:
                counter.count += 1
            return result
        task_manager.TaskManager.process_event = counted


def check_fleet(context, uuids, state, phase):
    """Exit 1 unless every node rests in `state`, unlocked and without error."""
    from ironic import objects
    nodes = {n.uuid: n for n in objects.Node.list(context)}
    wrong = []
    for uuid in uuids:
        n = nodes.get(uuid)
        if n is None:
            wrong.append('%s: missing' % uuid)
        elif (n.provision_state != state or n.target_provision_state
              or n.reservation or n.last_error):
            wrong.append('%s: %s (target %s, reserved by %s, last_error %r)'
                         % (n.name, n.provision_state, n.target_provision_state,
                            n.reservation, n.last_error))
    if wrong:
        die('after %s, %d of %d nodes are not %s; first: %s'
            % (phase, len(wrong), len(uuids), state, '; '.join(wrong[:3])))


def main(argv):
    parser = argparse.ArgumentParser(
        description="Time Ironic 21.4's own conductor on N fake-hardware "
                    'nodes: manage, provide, deploy, undeploy.')
    parser.add_argument('--nodes', type=int, default=100)
    parser.add_argument('--json', action='store_true',
                        help='print only one JSON object')
    parser.add_argument('--progress', action='store_true',
                        help="print each phase's time to stderr as it ends")
    args = parser.parse_args(argv)
    if args.nodes < 1:
        die('--nodes must be at least 1', 2)

    version = ironic_version()
    # What the ironic-conductor command does first: eventlet monkey patching
    # (workers are green threads) and i18n.
    import ironic.cmd  # noqa: F401
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    import warnings
    warnings.simplefilter('ignore')

    configure(args.nodes)
    service, context = start_conductor()
    from ironic import objects
    from ironic.common import states
    from oslo_utils import uuidutils

    uuids = []
    for i in range(args.nodes):
        node = objects.Node(
            context, uuid=uuidutils.generate_uuid(), name='node-%d' % i,
            driver='fake-hardware',
            provision_state=states.ENROLL, power_state=states.POWER_OFF,
            instance_info={'image_source': IMAGE_SOURCE},
            driver_info={}, properties={}, extra={}, driver_internal_info={})
        uuids.append(service.create_node(context, node).uuid)
        if args.progress and (i + 1) % max(1, args.nodes // 10) == 0:
            print('setup: %d nodes enrolled' % (i + 1), file=sys.stderr,
                  flush=True)

    workers = Workers(service)
    counter = TransitionCounter()
    phases = (
        ('manage', lambda u: service.do_provisioning_action(
            context, u, 'manage'), states.MANAGEABLE),
        ('provide', lambda u: service.do_provisioning_action(
            context, u, 'provide'), states.AVAILABLE),
        ('deploy', lambda u: service.do_node_deploy(context, u),
         states.ACTIVE),
        ('undeploy', lambda u: service.do_node_tear_down(context, u),
         states.AVAILABLE),
    )
    wall = 0.0
    phase_seconds = {}
    for name, request, rests_in in phases:
        started = time.perf_counter()
        step = max(1, args.nodes // 10)
        for i, uuid in enumerate(uuids, 1):
            try:
                request(uuid)
            except Exception as e:
                die('%s of %s refused: %s: %s'
                    % (name, uuid, type(e).__name__, e))
            if args.progress and i % step == 0:
                print('%s: %d requests accepted after %.1f s'
                      % (name, i, time.perf_counter() - started),
                      file=sys.stderr, flush=True)
        failures = workers.wait()
        seconds = time.perf_counter() - started
        wall += seconds
        phase_seconds[name] = seconds
        if failures:
            die('%d workers of phase %s raised; first: %r'
                % (len(failures), name, failures[0]))
        if args.progress:
            print('%s: all %d nodes done in %.3f s (process CPU so far %.1f s)'
                  % (name, args.nodes, seconds, time.process_time()),
                  file=sys.stderr, flush=True)
        check_fleet(context, uuids, rests_in, name)  # not timed

    service.del_host()
    expected = TRANSITIONS_PER_NODE * args.nodes
    if counter.count != expected:
        die('counted %d provision-state transitions, expected %d (9 per node)'
            % (counter.count, expected))
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result = {
        'implementation': 'ironic-' + EXPECTED_RELEASE,
        'nodes': args.nodes,
        'transitions': counter.count,
        'wall_seconds': round(wall, 6),
        'transitions_per_second': round(counter.count / wall, 1),
        'peak_rss_bytes': peak_rss,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print('Ironic %s conductor, %d fake-hardware nodes, %d workers spawned'
              % (version, args.nodes, workers.spawned))
        for name, seconds in phase_seconds.items():
            print('  %-8s %10.3f s' % (name, seconds))
        print('  %d transitions in %.3f s: %.1f transitions/s, peak RSS %.1f MiB'
              % (counter.count, wall, counter.count / wall, peak_rss / 2 ** 20))
        print(json.dumps(result))
    return 0


if __name__ == '__main__':
    sys.dont_write_bytecode = True
    sys.exit(main(sys.argv[1:]))
