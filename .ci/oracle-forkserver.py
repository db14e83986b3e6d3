#!/usr/bin/python3
"""Runs many scenario files through Ironic's oracle without paying its start-up each time.

    /usr/bin/python3 .ci/oracle-forkserver.py ORACLE_DIR     (reads requests on stdin)

It serves the release of the Ironic it imports: 21.4 on this machine; 2025.1 and master when
.ci/differential starts it inside the ironic-oracle wrapper's chroot (with master's source on
PYTHONPATH), where ORACLE_DIR and the paths of the requests are the chroot's.

Each request is one line "SCENARIO OUT ERR"; the answer is one line with the exit code. The
server imports the oracle's code and Ironic 21.4 once (about 1.6 s of CPU a run on a 2-core
machine), then forks a child per file that runs the oracle's own main() on it, exactly as
`ironic-oracle SCENARIO` would, with stdout and stderr sent to OUT and ERR. A child starts from
the imported state and nothing it does reaches the next one.

One difference with a fresh process: Ironic reads the spacings and enabled flags of its periodic
tasks when its conductor module is imported, which here happens before a file's options are applied. Files
that set such an option are refused (exit 4) and must go through the ironic-oracle wrapper.
"""
import atexit
import os
import sys

# Options read at import time by the modules imported here (ironic/conductor/manager.py,
# drivers/modules/pxe_base.py, common/pxe_utils.py, deploy_utils.py, neutron.py): the spacings of
# periodic tasks and the options their `enabled=` flags read (a callback timeout of 0 disables
# its periodic check), in 21.4, 2025.1 and master.
READ_AT_IMPORT = {
    'conductor.cache_clean_up_interval', 'conductor.sync_power_state_interval',
    'conductor.power_failure_recovery_interval', 'conductor.check_provision_state_interval',
    'conductor.check_rescue_state_interval', 'conductor.sync_local_state_interval',
    'sensor_data.interval', 'sensor_data.send_sensor_data', 'conductor.check_allocations_interval',
    'conductor.node_history_cleanup_interval', 'conductor.node_history_max_entries',
    'conductor.conductor_cleanup_interval', 'conductor.clean_callback_timeout',
    'conductor.deploy_callback_timeout', 'conductor.inspect_wait_timeout',
    'conductor.rescue_callback_timeout', 'conductor.service_callback_timeout',
    'inspector.status_check_period', 'vnc.expire_console_session_interval',
    'pxe.boot_retry_check_interval', 'pxe.boot_retry_timeout',
    'pxe.pxe_config_subdir', 'DEFAULT.rootwrap_config', 'DEFAULT.my_ip',
}


def main():
    sys.path.insert(0, sys.argv[1])
    import json
    import ironic_inprocess as sim
    import ironic_oracle
    if sim.ironic_release() == 'master':
        # The oracle's bridge to Debian 13's oslo.versionedobjects must be in place before
        # Ironic's objects are imported (its load_conf does it first thing, too late here).
        sim._compat_libraries()
    # What the oracle's load_conf and Cloud import (load_conf itself runs in each child: the
    # options may be parsed once only); none reads a scenario option but those above.
    import ironic.conf  # noqa: F401
    from oslo_log import log  # noqa: F401
    from oslo_messaging import transport  # noqa: F401
    from oslo_db import options as db_options  # noqa: F401
    import osprofiler.opts  # noqa: F401
    import futurist  # noqa: F401
    from futurist import periodics  # noqa: F401
    from oslo_db.sqlalchemy import enginefacade  # noqa: F401
    from ironic.common import context, rpc, pxe_utils  # noqa: F401
    from ironic.db.sqlalchemy import models  # noqa: F401
    from ironic.conductor import manager, base_manager  # noqa: F401
    from ironic.api.controllers.v1 import node, ramdisk  # noqa: F401
    from ironic.drivers import fake_hardware, ipmi  # noqa: F401
    from ironic import objects  # noqa: F401

    for request in sys.stdin:
        scenario, out, err = request.split()
        with open(scenario, encoding='utf-8') as f:
            options = json.load(f).get('options', {})
        if any(name in READ_AT_IMPORT for name in options):
            print(4, flush=True)
            continue
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                os.dup2(fd, 1)
                fd = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                os.dup2(fd, 2)
                sim._SCRATCH = None
                code = ironic_oracle.main(['ironic_oracle.py', scenario]) or 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else 1
            except BaseException:
                import traceback
                traceback.print_exc()
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                atexit._run_exitfuncs()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status), flush=True)


if __name__ == '__main__':
    main()
