-- The write mix: each thread walks its own share of the nodes; even-numbered nodes get
-- provision requests (manage, then provide, then manage ... on successive passes), odd ones
-- power requests (power off, then power on ...). done() prints the count of each status.
-- SAVE=FILE keeps where each thread stopped, RESUME=FILE starts there (run.sh's warm-up),
-- so a measured run after a warm-up asks each node for the move its state allows.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local c = require("common")
local nthreads = tonumber(os.getenv("THREADS") or "2")
setup = c.setup
local body = { provision = { '{"target": "manage"}', '{"target": "provide"}' },
               power = { '{"target": "power off"}', '{"target": "power on"}' } }
function init()
  uuids = c.uuids(); counts = {}; step = id
  local saved = os.getenv("RESUME") and io.open(os.getenv("RESUME"))
  if saved then
    for line in saved:lines() do
      local thread, at = line:match("(%d+) (%d+)")
      if tonumber(thread) == id then step = tonumber(at) end
    end
    saved:close()
  end
end
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
function done()
  c.report()
  local out = os.getenv("SAVE") and io.open(os.getenv("SAVE"), "w")
  if out then
    for _, t in ipairs(c.threads) do out:write(t:get("id") .. " " .. t:get("step") .. "\n") end
    out:close()
  end
end
