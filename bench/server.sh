#!/usr/bin/env bash
# Sourced by the bench scripts that drive the Release `payroll` server on PostgreSQL. Before sourcing, set ROOT (the
# repository) and DLL (the built server). It gives:
#   bench_database NAME        a fresh database NAME on TEST_POSTGRES_URL (a throwaway cluster is started when that is
#                              unset); sets DATABASE_URL and NPGSQL (a connection string for the driver, plus
#                              $NPGSQL_EXTRA when set);
#   bench_server_start [VAR=value ...]   the server on a free port with the bench administrator, a fresh PII key and
#                              DATA_DIR=$WORK, the extra settings given; waits for readiness; sets PORT, BASE_URL,
#                              SERVER_PID and BENCH_TOKEN (all exported, with DATABASE_URL, for drivers in other languages);
#   bench_machine_line         the line every bench prints first: cores, CPU, load, date, branch and commit.
# WORK is a temporary directory; the server's log is $WORK/server.log. Everything stops on exit.
# shellcheck source=build/postgres.sh
. "$ROOT/build/postgres.sh"
# shellcheck source=bench/auth.sh
. "$ROOT/bench/auth.sh"
WORK=$(mktemp -d /tmp/payroll-bench-XXXXXX)
SERVER_PID=
STARTED_PG=
bench_cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$STARTED_PG" ] && pg_throwaway_stop
  rm -rf "$WORK"
}
trap bench_cleanup EXIT

bench_database() {
  if [ -z "${TEST_POSTGRES_URL:-}" ]; then
    pg_throwaway_start
    STARTED_PG=1
  fi
  psql "$TEST_POSTGRES_URL" -v ON_ERROR_STOP=1 -qc "CREATE DATABASE $1" >/dev/null
  DATABASE_URL="${TEST_POSTGRES_URL%/*}/$1"
  export DATABASE_URL
  local hostport username
  hostport=${TEST_POSTGRES_URL#*@}; hostport=${hostport%%/*}
  username=${TEST_POSTGRES_URL#*://}; username=${username%%@*}
  NPGSQL="Host=${hostport%:*};Port=${hostport#*:};Username=$username;Database=$1${NPGSQL_EXTRA:+;$NPGSQL_EXTRA}"
}

bench_server_start() {
  PORT=$(pg_free_port)
  BASE_URL=http://127.0.0.1:$PORT
  # shellcheck disable=SC2046 # bench_admin_env prints NAME=value words
  env $(bench_admin_env) DATABASE_URL="$DATABASE_URL" PORT="$PORT" LOG_FORMAT=json \
    PII_ENCRYPTION_KEYS="$(dotnet "$DLL" pii new-key --kid bench 2>/dev/null)" DATA_DIR="$WORK" "$@" \
    dotnet "$DLL" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    curl -fsS "$BASE_URL/api/readyz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fsS "$BASE_URL/api/readyz" >/dev/null
  BENCH_TOKEN=$(bench_token "$BASE_URL")
  export BENCH_TOKEN SERVER_PID BASE_URL
}

bench_machine_line() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC'); $(git -C "$ROOT" rev-parse --abbrev-ref HEAD)@$(git -C "$ROOT" rev-parse --short HEAD)"
}
