#!/usr/bin/env bash
# Measures the dashboard of a running TierCRM with wrk and prints one JSON line:
# {"path":"/dashboard","requests":…,"throughput":…,"p50":…,"p95":…,"p99":…,"errors":…} (milliseconds).
#
#   crm-app/src/test/bench/dashboard-wrk.sh [base-url] [username] [password]
#
# Defaults: http://localhost:8080, admin, $TIERCRM_BENCH_PASSWORD. It logs in through the form (CSRF token and
# session cookie with curl), checks that the page renders for that session, warms up, then runs wrk with
# WRK_THREADS (2), WRK_CONNECTIONS (4) and WRK_DURATION (30s). DASHBOARD_PATH picks another page.
set -euo pipefail

base="${1:-http://localhost:8080}"
user="${2:-admin}"
password="${3:-${TIERCRM_BENCH_PASSWORD:?set TIERCRM_BENCH_PASSWORD or pass the password}}"
path="${DASHBOARD_PATH:-/dashboard}"
here="$(cd "$(dirname "$0")" && pwd)"
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
token="$(curl -fsS -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)"
[ -n "$token" ] || { echo "no CSRF token on $base/login" >&2; exit 1; }
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$token" "$base/login"
cookie="$(awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$jar")"
[ -n "$cookie" ] || { echo "login failed: no session cookie" >&2; exit 1; }
status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")"
[ "$status" = 200 ] || { echo "$path answered $status for $user (wrong password?)" >&2; exit 1; }

export DASHBOARD_COOKIE="$cookie" DASHBOARD_PATH="$path"
wrk -t "${WRK_THREADS:-2}" -c "${WRK_CONNECTIONS:-4}" -d 5s -s "$here/dashboard-wrk.lua" "$base" >/dev/null
wrk -t "${WRK_THREADS:-2}" -c "${WRK_CONNECTIONS:-4}" -d "${WRK_DURATION:-30s}" --latency -s "$here/dashboard-wrk.lua" \
  "$base" | grep '^{'
