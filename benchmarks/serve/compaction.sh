#!/usr/bin/env bash
# `serve --state-dir` while its journal is folded into snapshots: starts serve with a fleet of
# NODES available fake-hardware nodes (--clock virtual) on a fresh state directory, then for
# DURATION seconds runs, side by side, the write mix (writes.lua, 1 thread, 32 connections: every
# write is journaled, so a compaction falls due every 20,000) and single-node GETs (get-node.lua,
# 1 thread, 32 connections). Prints one line per load (requests/s, p50, p99, max: a write's max is
# the longest the conductor's loop held it) and the snapshots written during the run.
# Give several builds to compare them in one session; their rounds alternate, ROUNDS times.
# Usage: benchmarks/serve/compaction.sh NODES DURATION CLI_DLL [CLI_DLL...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
nodes=$1
duration=$2
shift 2
port=${PORT:-6392}
url=http://127.0.0.1:$port
work=${TMPDIR:-/tmp}/ironic-sim-compaction-bench
mkdir -p "$work"
fleet=$work/fleet-$nodes.json
printf '{"nodes": %d, "conductors": 1, "seed": 1, "workload": {"utilization": 0},
  "options": {"conductor.automated_clean": false}}\n' "$nodes" >"$fleet"

server=
stop() {
  [ -z "$server" ] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  server=
}
trap stop EXIT

line() {  # name, wrk output file
  printf '  %-7s %9s req/s  p50 %8s  p99 %8s  max %8s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' "$2")" \
    "$(awk '$1 == "50%" {print $2}' "$2")" "$(awk '$1 == "99%" {print $2}' "$2")" "$(awk '/Latency/ {print $4; exit}' "$2")"
}

uuids=$work/uuids-$nodes.txt
for round in $(seq 1 "${ROUNDS:-1}"); do
  for dll in "$@"; do
    state=$work/state
    rm -rf "$state"
    dotnet "$dll" serve --fleet "$fleet" --clock virtual --port "$port" --state-dir "$state" >"$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 1 600); do curl -sf "$url/" >/dev/null && break; sleep 0.5; done
    if [ ! -s "$uuids" ]; then
      python3 "$here/node-uuids.py" "$url" "$uuids"
    fi
    export UUIDS=$uuids BENCH_DIR=$here THREADS=1
    # The snapshots the run writes: each new snapshot-N.bin is one compaction done.
    (while kill -0 "$server" 2>/dev/null; do ls "$state"; sleep 0.1; done | grep -o 'snapshot-[0-9]*\.bin$' | sort -u >"$work/snapshots") &
    watcher=$!
    wrk -t1 -c32 -d"${duration}s" --latency -s "$here/writes.lua" "$url" >"$work/writes.txt" &
    writes=$!
    wrk -t1 -c32 -d"${duration}s" --latency -s "$here/get-node.lua" "$url" >"$work/gets.txt"
    wait $writes
    stop
    wait $watcher || true
    echo "round $round, $dll: $(($(wc -l <"$work/snapshots") - 1)) snapshots written during the run"
    line writes "$work/writes.txt"
    line gets "$work/gets.txt"
  done
done
