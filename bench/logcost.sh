#!/usr/bin/env bash
# Process CPU per console log line: the framework's console writer against BatchingConsoleLoggerProvider, same JSON
# formatter, one line every GAP_US of busy work (the server's rate at ~5,000 req/s on 2 cores), alternating, ROUNDS times.
#   bench/logcost.sh                 # LINES=20000 GAP_US=200 ROUNDS=2
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-20000}
GAP_US=${GAP_US:-200}
ROUNDS=${ROUNDS:-2}
[ -n "${SKIP_BUILD:-}" ] || dotnet build bench/LogCost -c Release -nologo -v quiet -clp:ErrorsOnly >&2
BIN=bench/LogCost/bin/Release/net10.0/log-cost
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
for round in $(seq "$ROUNDS"); do
  for writer in none framework batching; do
    "$BIN" "$writer" "$LINES" "$GAP_US" 2>&1 >/dev/null | sed "s/^/round $round /"
  done
done
