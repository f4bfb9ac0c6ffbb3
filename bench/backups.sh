#!/usr/bin/env bash
# Backup and drill timings for bench/README.md ("Backups and the DR drill"), in one run:
#   - SQLite: `payroll backup` of a ~500 MB database against `sqlite3 src ".backup dst"`, alternated, RUNS each;
#   - PostgreSQL: `payroll backup` against a bare `pg_dump --no-owner --format=custom` of the same database, alternated, on
#     100,000 payroll lines (~90 MB) and on PG_COPIES copies of the demo payrolls (default 15000: ~540,000 lines, ~460 MB);
#   - `payroll drill` RTO on a database with 100,000 payroll lines, on both providers.
# Each timing is wall time and the CPU time (user + system) of the process and the children it waited for (pg_dump and
# pg_restore for ours), with the load average at the start of the run: on a shared machine the CPU time is the steadier figure.
# PostgreSQL server CPU (the COPY behind pg_dump, our manifest query) is not in either figure.
# Data: `payroll seed-demo` (demo-co: 12 employees, 3 payrolls of 12 lines; demo-kr: 5 employees, 14 lines), then demo-co's
# payrolls and lines copied with new ids in SQL.
# Usage: bench/backups.sh [RUNS] [SQLITE_MB] [PG_COPIES]   (defaults 3, 500, 15000). Starts a throwaway PostgreSQL unless
# TEST_POSTGRES_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-3}
SQLITE_MB=${2:-500}
PG_COPIES=${3:-15000}
DLL=$ROOT/src/Api/bin/Release/net10.0/payroll.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 LOG_FORMAT=json
export PII_ENCRYPTION_KEYS="bench:$(head -c 32 /dev/urandom | base64)"
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
[ -f "$DLL" ] || dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2

# shellcheck source=build/postgres.sh
. build/postgres.sh
WORK=$(mktemp -d /tmp/payroll-bench-backups-XXXXXX)
cleanup() { rm -rf "$WORK"; [ -n "${OWN_PG:-}" ] && pg_throwaway_stop; true; }
trap cleanup EXIT
if [ -z "${TEST_POSTGRES_URL:-}" ]; then OWN_PG=1; pg_throwaway_start; fi

# timed NAME COMMAND...: runs COMMAND (its stdout to $WORK/NAME.out) and prints "WALL CPU" in seconds.
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$WORK/$name.time" "$@" >"$WORK/$name.out"
  awk '{printf "%.2f %.2f", $1, $2 + $3}' "$WORK/$name.time"
}
# compare LABEL REFERENCE-NAME REF-TIMES OURS-TIMES: one line with both figures and the ratios.
compare() {
  python3 -c "
r, o = [float(x) for x in '$3'.split()], [float(x) for x in '$4'.split()]
print(f'$1: $2 {r[0]:.2f} s wall, {r[1]:.2f} s CPU; payroll backup {o[0]:.2f} s wall, {o[1]:.2f} s CPU; ratio {o[0]/r[0]:.2f}x wall, {o[1]/r[1]:.2f}x CPU')"
}
load() { cut -d' ' -f1 /proc/loadavg; }

# Copies the US demo company's payrolls COPIES times (new ids: the copy number in the first 8 hex digits). The copies belong
# to no pay schedule: a schedule's period has one live payroll (uq_payrolls_schedule_period), and they are bulk, not runs.
multiply_sqlite() {
  local db=$1 copies=$2 pcols lcols
  pcols=$(sqlite3 "$db" "select group_concat(name, ',') from pragma_table_info('payrolls') where name <> 'id'")
  lcols=$(sqlite3 "$db" "select group_concat(name, ',') from pragma_table_info('payroll_lines') where name <> 'payroll_id'")
  sqlite3 "$db" <<SQL
PRAGMA journal_mode=WAL;
CREATE TEMP TABLE p0 AS SELECT * FROM payrolls WHERE substr(id, 1, 4) <> '0000'
  AND company_id = (SELECT id FROM companies WHERE slug = 'demo-co');
UPDATE p0 SET pay_schedule_id = NULL;
CREATE TEMP TABLE l0 AS SELECT * FROM payroll_lines WHERE payroll_id IN (SELECT id FROM p0);
BEGIN;
INSERT INTO payrolls (id,$pcols) WITH RECURSIVE n(i) AS (SELECT ${3:-1} UNION ALL SELECT i + 1 FROM n WHERE i < ${3:-1} + $copies - 1)
  SELECT printf('%08x', n.i) || substr(p0.id, 9), $(echo "$pcols" | sed 's/\([a-z_0-9]\+\)/p0.\1/g') FROM n, p0;
INSERT INTO payroll_lines (payroll_id,$lcols) WITH RECURSIVE n(i) AS (SELECT ${3:-1} UNION ALL SELECT i + 1 FROM n WHERE i < ${3:-1} + $copies - 1)
  SELECT printf('%08x', n.i) || substr(l0.payroll_id, 9), $(echo "$lcols" | sed 's/\([a-z_0-9]\+\)/l0.\1/g') FROM n, l0;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
}

