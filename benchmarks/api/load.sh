#!/usr/bin/env bash
# Loopback load test of `ironic-sim serve` (never another address): NODES nodes, then wrk for
# DURATION seconds each on GET /v1/nodes/{name} and on provision requests; then checks that
# only expected errors came back and that the nodes' states match the requests answered 202.
# Usage: benchmarks/api/load.sh [NODES] [DURATION]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
nodes=${1:-10000}
duration=${2:-15}
port=6390
threads=2
url=http://127.0.0.1:$port

dotnet build src/IronicCore.Cli -c Release -v quiet -nologo >/dev/null
dotnet src/IronicCore.Cli/bin/Release/net10.0/IronicCore.Cli.dll serve --port $port >/tmp/ironic-sim-load.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf $url/ >/dev/null && break; sleep 0.2; done

python3 - "$port" "$nodes" <<'PY'
import http.client, json, sys, time
port, nodes = int(sys.argv[1]), int(sys.argv[2])
c = http.client.HTTPConnection("127.0.0.1", port)
started = time.monotonic()
for i in range(nodes):
    c.request("POST", "/v1/nodes", json.dumps({"driver": "fake-hardware", "name": f"n{i}"}),
              {"Content-Type": "application/json", "X-OpenStack-Ironic-API-Version": "1.78"})
    r = c.getresponse(); r.read()
    assert r.status == 201, r.status
print(f"created {nodes} nodes in {time.monotonic() - started:.1f} s")
PY

echo "== GET /v1/nodes/{name}, $threads threads, 64 connections, ${duration} s"
NODES=$nodes wrk -t$threads -c64 -d${duration}s --latency -s benchmarks/api/get-node.lua $url
echo "== PUT /v1/nodes/{name}/states/provision manage, $threads threads, 64 connections, ${duration} s"
NODES=$nodes THREADS=$threads wrk -t$threads -c64 -d${duration}s --latency -s benchmarks/api/provision.lua $url | tee /tmp/ironic-sim-provision.txt

sleep 2
python3 - "$port" "$nodes" <<'PY'
import http.client, json, re, sys, collections
port, nodes = int(sys.argv[1]), int(sys.argv[2])
answers = dict(re.findall(r"(\w+)=(\d+)", open("/tmp/ironic-sim-provision.txt").read().split("answers:")[1]))
c = http.client.HTTPConnection("127.0.0.1", port)
c.request("GET", "/v1/nodes?fields=provision_state&limit=1000", headers={"X-OpenStack-Ironic-API-Version": "1.78"})
states = collections.Counter()
page = json.loads(c.getresponse().read())
while True:
    states.update(n["provision_state"] for n in page["nodes"])
    if "next" not in page:
        break
    c.request("GET", page["next"].split(str(port), 1)[1], headers={"X-OpenStack-Ironic-API-Version": "1.78"})
    page = json.loads(c.getresponse().read())
left_enroll = states["enroll"]
managed = nodes - left_enroll
print(f"final states: {dict(states)}; answered 202: {answers['202']}; unexpected answers: {answers['other']}")
assert int(answers["other"]) == 0, "unexpected status codes"
assert managed == int(answers["202"]), "every 202 moved exactly one node out of enroll"
print("consistent: every node left enroll exactly when its manage request was answered 202")
PY
