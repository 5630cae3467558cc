#!/usr/bin/env bash
# A rep's Today page (/today) under load, 8 connections by default: ONE JSON line with p50/p95 in ms.
#
#   BASE_URL=http://127.0.0.1:8094 scripts/bench/today-wrk.sh gen-rep001 PASSWORD
set -euo pipefail
exec "$(cd "$(dirname "$0")" && pwd)/page-wrk.sh" "${1:?user}" "${2:?password}" /today