multiply_postgres() {
  local url=$1 copies=$2 pcols lcols
  pcols=$(psql "$url" -Atc "select string_agg(column_name, ',' order by ordinal_position) from information_schema.columns where table_name = 'payrolls' and column_name <> 'id'")
  lcols=$(psql "$url" -Atc "select string_agg(column_name, ',' order by ordinal_position) from information_schema.columns where table_name = 'payroll_lines' and column_name <> 'payroll_id'")
  psql "$url" -v ON_ERROR_STOP=1 -q <<SQL
CREATE TEMP TABLE p0 AS SELECT * FROM payrolls WHERE substr(id::text, 1, 4) <> '0000'
  AND company_id = (SELECT id FROM companies WHERE slug = 'demo-co');
UPDATE p0 SET pay_schedule_id = NULL;
CREATE TEMP TABLE l0 AS SELECT * FROM payroll_lines WHERE payroll_id IN (SELECT id FROM p0);
INSERT INTO payrolls (id,$pcols) SELECT (lpad(to_hex(n), 8, '0') || substr(p0.id::text, 9))::uuid, $(echo "$pcols" | sed 's/\([a-z_0-9]\+\)/p0.\1/g') FROM generate_series(1, $copies) n, p0;
INSERT INTO payroll_lines (payroll_id,$lcols) SELECT (lpad(to_hex(n), 8, '0') || substr(l0.payroll_id::text, 9))::uuid, $(echo "$lcols" | sed 's/\([a-z_0-9]\+\)/l0.\1/g') FROM generate_series(1, $copies) n, l0;
VACUUM ANALYZE;
SQL
}

payroll() { dotnet "$DLL" "$@"; }

echo "machine: $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)), $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -r); $(date -u +%Y-%m-%dT%H:%MZ); $(sqlite3 --version | cut -d' ' -f1) sqlite3; $(pg_dump --version)"

# --- SQLite ~500 MB ---
big=$WORK/big.db
DATABASE_URL=sqlite:///$big payroll seed-demo >/dev/null
start=1
while [ "$(stat -c %s "$big")" -lt $((SQLITE_MB * 1024 * 1024)) ]; do
  multiply_sqlite "$big" 4000 "$start"; start=$((start + 4000))
done
lines=$(sqlite3 "$big" "select count(*) from payroll_lines")
echo "sqlite: $(($(stat -c %s "$big") / 1048576)) MiB, $lines payroll lines"
for run in $(seq 1 "$RUNS"); do
  l=$(load); sync; ref=$(timed ref sqlite3 "$big" ".backup $WORK/sqlite3-copy.db"); rm -f "$WORK/sqlite3-copy.db"
  sync; ours=$(DATABASE_URL=sqlite:///$big timed ours dotnet "$DLL" backup --out "$WORK/sb"); rm -rf "$WORK/sb"
  compare "sqlite run $run (load $l)" "sqlite3 .backup" "$ref" "$ours"
  echo "  in-process $(sed -n 's/^backup: .*, \([0-9.]*\) s)$/\1/p' "$WORK/ours.out") s; $(grep "^timings:" "$WORK/ours.out")"
done

# --- PostgreSQL: backup vs pg_dump on 100,000 payroll lines (the drill's database) and on PG_COPIES copies ---
pg_compare() {
  local url=$1 label=$2
  echo "postgres $label: $(psql "$url" -Atc "select pg_size_pretty(pg_database_size(current_database()))"), $(psql "$url" -Atc "select count(*) from payroll_lines") payroll lines"
  for run in $(seq 1 "$RUNS"); do
    l=$(load); ref=$(timed ref pg_dump --no-owner --format=custom -f "$WORK/bare.dump" "$url"); rm -f "$WORK/bare.dump"
    ours=$(DATABASE_URL=$url timed ours dotnet "$DLL" backup --out "$WORK/pb"); rm -rf "$WORK/pb"
    compare "postgres $label run $run (load $l)" "pg_dump" "$ref" "$ours"
    echo "  in-process $(sed -n 's/^backup: .*, \([0-9.]*\) s)$/\1/p' "$WORK/ours.out") s; $(grep "^timings:" "$WORK/ours.out")"
  done
}
bigpg="bench_backups_big_$$"
psql "$TEST_POSTGRES_URL" -qc "CREATE DATABASE $bigpg"
bigpgurl="${TEST_POSTGRES_URL%/*}/$bigpg"
DATABASE_URL=$bigpgurl payroll seed-demo >/dev/null
multiply_postgres "$bigpgurl" "$PG_COPIES"
pg_compare "$bigpgurl" "large"
psql "$TEST_POSTGRES_URL" -qc "DROP DATABASE $bigpg WITH (FORCE)"

pgdb="bench_backups_$$"
psql "$TEST_POSTGRES_URL" -qc "CREATE DATABASE $pgdb"
pgurl="${TEST_POSTGRES_URL%/*}/$pgdb"
DATABASE_URL=$pgurl payroll seed-demo >/dev/null
multiply_postgres "$pgurl" 2777
pg_compare "$pgurl" "100k"
DATABASE_URL=$pgurl payroll drill --report "$WORK/pg-drill.json" >/dev/null || echo "postgres drill FAILED"
echo "postgres drill: RTO $(python3 -c "import json;r=json.load(open('$WORK/pg-drill.json'));print(round(r['rtoSeconds'],1), 's; steps', ', '.join(f\"{s['name']} {s['seconds']:.1f}\" for s in r['steps']))")"
psql "$TEST_POSTGRES_URL" -qc "DROP DATABASE $pgdb WITH (FORCE)"

# --- SQLite, 100,000 payroll lines: the drill ---
mid=$WORK/mid.db
DATABASE_URL=sqlite:///$mid payroll seed-demo >/dev/null
multiply_sqlite "$mid" 2777 1
echo "sqlite drill database: $(($(stat -c %s "$mid") / 1048576)) MiB, $(sqlite3 "$mid" "select count(*) from payroll_lines") payroll lines"
DATABASE_URL=sqlite:///$mid payroll drill --report "$WORK/sqlite-drill.json" >/dev/null || echo "sqlite drill FAILED"
echo "sqlite drill: RTO $(python3 -c "import json;r=json.load(open('$WORK/sqlite-drill.json'));print(round(r['rtoSeconds'],1), 's; steps', ', '.join(f\"{s['name']} {s['seconds']:.1f}\" for s in r['steps']))")"
