#!/usr/bin/env bash
# Cost of the Prometheus HTTP metrics middleware (histogram + in-flight gauge) on the cheapest endpoint, GET /api/livez.
# One Release build, two servers: "on" has METRICS_TOKEN set (metrics exposed, so the middleware runs), "off" has no
# metrics setting (nothing can read them, so the middleware is not installed). Same load, alternating order; prints
# throughput, p50/p99 and the server's CPU time per request. Only the ratios of one run mean much on a shared machine.
#
#   bench/metrics.sh                          # 2 threads, 16 connections, 15 s per measurement, 3 rounds
#   THREADS=2 CONNECTIONS=16 DURATION=15s ROUNDS=3 SKIP_BUILD=1 bench/metrics.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
ROUNDS=${ROUNDS:-3}

OUT=$(mktemp -d /tmp/payroll-bench-metrics-XXXXXX)
ON_PID=
OFF_PID=
cleanup() {
  for pid in $ON_PID $OFF_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in $ON_PID $OFF_PID; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$OUT"
}
trap cleanup EXIT
log() { echo "bench: $*" >&2; }

command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null)
if [ -z "${SKIP_BUILD:-}" ]; then
  dotnet build src/Api/PayrollPortal.Api.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
fi
APP_DIR=$ROOT/src/Api/bin/Release/net10.0
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
ON_PORT=$(free_port); OFF_PORT=$(free_port)
PII_KEY="bench:$(head -c 32 /dev/urandom | base64)"
TOKEN=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')

start() { # name port extra-env...
  local name=$1 port=$2; shift 2
  mkdir -p "$OUT/$name"
  (cd "$APP_DIR" && exec env ASPNETCORE_ENVIRONMENT=Production LOG_FORMAT=json PORT="$port" PII_ENCRYPTION_KEYS="$PII_KEY" \
    DATA_DIR="$OUT/$name" DATABASE_URL="sqlite:///$OUT/$name/app.db" "$@" dotnet payroll.dll) >"$OUT/$name.log" 2>&1 &
}
start on "$ON_PORT" METRICS_TOKEN="$TOKEN"; ON_PID=$!
start off "$OFF_PORT"; OFF_PID=$!
for port in $ON_PORT $OFF_PORT; do
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/api/livez" && break; sleep 0.5; done
done
curl -s -f -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$ON_PORT/metrics" | grep -q http_request_duration_seconds_count \
  || { log "the 'on' server does not count requests"; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$OFF_PORT/metrics")" = 404 ] || { log "the 'off' server serves /metrics"; exit 1; }

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)
measure() { # name port pid duration
  local before after
  before=$(cpu_ticks "$3")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4" --latency "http://127.0.0.1:$2/api/livez" >"$OUT/wrk.txt" 2>&1
  after=$(cpu_ticks "$3")
  awk -v name="$1" -v ticks="$((after - before))" -v hz="$HZ" '
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
    /requests in/ { n = $1 }
    END { printf "%s rps=%.0f p50=%s p99=%s cpu_us_per_req=%.1f\n", name, rps, p50, p99, ticks / hz * 1e6 / n }' "$OUT/wrk.txt"
}
log "warming up ($WARMUP each)"
measure on "$ON_PORT" "$ON_PID" "$WARMUP" >/dev/null
measure off "$OFF_PORT" "$OFF_PID" "$WARMUP" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order="on off"; else order="off on"; fi
  for name in $order; do
    if [ "$name" = on ]; then measure on "$ON_PORT" "$ON_PID" "$DURATION"; else measure off "$OFF_PORT" "$OFF_PID" "$DURATION"; fi
  done
done | tee "$OUT/results.txt"
awk '{ split($2, a, "="); split($5, c, "="); sum[$1] += a[2]; cpu[$1] += c[2]; n[$1]++ }
  END { printf "ratio on/off: throughput %.3f, cpu per request %.3f\n", sum["on"] / sum["off"], cpu["on"] / cpu["off"] }' "$OUT/results.txt"
