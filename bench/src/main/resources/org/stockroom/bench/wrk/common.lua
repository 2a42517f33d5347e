-- What every operation's script shares (WrkLoad puts this file before the operation's own).
-- Arguments after "--": api base path, products, locations, run id, expected status.
-- The bearer token comes from the environment (STOCKROOM_BENCH_TOKEN), never from the command line.

local threads = {}
local next_thread_id = 1

-- Runs in the main Lua state, once per thread before it starts: give each its own id.
function setup(thread)
   thread:set("id", next_thread_id)
   next_thread_id = next_thread_id + 1
   table.insert(threads, thread)
end

-- Runs in each thread's own Lua state.
function init(args)
   api = args[1]
   products = tonumber(args[2])
   locations = tonumber(args[3])
   run_id = args[4]
   expected_status = tonumber(args[5])
   errors = 0
   sent = 0
   -- Each thread has a Lua state of its own, seeded alike unless told otherwise.
   math.randomseed(os.time() * 1000 + id)
   headers = {["Authorization"] = "Bearer " .. os.getenv("STOCKROOM_BENCH_TOKEN")}
end

function random_sku()
   return string.format("SKU-%08d", math.random(1, products))
end

function random_location()
   return string.format("LOC-%02d", math.random(1, locations))
end

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

-- base64url without padding, as HttpLoad.cursor (arithmetic only: LuaJIT and plain Lua alike).
function base64url(text)
   local out = {}
   for i = 1, #text, 3 do
      local a, b, c = text:byte(i, i + 2)
      local n = a * 65536 + (b or 0) * 256 + (c or 0)
      local chars = 2 + (b and 1 or 0) + (c and 1 or 0)
      for k = 1, chars do
         local shift = 2 ^ (6 * (4 - k))
         local index = math.floor(n / shift) % 64
         table.insert(out, alphabet:sub(index + 1, index + 1))
      end
   end
   return table.concat(out)
end

function get(path)
   return wrk.format("GET", api .. path, headers)
end

-- Anything but the expected status is an error (wrk itself counts only >= 400).
function response(status, response_headers, body)
   if status ~= expected_status then
      errors = errors + 1
   end
end

-- Runs in the main Lua state after the threads have stopped: one line for WrkLoad to parse.
function done(summary, latency, requests)
   local status_errors = 0
   for _, thread in ipairs(threads) do
      status_errors = status_errors + thread:get("errors")
   end
   local e = summary.errors
   io.write(string.format(
      "stockroom-wrk requests=%d status_errors=%d socket_errors=%d timeouts=%d duration_us=%d p50_us=%d p99_us=%d\n",
      summary.requests, status_errors, e.connect + e.read + e.write, e.timeout, summary.duration,
      latency:percentile(50), latency:percentile(99)))
end
