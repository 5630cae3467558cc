#!/usr/bin/env bash
# The dashboard (/dashboard) under load, 8 connections by default: the head of sales' or an admin's
# overview (the company's stored aggregates), a manager's (their teams' owners) or a rep's (their own
# figures). ONE JSON line with p50/p95 in ms.
#
#   BASE_URL=http://127.0.0.1:8094 scripts/bench/dashboard-wrk.sh gen-manager01 PASSWORD
set -euo pipefail
exec "$(cd "$(dirname "$0")" && pwd)/page-wrk.sh" "${1:?user}" "${2:?password}" /dashboard
