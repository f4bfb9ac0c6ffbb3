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

# shellcheck source=bench/server.sh
. bench/server.sh
bench_database bench_runs_$$
# The explicit 10,000-line payroll is about 2 MiB of JSON, over the 1 MiB default body limit: raised here.
bench_server_start MAX_REQUEST_BODY_BYTES=$((32 * 1024 * 1024))

bench_machine_line
dotnet "$LOAD" --url "$BASE_URL" --database "$NPGSQL" --mode runs --employees "$EMPLOYEES" --pairs "$PAIRS" --server-pid "$SERVER_PID"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
