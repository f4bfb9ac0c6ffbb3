-- wrk script for bench/idempotency.sh: POSTs a JSON body read from a file.
-- Arguments (after --): MODE PATH BODYFILE RUNID
--   MODE "replay": every request carries the same Idempotency-Key (the key was completed beforehand, so each is a replay);
--   MODE "keys":   every request carries a fresh key; MODE "none": no key.
-- The body may contain SLUG, replaced by a unique value per request (company slugs must be unique).
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  mode, path, runid = args[1], args[2], args[4]
  local file = assert(io.open(args[3], "r"))
  body = file:read("*a")
  file:close()
  counter = 0
  templated = body:find("SLUG", 1, true) ~= nil
end

function request()
  counter = counter + 1
  local unique = string.format("%s-%d-%d", runid, id, counter)
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "") }
  if mode == "replay" then
    headers["Idempotency-Key"] = "bench-replay-" .. runid
  elseif mode == "keys" then
    headers["Idempotency-Key"] = "bench-" .. unique
  end
  local payload = body
  if templated then
    payload = body:gsub("SLUG", "s" .. unique)
  end
  return wrk.format("POST", path, headers, payload)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f mean_ms=%.2f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / seconds, latency.mean / 1000, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
