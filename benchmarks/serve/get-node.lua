-- GET /v1/nodes/{uuid} for random nodes.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
function init() uuids = c.uuids(); math.randomseed(id * 7919 + 1) end
function request() return wrk.format("GET", "/v1/nodes/" .. uuids[math.random(#uuids)], c.headers) end
