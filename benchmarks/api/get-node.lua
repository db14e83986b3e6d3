-- GET /v1/nodes/{name} for random nodes n0..n(N-1); N from the NODES environment variable.
-- wrk reports any answer that is not 2xx as "Non-2xx or 3xx responses".
local nodes = tonumber(os.getenv("NODES") or "10000")

function request()
  return wrk.format("GET", "/v1/nodes/n" .. math.random(0, nodes - 1),
    { ["X-OpenStack-Ironic-API-Version"] = "1.78" })
end
