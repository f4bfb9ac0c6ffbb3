#!/usr/bin/env bash
# CI preflight for migrations, run by build/test.sh after its Release build (this script builds nothing).
# On a fresh SQLite file and a fresh database in the TEST_POSTGRES_URL cluster, with the real executable:
#   migrate verify (must fail: all pending) -> migrate up -> migrate verify (must pass)
#   -> rollback rehearsal: migrate up --scripts db/rehearsal -> migrate down --steps 2 --scripts db/rehearsal -> migrate verify
# Usage: build/preflight.sh [RESULTS_DIR]. Exit status is non-zero if any step misbehaves.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS=${1:-$(mktemp -d /tmp/payroll-preflight-XXXXXX)}
CONFIGURATION=${CONFIGURATION:-Release}
PAYROLL_DLL=${PAYROLL_DLL:-$ROOT/src/Api/bin/$CONFIGURATION/net10.0/payroll.dll}
LOG="$RESULTS/preflight.log"
mkdir -p "$RESULTS"
: >"$LOG"

say() { echo "preflight: $*" | tee -a "$LOG" >&2; }
failures=0

# expect EXIT_CODE DATABASE_URL ARGS...: runs `payroll ARGS` and checks its exit code; output goes to the log, indented.
expect() {
  local want=$1 url=$2; shift 2
  local out rc
  out=$(DATABASE_URL="$url" PAYROLL_ENFORCE_MIGRATIONS= dotnet "$PAYROLL_DLL" "$@" 2>&1); rc=$?
  printf '%s\n' "$out" | sed 's/^/    /' >>"$LOG"
  if [ "$rc" = "$want" ]; then
    say "  ok    payroll $* -> exit $rc"
  else
    say "  FAIL  payroll $* -> exit $rc, expected $want"
    printf '%s\n' "$out" | sed 's/^/    /' >&2
    failures=$((failures + 1))
  fi
}

run_provider() {
  local name=$1 url=$2
  say "$name: $(echo "$url" | sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#')"
  expect 3 "$url" migrate verify
  expect 0 "$url" migrate up
  expect 0 "$url" migrate verify
  expect 0 "$url" migrate status
  expect 0 "$url" migrate up --scripts "$ROOT/db/rehearsal"
  expect 3 "$url" migrate verify
  expect 0 "$url" migrate down --steps 2 --scripts "$ROOT/db/rehearsal"
  expect 0 "$url" migrate verify
}

if [ ! -f "$PAYROLL_DLL" ]; then
  say "FAIL: $PAYROLL_DLL not found; build first (build/test.sh builds in Release)"
  exit 1
fi

sqlite_dir=$(mktemp -d /tmp/payroll-preflight-sqlite-XXXXXX)
pg_name="preflight_$(date +%s)_$$"
pg_created=0
cleanup() {
  rm -rf "$sqlite_dir"
  if [ "$pg_created" = 1 ]; then psql "$TEST_POSTGRES_URL" -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS \"$pg_name\" WITH (FORCE)" >/dev/null 2>&1; fi
}
trap cleanup EXIT

run_provider sqlite "sqlite:///$sqlite_dir/app.db"

# PostgreSQL is never skipped silently: without a server the preflight fails.
if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  say "FAIL: TEST_POSTGRES_URL is not set; source build/postgres.sh && pg_throwaway_start"
  failures=$((failures + 1))
elif psql "$TEST_POSTGRES_URL" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$pg_name\"" >>"$LOG" 2>&1; then
  pg_created=1
  run_provider postgresql "${TEST_POSTGRES_URL%/*}/$pg_name"
else
  say "FAIL: could not create database $pg_name on the TEST_POSTGRES_URL cluster"
  failures=$((failures + 1))
fi

if [ "$failures" = 0 ]; then
  say "passed on sqlite and postgresql (log: $LOG)"
else
  say "$failures step(s) failed (log: $LOG)"
fi
[ "$failures" = 0 ]
