-- wrk script for dashboard-wrk.sh: sends the session cookie and prints one JSON line with the latency
-- percentiles (milliseconds), the throughput and the errors.
local cookie = os.getenv("DASHBOARD_COOKIE")
local path = os.getenv("DASHBOARD_PATH") or "/dashboard"

request = function()
  return wrk.format("GET", path, { ["Cookie"] = cookie, ["Accept"] = "text/html" })
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format(
    '{"path":"%s","requests":%d,"seconds":%.1f,"throughput":%.1f,"p50":%.2f,"p90":%.2f,"p95":%.2f,"p99":%.2f,"max":%.2f,"errors":%d}\n',
    path, summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors))
end
