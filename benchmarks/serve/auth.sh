#!/usr/bin/env bash
# What --auth http_basic costs a request: GET /v1/nodes/{uuid} under wrk (2 threads, 64
# connections, DURATION seconds) against serve with NODES fake-hardware nodes, alternately with
# noauth and with http_basic (an htpasswd file of one user, bcrypt at COST, default 5 as
# `htpasswd -B` makes it), ROUNDS times each. Prints requests/s, p50 and p99 per round.
# Usage: benchmarks/serve/auth.sh NODES DURATION CLI_DLL
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
nodes=$1
duration=$2
dll=$3
port=${PORT:-6395}
url=http://127.0.0.1:$port
work=${TMPDIR:-/tmp}/ironic-sim-auth-bench
mkdir -p "$work"
fleet=$work/fleet-$nodes.json
printf '{"nodes": %d, "conductors": 1, "seed": 1, "workload": {"utilization": 0}}\n' "$nodes" >"$fleet"
/usr/bin/python3 -c "import bcrypt, sys; print('bench:' + bcrypt.hashpw(b'secret', bcrypt.gensalt(rounds=int(sys.argv[1]))).decode())" "${COST:-5}" >"$work/htpasswd"
server=
stop() {
  [ -z "$server" ] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  server=
}
trap stop EXIT
export UUIDS=$work/uuids-$nodes.txt BENCH_DIR=$here THREADS=2
for round in $(seq 1 "${ROUNDS:-3}"); do
  for auth in noauth http_basic; do
    options=(--auth "$auth")
    [ "$auth" = noauth ] || options+=(--htpasswd "$work/htpasswd")
    dotnet "$dll" serve --fleet "$fleet" --clock virtual --port "$port" "${options[@]}" >"$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 1 600); do curl -sf "$url/" >/dev/null && break; sleep 0.5; done
    if [ ! -s "$UUIDS" ]; then
      curl -sf -H "X-OpenStack-Ironic-API-Version: 1.78" "$url/v1/nodes?fields=uuid&limit=1000" | python3 -c "import json, sys; print('\n'.join(n['uuid'] for n in json.load(sys.stdin)['nodes']))" >"$UUIDS"
    fi
    AUTHORIZATION="Basic $(printf bench:secret | base64)" wrk -t2 -c64 -d"${duration}s" --latency -s "$here/get-node.lua" "$url" >"$work/$auth.txt"
    stop
    printf 'round %s %-10s %9s req/s  p50 %8s  p99 %8s  non-2xx %s\n' "$round" "$auth" "$(awk '/Requests\/sec/ {print $2}' "$work/$auth.txt")" \
      "$(awk '$1 == "50%" {print $2}' "$work/$auth.txt")" "$(awk '$1 == "99%" {print $2}' "$work/$auth.txt")" "$(awk '/Non-2xx/ {print $5}' "$work/$auth.txt")"
  done
done
