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

# shellcheck source=bench/server.sh
. bench/server.sh
bench_database bench_payrolls_$$
# A 5,000-line payroll is about 0.9 MiB of JSON with these amounts, close to the 1 MiB default body limit: raised here.
bench_server_start MAX_REQUEST_BODY_BYTES=$((16 * 1024 * 1024))

bench_machine_line
if [ "$MODE" = kr ]; then
  dotnet "$LOAD" --url "$BASE_URL" --database "$NPGSQL" --server-log "$WORK/server.log" --mode kr --pairs "$PAIRS"
else
  dotnet "$LOAD" --url "$BASE_URL" --database "$NPGSQL" --server-log "$WORK/server.log" \
    --runs "$RUNS" --warmup "${WARMUP:-3}" --clients "$CLIENTS" --per-client "$PER_CLIENT"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
