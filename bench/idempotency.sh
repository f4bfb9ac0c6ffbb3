#!/usr/bin/env bash
# Idempotency figures for bench/README.md ("Idempotency"), against the real server (Release build) with wrk:
#   1. replay vs execution of a 50-line payroll post (same endpoint, same body; replays reuse one completed key);
#   2. write throughput with a fresh Idempotency-Key per request vs without, on POST /api/companies (the cheapest write,
#      so the worst case for the key's relative cost) and on the 50-line payroll post.
# Usage: [ROUNDS=N] [WARMUP_SECONDS=5] [SKIP_REPLAY=1] bench/idempotency.sh [sqlite|postgres] [SECONDS] [CONNECTIONS]   (defaults: sqlite 10 8)
#   PROFILE=/tmp/idem: CPU-sample the server (`perf record -e cpu-clock`, JIT symbols from DOTNET_PerfMapEnabled=1) during
#   each measurement of round 1 into /tmp/idem.<name> (e.g. /tmp/idem.payroll-with-key); bench/perf-by-assembly.sh reads them.
#   DATABASE_URL_QUERY='Max%20Auto%20Prepare=64': options for the server's PostgreSQL DATABASE_URL.
#   PROFILE_ALL=1 samples the whole machine instead (PostgreSQL included: `perf report --sort comm,dso,sym`).
# postgres uses TEST_POSTGRES_URL if set, else starts a throwaway cluster (fsync off: relative figures only).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PROVIDER=${1:-sqlite}
SECONDS_PER_RUN=${2:-10}
CONNECTIONS=${3:-8}
DLL=${PAYROLL_DLL:-$ROOT/src/Api/bin/Release/net10.0/payroll.dll}  # PAYROLL_DLL: another build, for before/after runs
LUA=${IDEMPOTENCY_BENCH_LUA:-$ROOT/bench/idempotency/post.lua}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v wrk >/dev/null || { echo "bench/idempotency.sh: needs wrk (apt-get install -y wrk)" >&2; exit 2; }
[ -f "$DLL" ] || dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2

WORK=$(mktemp -d /tmp/payroll-bench-idem-XXXXXX)
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [ -n "${DB_NAME:-}" ] && psql "$TEST_POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1
  [ "${STARTED_PG:-0}" = 1 ] && pg_throwaway_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$PROVIDER" = postgres ]; then
  # shellcheck source=build/postgres.sh
  . build/postgres.sh
  if [ -z "${TEST_POSTGRES_URL:-}" ]; then pg_throwaway_start >&2; STARTED_PG=1; fi
  DB_NAME=bench_idem_$$
  psql "$TEST_POSTGRES_URL" -qc "CREATE DATABASE $DB_NAME" >/dev/null
  PG_DB_URL=$(python3 -c "import sys,urllib.parse as u; print(u.urlunsplit(u.urlsplit(sys.argv[1])._replace(path='/$DB_NAME')))" "$TEST_POSTGRES_URL")
  DATABASE_URL=$(python3 -c "import sys,urllib.parse as u; p=u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path='/$DB_NAME', query=sys.argv[2])))" "$TEST_POSTGRES_URL" "${DATABASE_URL_QUERY:-}")
else
  DATABASE_URL=sqlite:///$WORK/app.db
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
# shellcheck source=bench/auth.sh
. "$ROOT/bench/auth.sh"
# shellcheck disable=SC2046 # bench_admin_env prints NAME=value words
env $(bench_admin_env) ${PROFILE:+DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0} DATABASE_URL="$DATABASE_URL" ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production LOG_FORMAT=json \
    Logging__LogLevel__Default=Warning PII_ENCRYPTION_KEYS="bench:$(head -c 32 /dev/urandom | base64)" \
    dotnet "$DLL" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do curl -sf "$BASE/api/readyz" >/dev/null && break; sleep 0.1; done
curl -sf "$BASE/api/readyz" >/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
BENCH_TOKEN=$(bench_token "$BASE")
export BENCH_TOKEN

