# Writes the names of the options an Ironic release registers, one "section.option" a line, for
# IronicCore to tell an Ironic option it does not simulate from a name that is no option at all.
# See README.md beside this file for how each release's list is made.
"""List the configuration option names of the Ironic this Python imports."""
import os
import sys

import ironic
from keystoneauth1 import loading
from oslo_config import generator

# The namespaces of tools/config/ironic-config-generator.conf at each release's commit: what the
# sample ironic.conf documents, hence what an operator's file holds. Ironic's own namespace alone
# would leave out [database] connection, [DEFAULT] debug, [keystone_authtoken] ... which every
# deployment sets.
NAMESPACES = {
    '21.4': ['ironic', 'ironic_lib.disk_utils', 'ironic_lib.disk_partitioner', 'ironic_lib.exception',
             'ironic_lib.json_rpc', 'ironic_lib.mdns', 'ironic_lib.metrics', 'ironic_lib.metrics_statsd',
             'ironic_lib.utils', 'oslo.db', 'oslo.messaging', 'oslo.middleware.cors',
             'oslo.middleware.healthcheck', 'oslo.middleware.http_proxy_to_wsgi', 'oslo.concurrency',
             'oslo.policy', 'oslo.log', 'oslo.reports', 'oslo.service.service',
             'oslo.service.periodic_task', 'oslo.service.sslutils', 'osprofiler',
             'keystonemiddleware.audit', 'keystonemiddleware.auth_token'],
    '2025.1': ['ironic', 'oslo.db', 'oslo.messaging', 'oslo.middleware.cors', 'oslo.middleware.healthcheck',
               'oslo.middleware.http_proxy_to_wsgi', 'oslo.concurrency', 'oslo.policy', 'oslo.log',
               'oslo.reports', 'oslo.service.service', 'oslo.service.periodic_task',
               'oslo.service.sslutils', 'oslo.versionedobjects', 'osprofiler', 'keystonemiddleware.audit',
               'keystonemiddleware.auth_token'],
    'master': ['ironic', 'oslo.db', 'oslo.messaging', 'oslo.middleware.cors', 'oslo.middleware.healthcheck',
               'oslo.middleware.http_proxy_to_wsgi', 'oslo.concurrency', 'oslo.policy', 'oslo.log',
               'oslo.reports', 'cotyledon', 'oslo.service.periodic_task', 'oslo.service.sslutils',
               'oslo.versionedobjects', 'osprofiler', 'keystonemiddleware.audit',
               'keystonemiddleware.auth_token'],
}

# keystonemiddleware registers the options of the auth plugin that [keystone_authtoken] auth_type
# names only when it loads it, so no namespace lists them; Ironic's install guide configures the
# "password" plugin there, and operators' files carry its auth_url, username, password ...
RUNTIME_PLUGINS = {'keystone_authtoken': 'password'}


def file_section(group):
    # oslo.config matches every section but DEFAULT in any case, so a file's [DATABASE] is [database].
    return group if group == 'DEFAULT' else group.lower()


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in NAMESPACES:
        sys.exit('usage: list-ironic-options.py {%s} SOURCE-LINE' % ','.join(NAMESPACES))
    release, source = sys.argv[1], sys.argv[2]
    names, renamed, loaded = set(), {}, []
    for namespace in NAMESPACES[release]:
        listed = generator._list_opts([namespace])
        if listed:
            loaded.append(namespace)
        for _, groups in listed:
            for group, opts in groups:
                section = getattr(group, 'name', group) or 'DEFAULT'
                for opt in opts:
                    current = '%s.%s' % (section, opt.dest)
                    names.add(current)
                    # oslo.config still reads a renamed option by its old names, so an old
                    # ironic.conf holds them.
                    for old in opt.deprecated_opts:
                        renamed['%s.%s' % (file_section(old.group or section), old.name or opt.dest)] = current
    for section, plugin in RUNTIME_PLUGINS.items():
        names.update('%s.%s' % (section, opt.dest) for opt in loading.get_plugin_options(plugin))
    lines = {name: name for name in names}
    lines.update((old, '%s -> %s' % (old, current)) for old, current in renamed.items() if old not in names)
    print('# %s' % source)
    print('# ironic imported from %s' % os.path.dirname(ironic.__file__))
    print('# oslo-config-generator namespaces: %s' % ' '.join(loaded))
    missing = [n for n in NAMESPACES[release] if n not in loaded]
    if missing:
        print('# not installed, so not registered by this Ironic either: %s' % ' '.join(missing))
    print('# and the [keystone_authtoken] options of keystoneauth\'s "%s" plugin' % RUNTIME_PLUGINS['keystone_authtoken'])
    print('# "old -> current": a deprecated name oslo.config still reads for the current option')
    for name in sorted(lines):
        print(lines[name])


if __name__ == '__main__':
    main()
