#!/usr/bin/env bash
# One page of a running TierCRM under load, signed in: the shared body of the page benchmarks
# (today-wrk.sh, book-wrk.sh, dashboard-wrk.sh, search-wrk.sh), which only pick the page and whose
# session it is. Prints ONE JSON line (p50/p95/p99 in ms, requests per second); see customer-list-wrk.sh.
#
#   scripts/bench/page-wrk.sh USER PASSWORD PATH [QUERY_PARAMETER VALUE]
#
# A query parameter given apart (q 王) is URL-encoded here, so that Chinese text reaches wrk as ASCII.
# Environment as for customer-list-wrk.sh: BASE_URL (http://127.0.0.1:8092), THREADS (2), CONNECTIONS (8),
# DURATION (30s), TIMEOUT (10s), WRK (/usr/bin/wrk).
set -euo pipefail

user=${1:?user}
password=${2:?password}
path=${3:?path}
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ge 5 ]; then
  # Every byte as %XX: valid for any text.
  value=$(printf '%s' "$5" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
  path="$path?$4=$value"
fi
exec "$here/customer-list-wrk.sh" "$user" "$password" "$path"
