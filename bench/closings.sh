#!/usr/bin/env bash
# Closing dashboard figures for bench/README.md ("Closings"), on a throwaway PostgreSQL:
#   1,000 companies × 24 months of payrolls (one monthly payroll per company and month: the first 18 months approved and
#   closed, the last 6 with a draft every fifth company), seeded with SQL straight into the tables (the dashboard reads only
#   companies, payrolls and period_closings; posting 24,000 payrolls through the API would measure something else), then
#   GET /api/closings?from=&to= over HTTP against the statement the server ran, executed alone through Npgsql, in the same
#   run (target: the endpoint at most 2x the statement), and EXPLAIN (ANALYZE, BUFFERS) of that statement and of the
#   dashboard's one-year statement.
# Usage: bench/closings.sh [RUNS]   (default 15). Builds src/Api and bench/ClosingsLoad in Release. Prints Markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-15}
COMPANIES=${COMPANIES:-1000}
FROM=2025-01
TO=2026-12
DLL=$ROOT/src/Api/bin/Release/net10.0/payroll.dll
LOAD=$ROOT/bench/ClosingsLoad/bin/Release/net10.0/ClosingsLoad.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -z "${SKIP_BUILD:-}" ]; then
  dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2
  dotnet build bench/ClosingsLoad -c Release -nologo -v quiet -clp:ErrorsOnly >&2
fi

# Its own throwaway cluster even when TEST_POSTGRES_URL is set: the bench logs every statement of the cluster.
unset TEST_POSTGRES_URL
# shellcheck source=bench/server.sh
. bench/server.sh
NPGSQL_EXTRA="Max Auto Prepare=128" bench_database bench_closings
bench_server_start

psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -q <<SQL
INSERT INTO companies (id, name, slug, ein, created_at, updated_at)
SELECT gen_random_uuid(), 'Company ' || n, 'company-' || n, NULL, now() - interval '1 day' + n * interval '1 second', now()
FROM generate_series(1, $COMPANIES) AS n;
INSERT INTO company_regimes (company_id, regime, currency) SELECT id, 'us-federal', 'USD' FROM companies;
INSERT INTO payrolls (id, company_id, period_start, period_end, pay_date, pay_year, pay_month, pay_frequency, status,
                      needs_review, created_at, updated_at, regime)
SELECT gen_random_uuid(), c.id, d, (d + interval '1 month - 1 day')::date, (d + interval '24 days')::date,
       extract(year FROM d)::int, extract(month FROM d)::int, 'monthly',
       CASE WHEN d >= date '2026-07-01' AND c.n % 5 = 0 THEN 'draft' ELSE 'approved' END, false, now(), now(), 'us-federal'
FROM (SELECT id, row_number() OVER (ORDER BY created_at) AS n FROM companies) c
CROSS JOIN generate_series(date '2025-01-01', date '2026-12-01', interval '1 month') AS g(d);
INSERT INTO period_closings (company_id, pay_year, pay_month, closed_at, closed_by)
SELECT c.id, extract(year FROM d)::int, extract(month FROM d)::int, now(), 'bench'
FROM companies c CROSS JOIN generate_series(date '2025-01-01', date '2026-06-01', interval '1 month') AS g(d);
ANALYZE;
SQL

# The statements the server runs for the first page and the second, with their parameters, from the cluster's log.
LOG_FILE=$PG_THROWAWAY_DIR/server.log
psql "$TEST_POSTGRES_URL" -qc "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
sleep 0.5
START=$(wc -c <"$LOG_FILE")
FIRST=$(curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$PORT/api/closings?from=$FROM&to=$TO&limit=500")
MIDDLE=$(wc -c <"$LOG_FILE")
CURSOR=$(sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p' <<<"$FIRST")
curl -fsS -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$PORT/api/closings?from=$FROM&to=$TO&limit=500&cursor=$CURSOR"
SECOND=$(wc -c <"$LOG_FILE")
# The portal's dashboard asks for one year; its statement is explained too (the whole range reads every row, so there
# PostgreSQL rightly prefers a sequential scan to the index).
curl -fsS -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$PORT/api/closings?from=2026-01&to=2026-12&limit=500"
sleep 0.5
psql "$TEST_POSTGRES_URL" -qc "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
statements() { # from-byte to-byte -> one line per logged statement or DETAIL, continuation lines joined
  head -c "$2" "$LOG_FILE" | tail -c +"$(($1 + 1))" \
    | awk '/^[0-9][0-9][0-9][0-9]-/ { if (line != "") print line; line = $0; next } { line = line " " $0 } END { if (line != "") print line }' \
    | grep -E 'LOG:  (statement|execute [^:]*):|DETAIL:  parameters:' || true
}
statements "$START" "$MIDDLE" | grep -A1 'WITH months AS' | head -2 >"$WORK/first.txt"
statements "$MIDDLE" "$SECOND" | grep -A1 'WITH months AS' | head -2 >"$WORK/next.txt"
statements "$SECOND" "$(wc -c <"$LOG_FILE")" | grep -A1 'WITH months AS' | head -2 >"$WORK/year.txt"
[ -s "$WORK/first.txt" ] && [ -s "$WORK/next.txt" ] && [ -s "$WORK/year.txt" ] || { echo "closings: the closings statement is not in the log" >&2; exit 1; }

bench_machine_line
echo "statements the server ran for the first page (verbs and tables; the token lookup, then the dashboard):"
statements "$START" "$MIDDLE" | grep -v 'DETAIL:' | sed -E 's/.*LOG:  (statement|execute [^:]*): //' \
  | grep -oE '(INSERT INTO|UPDATE|DELETE FROM|FROM|JOIN) [a-z_]+|^SELECT|^WITH [a-z]+' | tr '\n' ' ' | sed 's/$/\n/' | sed 's/ \(SELECT\|WITH\)/\n  \1/g; s/^/  /'
echo
dotnet "$LOAD" --url "http://127.0.0.1:$PORT" --database "$NPGSQL" --first "$WORK/first.txt" --next "$WORK/next.txt" --year "$WORK/year.txt" \
  --from "$FROM" --to "$TO" --runs "$RUNS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
