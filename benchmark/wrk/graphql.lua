-- wrk script: POSTs one GraphQL document with a parameter that varies per request, and counts
-- what wrk alone does not: non-2xx answers and 200 answers carrying GraphQL "errors".
--
-- Configured through the environment (benchmark/run.sh sets it):
--   BENCH_DOCUMENT    file with the GraphQL document
--   BENCH_DOCUMENT_2  second document (Q6: resume), sent on the odd passes over the pool
--   BENCH_PARAM       range | month | pool | none   how the variable is drawn (none: a fixed
--                     document without variables, e.g. the aggregate questions)
--   BENCH_VARIABLE    the variable's name in the document (month: $from and $to)
--   BENCH_LOW, BENCH_HIGH   inclusive bounds for range and month
--   BENCH_POOL        file with one state id per line (pool), split between the threads
--   BENCH_THREADS     wrk's -t, so each thread takes its own slice of the pool
--   BENCH_SEED        base seed; thread n draws from BENCH_SEED + n, so runs repeat exactly
--   BENCH_TOKEN       bearer token; sent as Authorization when not empty

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_number", thread_count)
  table.insert(threads, thread)
end

local function read_file(path)
  local file = assert(io.open(path, "r"))
  local text = file:read("*a")
  file:close()
  return text
end

-- A JSON string literal: the documents hold only quotes, backslashes and newlines to escape.
local function json_string(text)
  text = text:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n'):gsub('\r', ''):gsub('\t', ' ')
  return '"' .. text .. '"'
end

local function body_prefix(path)
  return '{"query":' .. json_string(read_file(path)) .. ',"variables":{'
end

local prefixes, headers, param, variable, low, high, pool
local sent = 0
local checked_by_wrk = false

-- Counters read by done() through thread:get; plain globals of each thread's Lua state.
ok = 0
non2xx = 0
graphql_errors = 0
first_error = ""

function init(args)
  math.randomseed(tonumber(os.getenv("BENCH_SEED") or "42") + thread_number)
  prefixes = { body_prefix(os.getenv("BENCH_DOCUMENT")) }
  local second = os.getenv("BENCH_DOCUMENT_2")
  if second and second ~= "" then prefixes[2] = body_prefix(second) end
  headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
  local token = os.getenv("BENCH_TOKEN")
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  param = os.getenv("BENCH_PARAM") or "range"
  variable = os.getenv("BENCH_VARIABLE") or "id"
  low = tonumber(os.getenv("BENCH_LOW") or "1")
  high = tonumber(os.getenv("BENCH_HIGH") or "1")
  if param == "pool" then
    local thread_total = tonumber(os.getenv("BENCH_THREADS") or "1")
    pool = {}
    local line_number = 0
    for line in io.lines(os.getenv("BENCH_POOL")) do
      if line:match("%d") then
        -- Disjoint slices: no two threads ever touch the same state.
        if line_number % thread_total == thread_number - 1 then table.insert(pool, line:match("%d+")) end
        line_number = line_number + 1
      end
    end
    assert(#pool > 64, "pool too small for 16 connections")
  end
end

-- Months are numbered year * 12 + month - 1; BENCH_LOW and BENCH_HIGH bound them.
local function month_variables()
  local month = math.random(low, high)
  local from_year, from_month = math.floor(month / 12), month % 12 + 1
  local to_year, to_month = from_year, from_month + 1
  if to_month == 13 then to_year, to_month = to_year + 1, 1 end
  return string.format('"from":"%04d-%02d-01T00:00:00Z","to":"%04d-%02d-01T00:00:00Z"',
    from_year, from_month, to_year, to_month)
end

function request()
  local prefix = prefixes[1]
  local variables
  if param == "none" then
    variables = ""
  elseif param == "month" then
    variables = month_variables()
  elseif param == "pool" then
    -- Walk the slice in passes: even passes pause every state, odd passes resume them. A state
    -- comes back only after the whole slice (hundreds of requests) has been sent, long after
    -- its previous mutation (at most 8 in flight per thread) has been answered.
    -- wrk 4.1 calls request() once on the first thread before connecting, to check what it
    -- returns, and never sends that request (checked against a logging HTTP server); if that call
    -- took a pool slot, the first state would never be paused and its resume would be refused.
    if thread_number == 1 and not checked_by_wrk then
      checked_by_wrk = true
      return wrk.format("POST", "/graphql", headers, prefix .. '"' .. variable .. '":"' .. pool[1] .. '"}}')
    end
    local index = sent % #pool + 1
    local pass = math.floor(sent / #pool)
    if pass % 2 == 1 then prefix = prefixes[2] end
    variables = '"' .. variable .. '":"' .. pool[index] .. '"'
  else
    variables = '"' .. variable .. '":"' .. math.random(low, high) .. '"'
  end
  sent = sent + 1
  return wrk.format("POST", "/graphql", headers, prefix .. variables .. "}}")
end

function response(status, response_headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_error == "" then first_error = status .. " " .. body:sub(1, 300) end
  elseif body:find('"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
    if first_error == "" then first_error = body:sub(1, 300) end
  else
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local totals = { ok = 0, non2xx = 0, graphql_errors = 0 }
  local sample = ""
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do totals[name] = totals[name] + (thread:get(name) or 0) end
    local error_text = thread:get("first_error")
    if sample == "" and error_text and error_text ~= "" then sample = error_text end
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f "
      .. "ok=%d non2xx=%d graphql_errors=%d socket_errors=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, totals.ok, totals.non2xx, totals.graphql_errors, socket, summary.errors.timeout))
  if sample ~= "" then io.write("FIRST_ERROR " .. sample:gsub("\n", " ") .. "\n") end
end