post() { curl -sf -X POST "$BASE$1" -H 'content-type: application/json' -H "Authorization: Bearer $BENCH_TOKEN" "${@:3}" -d "$2"; }
COMPANY=$(post /api/companies '{"name":"Bench","slug":"bench"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
EMPLOYEES=()
for i in $(seq 1 50); do
  EMPLOYEES+=("$(post "/api/companies/$COMPANY/employees" \
    "{\"firstName\":\"E$i\",\"lastName\":\"Bench\",\"ssn\":\"123-45-$((6000 + i))\",\"hireDate\":\"2024-01-01\",\"payFrequency\":\"monthly\",\"w4\":{\"version\":\"2020\",\"filingStatus\":\"married_filing_jointly\",\"step2Checkbox\":true}}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')")
done
python3 - "$WORK/payroll.json" "${EMPLOYEES[@]}" <<'PY'
import json, sys
lines = [{"employeeId": e, "grossWages": 4000 + i * 37.5, "preTaxDeductions": {"retirement": 200}} for i, e in enumerate(sys.argv[2:])]
json.dump({"periodStart": "2026-03-01", "periodEnd": "2026-03-31", "payDate": "2026-04-03", "payFrequency": "monthly", "lines": lines},
          open(sys.argv[1], "w"))
PY
echo '{"name":"Bench company","slug":"SLUG"}' >"$WORK/company.json"
PAYROLLS=/api/companies/$COMPANY/payrolls
RUN=$(date +%s)
# The key the replay run reuses (post.lua names it bench-replay-<its run id>), completed once before any run.
for ROUND in $(seq 1 "${ROUNDS:-1}"); do
  post "$PAYROLLS" "@$WORK/payroll.json" -H "Idempotency-Key: bench-replay-$RUN-payroll-replay-$ROUND" -o /dev/null
done

HZ=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
# PostgreSQL's CPU too (its backends and background processes, exited children included), when the cluster is local and
# its data directory known (the throwaway cluster's): the database does its share of a key's work on the same cores.
PG_POSTMASTER=$( [ "$PROVIDER" = postgres ] && [ -n "${PG_THROWAWAY_DIR:-}" ] && head -1 "$PG_THROWAWAY_DIR/data/postmaster.pid" 2>/dev/null || true)
pg_ticks() { # children first: one that exits in between is then counted twice (rare, small) rather than lost
  [ -n "$PG_POSTMASTER" ] || { echo 0; return; }
  { for child in $(cat "/proc/$PG_POSTMASTER/task/$PG_POSTMASTER/children" 2>/dev/null); do cat "/proc/$child/stat" 2>/dev/null || true; done
    cat "/proc/$PG_POSTMASTER/stat"
  } | awk -v pm="$PG_POSTMASTER" '{ t += $14 + $15; if ($1 == pm) t += $16 + $17 } END { print t + 0 }'
}
# Each line: the wrk figures plus the server's CPU time per request (user + system, from /proc/PID/stat), which depends
# far less on what else the shared machine is doing than throughput does.
run() { # NAME MODE PATH BODY
  local before after tracer=
  if [ -n "${PROFILE:-}" ] && [ "$ROUND" = 1 ]; then
    perf record -e cpu-clock -F 999 -g $([ -n "${PROFILE_ALL:-}" ] && echo -a || echo -p "$SERVER_PID") -o "$PROFILE.$1" -- sleep "$SECONDS_PER_RUN" >"$WORK/perf.log" 2>&1 &
    tracer=$!
  fi
  before=$(cpu_ticks); pg_before=$(pg_ticks)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 30s -s "$LUA" "$BASE" -- "$2" "$3" "$4" "$RUN-$1-$ROUND" >"$WORK/wrk.txt"
  after=$(cpu_ticks); pg_after=$(pg_ticks)
  if [ -n "$tracer" ]; then wait "$tracer" || echo "perf record failed: $(tail -3 "$WORK/perf.log")" >&2; fi
  grep -E '^(RESULT|NON2XX)' "$WORK/wrk.txt" | sed "s/^RESULT/$1/" | awk -v ticks="$((after - before))" -v pg="$((pg_after - pg_before))" -v hz="$HZ" '
    { for (i = 2; i <= NF; i++) if ($i ~ /^requests=/) { split($i, r, "="); n = r[2] }
      printf "%s cpu_us_per_req=%.0f pg_cpu_us_per_req=%.0f\n", $0, (n > 0 ? ticks / hz * 1e6 / n : 0), (n > 0 ? pg / hz * 1e6 / n : 0) }'
}
# Then the measured runs. ROUNDS (default 1) repeats the comparisons; even rounds run each pair in
# the opposite order, so a change in the machine's load does not always fall on the same variant.
# Every variant is warmed up, not only the first: under load the JIT's tier-1 recompilation of a path lags for seconds, and
# a variant measured on tier-0 code pays for it in throughput and in CPU per request (seen in a perf profile).
for mode in keys none; do
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS:-5}s" -s "$LUA" "$BASE" -- $mode "$PAYROLLS" "$WORK/payroll.json" "$RUN-warm-$mode" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS:-5}s" -s "$LUA" "$BASE" -- $mode /api/companies "$WORK/company.json" "$RUN-warm-$mode" >/dev/null
done
[ -n "${SKIP_REPLAY:-}" ] || wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS:-5}s" -s "$LUA" "$BASE" -- replay "$PAYROLLS" "$WORK/payroll.json" "$RUN-payroll-replay-1" >/dev/null
# The warm-ups wrote thousands of payrolls: let PostgreSQL's autovacuum catch up now rather than inside one measurement.
if [ "$PROVIDER" = postgres ]; then psql "$PG_DB_URL" -qc "VACUUM ANALYZE" >/dev/null; fi
echo "provider=$PROVIDER seconds=$SECONDS_PER_RUN connections=$CONNECTIONS rounds=${ROUNDS:-1} load=$(cut -d' ' -f1-3 /proc/loadavg)"
pair() { # NAME PATH BODY
  if [ $((ROUND % 2)) = 1 ]; then
    run "$1-without-key" none "$2" "$3"; run "$1-with-key" keys "$2" "$3"
  else
    run "$1-with-key" keys "$2" "$3"; run "$1-without-key" none "$2" "$3"
  fi
}
for ROUND in $(seq 1 "${ROUNDS:-1}"); do
  if [ -z "${SKIP_REPLAY:-}" ]; then
    run payroll-execute keys "$PAYROLLS" "$WORK/payroll.json"
    run payroll-replay replay "$PAYROLLS" "$WORK/payroll.json"
  fi
  pair company /api/companies "$WORK/company.json"
  pair payroll "$PAYROLLS" "$WORK/payroll.json"
done | tee "$WORK/results.txt"
# Per endpoint, over all rounds: throughput lost to keys, and the CPU each keyed request costs on top.
awk '{ split($2, a, "="); split($3, r, "="); for (i = 2; i <= NF; i++) { split($i, c, "=")
         if (c[1] == "cpu_us_per_req") cpu[$1] += c[2] * a[2]; if (c[1] == "pg_cpu_us_per_req") pg[$1] += c[2] * a[2] }
       rps[$1] += r[2]; reqs[$1] += a[2] }
  END { for (e in rps) if (e ~ /-with-key$/) { base = e; sub(/-with-key$/, "-without-key", base)
          if (rps[base] > 0) printf "%s: keys cost %.1f %% of throughput, cpu per request %.0f vs %.0f us (+%.1f %%), postgres %.0f vs %.0f us\n",
            substr(e, 1, length(e) - 9), 100 * (1 - rps[e] / rps[base]), cpu[e] / reqs[e], cpu[base] / reqs[base],
            100 * (cpu[e] / reqs[e] / (cpu[base] / reqs[base]) - 1), pg[e] / reqs[e], pg[base] / reqs[base] } }' "$WORK/results.txt"
