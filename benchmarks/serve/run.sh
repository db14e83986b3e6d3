#!/usr/bin/env bash
# The read path of `ironic-sim serve` under wrk, on loopback only: starts serve with a fleet of
# NODES available fake-hardware nodes (--fleet, --clock virtual: time stands still, so every
# run sees the same fleet), then runs each load for DURATION seconds with 2 threads:
#   get      GET /v1/nodes/{uuid}, random nodes, 64 connections
#   list     GET /v1/nodes?limit=100&marker=<random>, 64 connections
#   detail   GET /v1/nodes/detail?limit=1000&marker=<random>, 16 connections
#   beside   get (32 connections) while list runs beside it (8 connections): the single-node p99
#   writes   PUT .../states/provision (manage/provide) and .../states/power (off/on), 64 connections
#   filtered GET /v1/nodes?maintenance=true&limit=100&marker=<random>, 64 connections, with every
#            100th node put in maintenance first (FILTER=... for another filter)
#   sorted   GET /v1/nodes?sort_key=updated_at&sort_dir=desc&limit=100&marker=<random>, 64
#            connections (SORT_KEY, SORT_DIR for another order)
#   ports    GET /v1/ports?node_uuid=<random node>, 64 connections, with a port for every 10th node made
#            first (10,000 ports at 100,000 nodes)
# and prints one line per load: requests/s, p50, p99 and the count of non-2xx answers. Each
# load gets a fresh server, so a backlog one leaves (a slow build's) does not weigh on the next.
# With WARM=1 every node is read once (list and detail pages) after each start and before the
# load: a node read again before it changes is served from its kept rendering.
# WARMUP=S (default 0) runs each load S seconds unmeasured first, as a server that has been up
# for a while: .NET compiles the hot code again with its profile (tiered PGO) in the first
# seconds, and a 10 s run from a cold start measures much of that.
# Usage: benchmarks/serve/run.sh [NODES] [DURATION] [CLI_DLL] [LOADS...]
#   CLI_DLL defaults to a fresh Release build of this tree; give another build's
#   IronicCore.Cli.dll to measure it in the same session (before/after).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
nodes=${1:-100000}
duration=${2:-10}
dll=${3:-}
shift $(( $# < 3 ? $# : 3 ))
loads=${*:-get list detail beside writes}
port=${PORT:-6391}
url=http://127.0.0.1:$port
work=${TMPDIR:-/tmp}/ironic-sim-serve-bench
mkdir -p "$work"

if [ -z "$dll" ]; then
  dotnet build "$root/src/IronicCore.Cli" -c Release -v quiet -nologo >/dev/null
  dll=$root/src/IronicCore.Cli/bin/Release/net10.0/IronicCore.Cli.dll
fi

fleet=$work/fleet-$nodes.json
printf '{"nodes": %d, "conductors": 1, "seed": 1, "workload": {"utilization": 0},
  "options": {"conductor.automated_clean": false}}\n' "$nodes" >"$fleet"
server=
start() {
  dotnet "$dll" serve --fleet "$fleet" --clock virtual --port "$port" >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do curl -sf "$url/" >/dev/null && break; sleep 0.5; done
  if [ "${WARM:-0}" = 1 ]; then
    for path in /v1/nodes /v1/nodes/detail; do
      python3 - "$url" "$path" <<'PY'
import json, sys, urllib.request
url, path = sys.argv[1], sys.argv[2]
next_url = url + path + "?limit=1000"
while next_url:
    req = urllib.request.Request(next_url, headers={"X-OpenStack-Ironic-API-Version": "1.78"})
    next_url = json.load(urllib.request.urlopen(req)).get("next")
PY
    done
  fi
}
stop() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap stop EXIT
start
echo "serve: $(head -1 "$work/serve.log")"

# The fleet's UUIDs follow from the seed: listed once, then kept for every build.
uuids=$work/uuids-$nodes.txt
if [ ! -s "$uuids" ]; then
  python3 "$here/node-uuids.py" "$url" "$uuids"
fi
export UUIDS=$uuids BENCH_DIR=$here THREADS=2

summary() {  # name, wrk output file
  local rps p50 p99 non2xx timeouts
  rps=$(awk '/Requests\/sec/ {print $2}' "$2")
  p50=$(awk '$1 == "50%" {print $2}' "$2")
  p99=$(awk '$1 == "99%" {print $2}' "$2")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$2")
  timeouts=$(sed -n 's/.*timeout \([0-9]*\).*/\1/p' "$2")
  printf '%-8s %10s req/s  p50 %8s  p99 %8s  non-2xx %s  timeouts %s %s\n' "$1" "$rps" "$p50" "$p99" "${non2xx:-0}" "${timeouts:-0}" "$(grep -h '^answers' "$2" || true)"
}

first=1
for load in $loads; do
  [ -n "$first" ] || { stop; start; }
  first=
  out=$work/$load.txt
  case $load in
    filtered) python3 "$here/prepare.py" "$url" "$uuids" maintenance ;;
    ports) python3 "$here/prepare.py" "$url" "$uuids" ports ;;
  esac
  if [ "${WARMUP:-0}" != 0 ]; then
    case $load in
      detail) DETAIL=1 LIMIT=1000 wrk -t2 -c16 -d"${WARMUP}s" -s "$here/list.lua" "$url" >/dev/null ;;
      list|beside) LIMIT=100 wrk -t2 -c64 -d"${WARMUP}s" -s "$here/list.lua" "$url" >/dev/null
        [ "$load" = list ] || wrk -t2 -c64 -d"${WARMUP}s" -s "$here/get-node.lua" "$url" >/dev/null ;;
      get) wrk -t2 -c64 -d"${WARMUP}s" -s "$here/get-node.lua" "$url" >/dev/null ;;
      filtered|sorted|ports) wrk -t2 -c64 -d"${WARMUP}s" -s "$here/$load.lua" "$url" >/dev/null ;;
      writes) SAVE=$work/steps wrk -t2 -c64 -d"${WARMUP}s" -s "$here/writes.lua" "$url" >/dev/null ;;
    esac
  fi
  rm -f "$work/steps.resume"
  [ "${WARMUP:-0}" = 0 ] || [ "$load" != writes ] || mv "$work/steps" "$work/steps.resume"
  case $load in
    get) wrk -t2 -c64 -d"${duration}s" --latency -s "$here/get-node.lua" "$url" >"$out" ;;
    list) LIMIT=100 wrk -t2 -c64 -d"${duration}s" --latency -s "$here/list.lua" "$url" >"$out" ;;
    detail) DETAIL=1 LIMIT=1000 wrk -t2 -c16 -d"${duration}s" --latency -s "$here/list.lua" "$url" >"$out" ;;
    beside)
      LIMIT=100 wrk -t1 -c8 -d"${duration}s" --latency -s "$here/list.lua" "$url" >"$work/beside-list.txt" &
      lists=$!
      wrk -t1 -c32 -d"${duration}s" --latency -s "$here/get-node.lua" "$url" >"$out"
      wait $lists
      summary beside-l "$work/beside-list.txt" ;;
    filtered|sorted|ports) wrk -t2 -c64 -d"${duration}s" --latency -s "$here/$load.lua" "$url" >"$out" ;;
    writes) RESUME=$work/steps.resume wrk -t2 -c64 -d"${duration}s" --latency -s "$here/writes.lua" "$url" >"$out" ;;
    *) echo "unknown load $load" >&2; exit 2 ;;
  esac
  summary "$load" "$out"
done
