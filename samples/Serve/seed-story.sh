#!/usr/bin/env bash
# The seed's story ("Ironic operations on nodes in maintenance mode") told with the real
# `baremetal` CLI against `ironic-sim serve`: a user flags a node, the operator's manual clean
# is refused while it is in maintenance, the operator clears maintenance, cleans, and returns
# the node to the pool (fake-hardware: the clean step is the fake BIOS's). Needs Debian's
# python3-ironicclient; run from the repository root.
set -euo pipefail
port=${PORT:-6385}
dotnet build src/IronicCore.Cli -v quiet -nologo >/dev/null
dotnet src/IronicCore.Cli/bin/Debug/net10.0/IronicCore.Cli.dll serve --port "$port" &
server=$!
trap 'kill $server' EXIT
until curl -sf "http://127.0.0.1:$port/" >/dev/null; do sleep 0.2; done

bm() { echo "\$ baremetal $*" >&2; baremetal --os-auth-type none --os-endpoint "http://127.0.0.1:$port" "$@"; }

bm node create --driver fake-hardware --name node-0 -f value -c provision_state
bm node manage node-0 --wait 60
bm node provide node-0 --wait 60
bm node deploy node-0 --wait 60
bm node maintenance set node-0 --reason "user_reason: disk smart errors"
bm node undeploy node-0 --wait 120
bm node manage node-0 --wait 60
bm node show node-0 -f value -c provision_state -c maintenance -c maintenance_reason
steps='[{"interface": "bios", "step": "apply_configuration", "args": {"settings": [{"name": "LogicalProc", "value": "Enabled"}]}}]'
bm --max-retries 0 node clean node-0 --clean-steps "$steps" || true
bm node maintenance unset node-0
bm node clean node-0 --wait 120 --clean-steps "$steps"
bm node provide node-0 --wait 120
bm node list --fields name provision_state maintenance
