#!/usr/bin/env bash
# The anchor for run.sh's figures: a real Ironic 21.4 (Debian's python3-ironic) API under the
# same wrk loads, on the same machine. Ironic runs as one process (ironic.cmd.singleprocess:
# API and conductor together, rpc_transport none), sqlite, noauth, fake-hardware with fake
# interfaces, automated cleaning off and power sync off (so no periodic task competes with
# the requests: the figures are Ironic's API at its best). NODES nodes are created through the
# API at 1.1 (born available, as run.sh's fleet) by 8 concurrent clients, then each load runs
# for DURATION seconds with run.sh's Lua scripts (get, list, detail, beside, writes).
# Usage: benchmarks/serve/ironic-anchor.sh [NODES] [DURATION] [LOADS...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
nodes=${1:-1000}
duration=${2:-10}
shift $(( $# < 2 ? $# : 2 ))
loads=${*:-get list detail beside writes}
port=${PORT:-6395}
url=http://127.0.0.1:$port
work=${TMPDIR:-/tmp}/ironic-anchor-$nodes
rm -rf "$work"
mkdir -p "$work"

cat >"$work/ironic.conf" <<EOF
[DEFAULT]
auth_strategy = noauth
rpc_transport = none
host = anchor
enabled_hardware_types = fake-hardware
enabled_boot_interfaces = fake
enabled_deploy_interfaces = fake
enabled_management_interfaces = fake
enabled_power_interfaces = fake
enabled_inspect_interfaces = no-inspect
enabled_network_interfaces = noop
enabled_vendor_interfaces = no-vendor
log_file = $work/ironic.log
[api]
host_ip = 127.0.0.1
port = $port
api_workers = 1
[conductor]
automated_clean = false
sync_power_state_interval = 0
[database]
connection = sqlite:///$work/ironic.sqlite
[oslo_concurrency]
lock_path = $work
EOF

/usr/bin/python3 -c 'import sys; from ironic.cmd.dbsync import main; sys.exit(main())' \
  --config-file "$work/ironic.conf" create_schema >/dev/null 2>&1
/usr/bin/python3 -c 'import sys; from ironic.cmd.singleprocess import main; sys.exit(main())' \
  --config-file "$work/ironic.conf" >"$work/stdout.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$url/" >/dev/null && break; sleep 0.5; done
echo "ironic: $(/usr/bin/python3 -c "import pbr.version; print(pbr.version.VersionInfo('ironic').version_string())"), $(curl -s "$url/v1" -H 'X-OpenStack-Ironic-API-Version: latest' -D - -o /dev/null | tr -d '\r' | awk 'tolower($1) == "x-openstack-ironic-api-maximum-version:" {print "microversions up to " $2}')"

uuids=$work/uuids.txt
start=$(date +%s.%N)
/usr/bin/python3 - "$url" "$nodes" "$uuids" <<'PY'
import concurrent.futures, json, sys, urllib.request
url, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def create(i):
    req = urllib.request.Request(url + "/v1/nodes", method="POST",
        data=json.dumps({"driver": "fake-hardware"}).encode(),
        headers={"Content-Type": "application/json", "X-OpenStack-Ironic-API-Version": "1.1"})
    return json.load(urllib.request.urlopen(req))["uuid"]
with concurrent.futures.ThreadPoolExecutor(8) as pool:
    found = list(pool.map(create, range(count)))
open(out, "w").write("\n".join(found) + "\n")
PY
echo "created $nodes nodes in $(echo "$(date +%s.%N) - $start" | bc) s"
export UUIDS=$uuids BENCH_DIR=$here THREADS=2 MICROVERSION=1.78

summary() {  # name, wrk output file
  local rps p50 p99 non2xx timeouts
  rps=$(awk '/Requests\/sec/ {print $2}' "$2")
  p50=$(awk '$1 == "50%" {print $2}' "$2")
  p99=$(awk '$1 == "99%" {print $2}' "$2")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$2")
  timeouts=$(sed -n 's/.*timeout \([0-9]*\).*/\1/p' "$2")
  printf '%-8s %10s req/s  p50 %8s  p99 %8s  non-2xx %s  timeouts %s %s\n' "$1" "$rps" "$p50" "$p99" "${non2xx:-0}" "${timeouts:-0}" "$(grep -h '^answers' "$2" || true)"
}

for load in $loads; do
  out=$work/$load.txt
  case $load in
    get) wrk -t2 -c64 -d"${duration}s" --timeout 10s --latency -s "$here/get-node.lua" "$url" >"$out" ;;
    list) LIMIT=100 wrk -t2 -c64 -d"${duration}s" --timeout 10s --latency -s "$here/list.lua" "$url" >"$out" ;;
    detail) DETAIL=1 LIMIT=1000 wrk -t2 -c16 -d"${duration}s" --timeout 10s --latency -s "$here/list.lua" "$url" >"$out" ;;
    beside)
      LIMIT=100 wrk -t1 -c8 -d"${duration}s" --timeout 10s --latency -s "$here/list.lua" "$url" >"$work/beside-list.txt" &
      lists=$!
      wrk -t1 -c32 -d"${duration}s" --timeout 10s --latency -s "$here/get-node.lua" "$url" >"$out"
      wait $lists
      summary beside-l "$work/beside-list.txt" ;;
    writes) wrk -t2 -c64 -d"${duration}s" --timeout 10s --latency -s "$here/writes.lua" "$url" >"$out" ;;
    *) echo "unknown load $load" >&2; exit 2 ;;
  esac
  summary "$load" "$out"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
