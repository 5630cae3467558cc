#!/usr/bin/env bash
# The global search (/search?q=...) under load, 8 connections by default, for one fragment: ONE JSON line
# with p50/p95 in ms.
#
#   BASE_URL=http://127.0.0.1:8094 scripts/bench/search-wrk.sh admin PASSWORD 王
set -euo pipefail
exec "$(cd "$(dirname "$0")" && pwd)/page-wrk.sh" "${1:?user}" "${2:?password}" /search q "${3:?fragment}"
