#!/usr/bin/env bash
# Payroll figures for bench/README.md ("Payrolls"), on PostgreSQL:
#   - a 5,000-line payroll posted through the API of the Release `payroll` server, against a raw Npgsql binary COPY of the
#     same 5,000 rows into payroll_lines and the same rows as batched multi-row INSERTs, alternated in one run (target: API
#     at most 3x the COPY);
#     It ends that part with one line, PASS or REGRESSION, for the ratio of the medians against the 3x target, with the
#     server's CPU time per post beside it (steadier than wall time on a shared machine);
#   - 50-line payrolls posted by concurrent clients: throughput, p50/p90/p99.
# Usage: bench/payrolls.sh [RUNS] [CLIENTS] [PER_CLIENT]   (defaults 5, 8, 40); WARMUP=3 posts first, printed, not counted.
#        bench/payrolls.sh kr [PAIRS]   (default 40): only a kr 50-line monthly payroll POST against a us-federal one, alternated
#        one at a time on the same server (bench/README.md "kr regime"). Uses TEST_POSTGRES_URL if set, else starts a
# throwaway cluster. Builds src/Api and bench/PayrollLoad in Release. Prints Markdown tables to paste into bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=
if [ "${1:-}" = kr ]; then
  MODE=kr
  PAIRS=${2:-40}
  shift $(( $# > 1 ? 2 : 1 ))
fi
RUNS=${1:-5}
CLIENTS=${2:-8}
PER_CLIENT=${3:-40}
DLL=$ROOT/src/Api/bin/Release/net10.0/payroll.dll
LOAD=$ROOT/bench/PayrollLoad/bin/Release/net10.0/PayrollLoad.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build bench/PayrollLoad -c Release -nologo -v quiet -clp:ErrorsOnly >&2

# shellcheck source=build/postgres.sh
. build/postgres.sh
WORK=$(mktemp -d /tmp/payroll-bench-XXXXXX)
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "${STARTED_PG:-}" ] && pg_throwaway_stop
  rm -rf "$WORK"
}
trap cleanup EXIT
if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  pg_throwaway_start
  STARTED_PG=1
fi

NAME=bench_payrolls_$$
psql "$TEST_POSTGRES_URL" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $NAME" >/dev/null
DATABASE_URL="${TEST_POSTGRES_URL%/*}/$NAME"
HOSTPORT=${TEST_POSTGRES_URL#*@}; HOSTPORT=${HOSTPORT%%/*}
USERNAME=${TEST_POSTGRES_URL#*://}; USERNAME=${USERNAME%%@*}
NPGSQL="Host=${HOSTPORT%:*};Port=${HOSTPORT#*:};Username=$USERNAME;Database=$NAME"
PORT=$(pg_free_port)

# A 5,000-line payroll is about 0.9 MiB of JSON with these amounts, close to the 1 MiB default body limit: raised here.
# shellcheck source=bench/auth.sh
. bench/auth.sh
# shellcheck disable=SC2046 # bench_admin_env prints NAME=value words
env $(bench_admin_env) DATABASE_URL=$DATABASE_URL PORT=$PORT LOG_FORMAT=json MAX_REQUEST_BODY_BYTES=$((16 * 1024 * 1024)) \
  PII_ENCRYPTION_KEYS=$(dotnet "$DLL" pii new-key --kid bench 2>/dev/null) DATA_DIR=$WORK \
  dotnet "$DLL" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
export SERVER_PID # PayrollLoad reads the server's CPU time from /proc
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/api/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/api/readyz" >/dev/null
BENCH_TOKEN=$(bench_token "http://127.0.0.1:$PORT")
export BENCH_TOKEN

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC'); $(git rev-parse --abbrev-ref HEAD)@$(git rev-parse --short HEAD)"
if [ "$MODE" = kr ]; then
  dotnet "$LOAD" --url "http://127.0.0.1:$PORT" --database "$NPGSQL" --server-log "$WORK/server.log" --mode kr --pairs "$PAIRS"
else
  dotnet "$LOAD" --url "http://127.0.0.1:$PORT" --database "$NPGSQL" --server-log "$WORK/server.log" \
    --runs "$RUNS" --warmup "${WARMUP:-3}" --clients "$CLIENTS" --per-client "$PER_CLIENT"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
