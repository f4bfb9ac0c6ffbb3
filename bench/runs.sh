#!/usr/bin/env bash
# Run figures for bench/README.md ("Pay runs", issue 22), on PostgreSQL: starting a schedule's period (POST .../runs)
# against posting the same lines explicitly (POST .../payrolls), alternated on one Release `payroll` server (target: the
# run at most 1.5x the explicit post), with the server's peak working set over idle during each.
# Usage: bench/runs.sh [EMPLOYEES] [PAIRS]   (defaults 10000, 5). Above 10,000 employees only the run is timed (a posted
# payroll holds at most 10,000 lines). Uses TEST_POSTGRES_URL if set, else starts a throwaway cluster. Builds src/Api
# and bench/PayrollLoad in Release. Prints a Markdown table to paste into bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
EMPLOYEES=${1:-10000}
PAIRS=${2:-5}
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

NAME=bench_runs_$$
psql "$TEST_POSTGRES_URL" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $NAME" >/dev/null
DATABASE_URL="${TEST_POSTGRES_URL%/*}/$NAME"
HOSTPORT=${TEST_POSTGRES_URL#*@}; HOSTPORT=${HOSTPORT%%/*}
USERNAME=${TEST_POSTGRES_URL#*://}; USERNAME=${USERNAME%%@*}
NPGSQL="Host=${HOSTPORT%:*};Port=${HOSTPORT#*:};Username=$USERNAME;Database=$NAME"
PORT=$(pg_free_port)

# The explicit 10,000-line payroll is about 2 MiB of JSON, over the 1 MiB default body limit: raised here.
# shellcheck source=bench/auth.sh
. bench/auth.sh
# shellcheck disable=SC2046 # bench_admin_env prints NAME=value words
env $(bench_admin_env) DATABASE_URL=$DATABASE_URL PORT=$PORT LOG_FORMAT=json MAX_REQUEST_BODY_BYTES=$((32 * 1024 * 1024)) \
  PII_ENCRYPTION_KEYS=$(dotnet "$DLL" pii new-key --kid bench 2>/dev/null) DATA_DIR=$WORK \
  dotnet "$DLL" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$PORT/api/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/api/readyz" >/dev/null
BENCH_TOKEN=$(bench_token "http://127.0.0.1:$PORT")
export BENCH_TOKEN

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC'); $(git rev-parse --abbrev-ref HEAD)@$(git rev-parse --short HEAD)"
dotnet "$LOAD" --url "http://127.0.0.1:$PORT" --database "$NPGSQL" --mode runs --employees "$EMPLOYEES" --pairs "$PAIRS" --server-pid "$SERVER_PID"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
