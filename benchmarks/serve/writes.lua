-- The write mix: each thread walks its own share of the nodes; even-numbered nodes get
-- provision requests (manage, then provide, then manage ... on successive passes), odd ones
-- power requests (power off, then power on ...). done() prints the count of each status.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local c = require("common")
local nthreads = tonumber(os.getenv("THREADS") or "2")
setup = c.setup
local body = { provision = { '{"target": "manage"}', '{"target": "provide"}' },
               power = { '{"target": "power off"}', '{"target": "power on"}' } }
function init() uuids = c.uuids(); counts = {}; step = id end
function request()
  local n = step % #uuids
  local pass = math.floor(step / #uuids) % 2 + 1
  step = step + nthreads
  local kind = (n % 2 == 0) and "provision" or "power"
  local headers = { ["X-OpenStack-Ironic-API-Version"] = c.headers["X-OpenStack-Ironic-API-Version"],
                    ["Content-Type"] = "application/json" }
  return wrk.format("PUT", "/v1/nodes/" .. uuids[n + 1] .. "/states/" .. kind, headers, body[kind][pass])
end
response = function(status) c.count(status) end
done = c.report
