-- wrk script for bench/companies.sh: a mix of POST /api/companies (a new, unique slug each time) and
-- GET /api/companies/{id} of companies seeded before the run.
--   BENCH_IDS      comma-separated ids to read (required; the script seeds them with curl)
--   BENCH_RUN      a tag made part of every slug, so repeated runs against one database never collide
--   POST_PERCENT   share of POSTs, 0-100 (default 50); the mix is interleaved deterministically, not random
-- done() prints one "BENCH ..." line that companies.sh parses; the usual wrk report is printed too.

local thread_counter = 0

function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_id", thread_counter)
end

local ids = {}
local run_tag = os.getenv("BENCH_RUN") or "r"
local post_percent = tonumber(os.getenv("POST_PERCENT") or "50")
local counter = 0
-- Every endpoint needs a caller since identity (issue 7); the bare endpoint ignores the header.
local auth = "Bearer " .. (os.getenv("BENCH_TOKEN") or "")
local json_headers = { ["Content-Type"] = "application/json", ["Authorization"] = auth }
local read_headers = { ["Authorization"] = auth }

function init(args)
  for id in string.gmatch(os.getenv("BENCH_IDS") or "", "[^,]+") do
    ids[#ids + 1] = id
  end
  if #ids == 0 and post_percent < 100 then
    error("BENCH_IDS is empty: GETs need seeded ids")
  end
end

function request()
  counter = counter + 1
  -- Bresenham-style interleave: exactly post_percent of every 100 requests are POSTs, spread evenly.
  local is_post = math.floor(counter * post_percent / 100) ~= math.floor((counter - 1) * post_percent / 100)
  if is_post then
    -- thread_id comes from setup(); the slug is lowercase, digits and single hyphens, as the API requires.
    local slug = string.format("%s-t%d-%d", run_tag, thread_id, counter)
    local body = string.format('{"name":"Bench Company %d","slug":"%s","ein":"12-3456789"}', counter, slug)
    return wrk.format("POST", "/api/companies", json_headers, body)
  end
  return wrk.format("GET", "/api/companies/" .. ids[(counter % #ids) + 1], read_headers)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("BENCH requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f mean_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.mean / 1000,
    errors, summary.errors.status))
end
