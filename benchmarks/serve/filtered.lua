-- GET /v1/nodes?$FILTER&limit=$LIMIT after a random marker: a filtered page anywhere in the fleet
-- (run.sh puts every 100th node in maintenance first, so FILTER=maintenance=true matches 1%).
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
local filter = os.getenv("FILTER") or "maintenance=true"
local limit = os.getenv("LIMIT") or "100"
function init() uuids = c.uuids(); math.randomseed(id * 104729 + 5) end
function request()
  return wrk.format("GET", "/v1/nodes?" .. filter .. "&limit=" .. limit .. "&marker=" .. uuids[math.random(#uuids)], c.headers)
end
