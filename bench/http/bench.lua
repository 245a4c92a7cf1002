-- wrk script for every bench run (read by bench/http/wrk.mjs).
--
-- 1. Reports wrk's summary as one JSON line, so nothing parses wrk's human-readable text.
-- 2. With a rate argument (`wrk ... -s bench.lua <url> -- <requests/s>`), paces the load:
--    each request waits for the next slot of a fixed schedule (one slot every 1/rate s), so the
--    offered rate stays at <rate> whatever the latency. wrk2, which does this natively and
--    corrects coordinated omission, is not packaged by Debian; this is the approximation:
--    wrk's timers have 1 ms resolution (requests due in the same millisecond leave together),
--    and wrk measures each request's latency from the moment it is written, so a request sent
--    late because the server stalled is not charged for the wait. At half of saturation the
--    schedule is kept (the run reports the rate achieved) and these effects are small.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
  typedef struct { long utime_sec; long utime_usec; long stime_sec; long stime_usec; long rest[14]; } bench_rusage;
  int getrusage(int who, bench_rusage *usage);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local interval_ms = nil
local next_slot = nil

-- wrk calls delay() before every request but each connection's first one, once it exists:
-- wrk checks for it after init(), so it is defined only when a rate was given and unpaced runs
-- pay no timer per request.
local function paced_delay()
  local now = now_ms()
  if next_slot == nil then
    next_slot = now
  end
  -- Behind schedule by more than 50 ms (a stall): catch up from there, not with a burst.
  if next_slot < now - 50 then
    next_slot = now - 50
  end
  next_slot = next_slot + interval_ms
  local wait = next_slot - now
  if wait <= 0 then
    return 0
  end
  return math.floor(wait + 0.5)
end

function init(args)
  local rate = tonumber(args[1])
  if rate ~= nil and rate > 0 then
    interval_ms = 1000 / rate
    delay = paced_delay
  end
end

-- wrk's own CPU time (user + system, all its threads), so the bench can tell its share of the
-- machine from that of the processes under test and of anything else running.
local function cpu_seconds()
  local usage = ffi.new("bench_rusage")
  ffi.C.getrusage(0, usage)
  return tonumber(usage.utime_sec) + tonumber(usage.utime_usec) / 1e6 + tonumber(usage.stime_sec) + tonumber(usage.stime_usec) / 1e6
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"durationUs":%.0f,"requests":%.0f,"bytes":%.0f,' ..
    '"errors":{"connect":%.0f,"read":%.0f,"write":%.0f,"status":%.0f,"timeout":%.0f},' ..
    '"latencyUs":{"mean":%.1f,"p50":%.0f,"p90":%.0f,"p99":%.0f,"max":%.0f},"cpuSeconds":%.3f}\n',
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, cpu_seconds()))
end
