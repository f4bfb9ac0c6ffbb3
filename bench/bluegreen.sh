#!/usr/bin/env bash
# Blue/green figures for bench/README.md ("Blue/green switch"), on PostgreSQL, with the Release `payroll` server:
#   - p99 latency of the switch's traffic from the switch to blue's exit, beside the steady-state p99 of the same run
#     (blue warmed up, before the kill -9): `payroll drill --blue-green` on demo data, RUNS times (target: at most 3x);
#   - read throughput of one instance against two behind HAProxy (wrk, GET /api/companies/{id}); on this 2-core machine,
#     shared by app, PostgreSQL, HAProxy and wrk, the comparison is not meaningful, and is recorded as such.
# Usage: bench/bluegreen.sh [RUNS] (default 3). DURATION=15s CONNECTIONS=16 for the wrk part; SKIP_THROUGHPUT=1 skips it.
# Uses TEST_POSTGRES_URL if set, else starts a throwaway cluster. Needs haproxy (apt-get install haproxy) and wrk for the
# second part (installed from apt when missing and root). Prints Markdown rows to paste into bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-3}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
DLL=$ROOT/src/Api/bin/Release/net10.0/payroll.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -n "${SKIP_BUILD:-}" ] || dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2

# shellcheck source=bench/server.sh
. bench/server.sh
bench_database bench_bluegreen_$$
PII=$(dotnet "$DLL" pii new-key --kid bench 2>/dev/null)
export PII_ENCRYPTION_KEYS=$PII
dotnet "$DLL" migrate up >/dev/null
dotnet "$DLL" seed-demo >/dev/null

bench_machine_line
echo
echo "| run | requests | sent again | failed | steady p99 (samples) | switch p99 (samples, window) | ratio | load after |"
echo "|---|---|---|---|---|---|---|---|"
for run in $(seq 1 "$RUNS"); do
  dotnet "$DLL" drill --blue-green --report "$WORK/drill-$run.json" >"$WORK/drill-$run.log" 2>&1 || { cat "$WORK/drill-$run.log" >&2; exit 1; }
  /usr/bin/python3 - "$WORK/drill-$run.json" "$run" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, re, sys
report = json.load(open(sys.argv[1]))
step = next(s for s in report["steps"] if s["name"] == "blue/green switch")
d = step["detail"]
m = re.search(r"(\d+) request\(s\), (\d+) sent again, (\d+) replayed, (\d+) failed; (\d+) acknowledged payroll\(s\); p99 (\d+) ms steady \((\d+) samples\), (\d+) ms from the switch to blue's exit \((\d+) samples, ([\d.]+) s\)", d)
req, again, replayed, failed, acked, steady, ssamples, switch, wsamples, window = m.groups()
ratio = int(switch) / max(1, int(steady))
print(f"| {sys.argv[2]} | {req} | {again} | {failed} | {steady} ms ({ssamples}) | {switch} ms ({wsamples}, {window} s) | {ratio:.1f}x | {sys.argv[3]} |")
PY
done

[ -n "${SKIP_THROUGHPUT:-}" ] && exit 0
if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "bluegreen.sh: wrk is missing and we are not root" >&2; exit 1; }
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null 2>&1
fi

# One instance (bench_server_start), then a second on the same database behind HAProxy: the same wrk read load on both.
bench_server_start PAYROLL_ENFORCE_MIGRATIONS=1 PII_ENCRYPTION_KEYS="$PII"
COMPANY=$(curl -sf -H "Authorization: Bearer $BENCH_TOKEN" "$BASE_URL/api/companies?limit=1" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)
PORT2=$(pg_free_port)
# shellcheck disable=SC2046
env $(bench_admin_env) DATABASE_URL="$DATABASE_URL" PORT="$PORT2" LOG_FORMAT=json PAYROLL_ENFORCE_MIGRATIONS=1 \
  PII_ENCRYPTION_KEYS="$PII" DATA_DIR="$WORK/second" dotnet "$DLL" >"$WORK/server2.log" 2>&1 &
SECOND_PID=$!
LB_PORT=$(pg_free_port)
cat >"$WORK/haproxy.cfg" <<CFG
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    option forwardfor
frontend web
    bind 127.0.0.1:$LB_PORT
    default_backend app
backend app
    balance roundrobin
    option httpchk
    http-check send meth GET uri /api/readyz
    default-server inter 500ms fall 2 rise 1
    server one 127.0.0.1:$PORT check
    server two 127.0.0.1:$PORT2 check
CFG
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
LB_PID=$!
trap 'kill $SECOND_PID $LB_PID 2>/dev/null || true; bench_cleanup' EXIT
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$PORT2/api/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
sleep 2 # HAProxy's first checks (rise 1, every 500 ms)
measure() { # url -> "requests/s p99"
  wrk -t2 -c"$CONNECTIONS" -d5s --latency -H "Authorization: Bearer $BENCH_TOKEN" "$1/api/companies/$COMPANY" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $BENCH_TOKEN" "$1/api/companies/$COMPANY" \
    | awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} END {print rps, p99}'
}
read -r ONE_RPS ONE_P99 <<<"$(measure "$BASE_URL")"
read -r TWO_RPS TWO_P99 <<<"$(measure "http://127.0.0.1:$LB_PORT")"
echo
echo "| setup (NOT meaningful on 2 shared cores) | requests/s | p99 | load after |"
echo "|---|---|---|---|"
echo "| one instance, direct | $ONE_RPS | $ONE_P99 | $(cut -d' ' -f1-3 /proc/loadavg) |"
echo "| two instances behind HAProxy | $TWO_RPS | $TWO_P99 | $(cut -d' ' -f1-3 /proc/loadavg) |"
