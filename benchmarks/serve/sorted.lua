-- GET /v1/nodes?sort_key=$SORT_KEY&sort_dir=$SORT_DIR&limit=$LIMIT after a random marker: a page
-- anywhere in another column's order (a dashboard's "recently updated").
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local c = require("common")
setup = c.setup
local sort = "sort_key=" .. (os.getenv("SORT_KEY") or "updated_at") .. "&sort_dir=" .. (os.getenv("SORT_DIR") or "desc")
local limit = os.getenv("LIMIT") or "100"
function init() uuids = c.uuids(); math.randomseed(id * 104729 + 7) end
function request()
  return wrk.format("GET", "/v1/nodes?" .. sort .. "&limit=" .. limit .. "&marker=" .. uuids[math.random(#uuids)], c.headers)
end
