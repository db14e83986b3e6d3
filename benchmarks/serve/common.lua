-- Shared by the scripts here: the node UUIDs from $UUIDS (one a line, written by run.sh),
-- the microversion header, and a per-thread random seed so threads do not ask the same nodes.
local M = {}

function M.uuids()
  local list = {}
  for line in io.lines(os.getenv("UUIDS")) do list[#list + 1] = line end
  return list
end

M.headers = { ["X-OpenStack-Ironic-API-Version"] = os.getenv("MICROVERSION") or "1.78" }
-- AUTHORIZATION=... (e.g. "Basic dXNlcjpzZWNyZXQ=") is sent with every request, for --auth http_basic.
if os.getenv("AUTHORIZATION") then M.headers["Authorization"] = os.getenv("AUTHORIZATION") end

local threads = {}
M.threads = threads
function M.setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads - 1)
end

-- wrk counts non-2xx answers itself; statuses() adds the count of each status for the write mix.
function M.count(status)
  counts[status] = (counts[status] or 0) + 1
end

function M.report()
  local total = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("counts")) do total[status] = (total[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(total) do parts[#parts + 1] = status .. "=" .. n end
  table.sort(parts)
  io.write("answers: " .. table.concat(parts, " ") .. "\n")
end

return M
