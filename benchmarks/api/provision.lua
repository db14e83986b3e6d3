-- PUT .../states/provision {"target": "manage"} to every node once per pass, threads
-- interleaved; later passes are refused (400, or 409 while a node's worker holds it).
-- done() prints the counts so the final states can be checked against the 202s.
local nodes = tonumber(os.getenv("NODES") or "10000")
local stride = tonumber(os.getenv("THREADS") or "2")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads - 1)
end

function init()
  next_node = id
  accepted, refused, locked, other = 0, 0, 0, 0
end

function request()
  local node = next_node % nodes
  next_node = next_node + stride
  return wrk.format("PUT", "/v1/nodes/n" .. node .. "/states/provision",
    { ["X-OpenStack-Ironic-API-Version"] = "1.78", ["Content-Type"] = "application/json" },
    '{"target": "manage"}')
end

function response(status)
  if status == 202 then accepted = accepted + 1
  elseif status == 400 then refused = refused + 1
  elseif status == 409 then locked = locked + 1
  else other = other + 1 end
end

function done()
  local a, r, l, o = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted"); r = r + t:get("refused"); l = l + t:get("locked"); o = o + t:get("other")
  end
  io.write(string.format("answers: 202=%d 400=%d 409=%d other=%d\n", a, r, l, o))
end
