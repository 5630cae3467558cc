#!/usr/bin/env bash
# Measures one customer list page of a running TierCRM under load: logs in with curl to
# get a session, then runs wrk (2 threads, 8 connections, 30 s by default) against the
# page and prints ONE JSON line with p50/p95/p99 latency in ms and requests per second.
#
#   scripts/bench/customer-list-wrk.sh USER PASSWORD '/customers?tier=ABC:A&sort=MONETARY_DESC'
#
# Environment: BASE_URL (http://127.0.0.1:8092), THREADS (2), CONNECTIONS (8),
# DURATION (30s), TIMEOUT (10s: slower answers count as socket errors, not in the latencies),
# WRK (/usr/bin/wrk). A non-zero "non2xx" means the session was not
# accepted or the page failed: the figures are then worthless.
set -euo pipefail

user=${1:?user}
password=${2:?password}
path=${3:-/customers}
base=${BASE_URL:-http://127.0.0.1:8092}
here=$(cd "$(dirname "$0")" && pwd)
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

# The login form carries a CSRF token bound to the session that served it.
token=$(curl -fsS -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" \
  --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "$base/login"
# The session cookie is SESSION with Spring Session (the default), JSESSIONID without.
session=$(awk '$6 == "SESSION" || $6 == "JSESSIONID" { print $6 "=" $7 }' "$jar" | tail -1)
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$session" "$base$path")
if [ "$status" != "200" ]; then
  echo "{\"error\":\"$path answered $status after logging in as $user\"}" >&2
  exit 1
fi

WRK_COOKIE="$session" "${WRK:-/usr/bin/wrk}" -t "${THREADS:-2}" -c "${CONNECTIONS:-8}" \
  -d "${DURATION:-30s}" --timeout "${TIMEOUT:-10s}" --latency -s "$here/customer-list-wrk.lua" "$base$path" | grep '^{'
