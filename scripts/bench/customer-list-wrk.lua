-- wrk script for customer-list-wrk.sh: sends the session cookie with every request and
-- prints ONE JSON line with latency percentiles (ms), throughput and errors.
local cookie = os.getenv("WRK_COOKIE")

wrk.headers["Cookie"] = cookie
wrk.headers["Accept"] = "text/html"

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    '{"path":"%s","requests":%d,"seconds":%.1f,"throughputPerSecond":%.1f,'
      .. '"p50Ms":%.2f,"p95Ms":%.2f,"p99Ms":%.2f,"maxMs":%.2f,"non2xx":%d,"socketErrors":%d}\n',
    wrk.path, summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status, errors))
end
