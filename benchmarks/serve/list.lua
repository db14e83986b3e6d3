-- GET /v1/nodes?limit=$LIMIT (or /v1/nodes/detail with DETAIL=1) after a random marker: a page
-- anywhere in the fleet, in Ironic's default order (id).
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
local path = os.getenv("DETAIL") == "1" and "/v1/nodes/detail" or "/v1/nodes"
local limit = os.getenv("LIMIT") or "100"
function init() uuids = c.uuids(); math.randomseed(id * 104729 + 3) end
function request()
  return wrk.format("GET", path .. "?limit=" .. limit .. "&marker=" .. uuids[math.random(#uuids)], c.headers)
end
