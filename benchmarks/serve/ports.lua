-- GET /v1/ports?node_uuid=<random node with a port>: a node's ports (run.sh gives every 10th node
-- one port first), as Nova's and Neutron's drivers ask for them.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
function init() uuids = c.uuids(); math.randomseed(id * 104729 + 11) end
function request()
  return wrk.format("GET", "/v1/ports?node_uuid=" .. uuids[1 + 10 * math.random(0, math.floor((#uuids - 1) / 10))], c.headers)
end
