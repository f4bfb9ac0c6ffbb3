#!/usr/bin/env bash
# Companies API: the full product pipeline (payroll) against the bare endpoint (bench/BareApi), in the same run, on one
# throwaway PostgreSQL cluster. Both get the same wrk load, in alternating order, and the script prints throughput,
# p50/p99 and the ratio full/bare. App, database and wrk share the machine's cores, so only the ratio of one run means
# much; absolute numbers move with whatever else is running.
#
#   bench/companies.sh                       # 2 threads, 16 connections, 20 s per measurement, 2 rounds
#   THREADS=2 CONNECTIONS=16 DURATION=20s WARMUP=10s ROUNDS=2 POST_PERCENT=50 bench/companies.sh
#   SKIP_BUILD=1 bench/companies.sh          # reuse the Release build already in bin/
#   KEEP_OUTPUT=1 bench/companies.sh         # keep the wrk reports and server logs (the path is printed)
#   FULL_EXTRA_ENV="Logging__LogLevel__Default=Warning" bench/companies.sh   # an experiment on the full server only
#   BARE_EXTRA_ENV="NAME=value ..." bench/companies.sh  # the same for the bare server
#   ALLOW_SQL_DIFF=1 bench/companies.sh          # run even if the servers' statements differ (they are compared first)
#   NICE=-10 bench/companies.sh                  # run ahead of other engineers' builds (root only)
#   SYSCALLS=1 bench/companies.sh                # count system calls and context switches per request (perf stat)
#   PROFILE=/tmp/companies bench/companies.sh    # CPU-sample each server during its first measurement with
#                                               # `perf record -e cpu-clock` into /tmp/companies.full and .bare (JIT
#                                               # symbols from DOTNET_PerfMapEnabled=1); bench/perf-by-assembly.sh reads them
#
# Runs as root (PostgreSQL through runuser, wrk from apt if missing). Cleans up the servers and the cluster on exit.
set -euo pipefail
# NICE=-10 runs everything this script starts (PostgreSQL, both servers, wrk) ahead of other work on a shared machine:
# the nice value is inherited, so both servers get the same priority and the comparison stays fair.
if [ -n "${NICE:-}" ]; then renice -n "$NICE" -p $$ >/dev/null; fi
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
ROUNDS=${ROUNDS:-2}
POST_PERCENT=${POST_PERCENT:-50}
SEED=${SEED:-64}
export POST_PERCENT

# shellcheck source=build/postgres.sh
. build/postgres.sh

OUT=$(mktemp -d /tmp/payroll-bench-XXXXXX)
FULL_PID=
BARE_PID=
cleanup() {
  for pid in $FULL_PID $BARE_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in $FULL_PID $BARE_PID; do wait "$pid" 2>/dev/null || true; done
  pg_throwaway_stop
  # The full server's log grows by about 1 KB per request, so the raw output is kept only on request.
  if [ -z "${KEEP_OUTPUT:-}" ]; then rm -rf "$OUT"; fi
}
trap cleanup EXIT

log() { echo "bench: $*" >&2; }

if ! command -v wrk >/dev/null; then
  log "installing wrk"
  (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }) >/dev/null
fi
command -v curl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }

if [ -z "${SKIP_BUILD:-}" ]; then
  log "building Release"
  for project in src/Api/PayrollPortal.Api.csproj bench/BareApi/PayrollPortal.Bench.BareApi.csproj; do
    dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >"$OUT/build.log" 2>&1 \
      || { cat "$OUT/build.log" >&2; exit 1; }
  done
fi
FULL_DIR=$ROOT/src/Api/bin/Release/net10.0
BARE_DIR=$ROOT/bench/BareApi/bin/Release/net10.0

pg_throwaway_start
PG_PORT=${TEST_POSTGRES_URL##*:}
PG_PORT=${PG_PORT%%/*}
psql_do() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }
psql_do -d postgres -c "CREATE DATABASE payroll_full" -c "CREATE DATABASE payroll_bare"
# The bare server gets the product's schema from the product's own migrations (`payroll migrate up`: companies and their
# regimes, the audit trail it writes in the same transaction, the token tables); the full server migrates itself.
(cd "$FULL_DIR" && DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/payroll_bare" dotnet payroll.dll migrate up) >"$OUT/migrate-bare.log" 2>&1 \
  || { cat "$OUT/migrate-bare.log" >&2; exit 1; }

FULL_PORT=$(pg_free_port)
BARE_PORT=$(pg_free_port)
while [ "$BARE_PORT" = "$FULL_PORT" ]; do BARE_PORT=$(pg_free_port); done

# Each server runs from its output folder: the content root is the working directory, and the product's log levels
# (Information for its own messages, Warning for ASP.NET Core and Npgsql) come from the appsettings.json found there.
# Production refuses to start without a PII key; this run's key is random and dies with the throwaway database.
PII_KEY="bench:$(head -c 32 /dev/urandom | base64)"
# shellcheck source=bench/auth.sh
. bench/auth.sh
# shellcheck disable=SC2086,SC2046 # FULL_EXTRA_ENV and bench_admin_env are lists of NAME=value words
(cd "$FULL_DIR" && exec env $(bench_admin_env) ASPNETCORE_ENVIRONMENT=Production LOG_FORMAT=json PORT="$FULL_PORT" PII_ENCRYPTION_KEYS="$PII_KEY" \
  DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/payroll_full" ${PROFILE:+DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0} ${FULL_EXTRA_ENV:-} dotnet payroll.dll) >"$OUT/full.log" 2>&1 &
FULL_PID=$!
# The bare server gets the driver settings the product's DATABASE_URL parsing gives (DatabaseSettings: Max Auto Prepare=128).
(cd "$BARE_DIR" && exec env ASPNETCORE_ENVIRONMENT=Production PORT="$BARE_PORT" \
  BARE_CONNECTION_STRING="Host=127.0.0.1;Port=$PG_PORT;Database=payroll_bare;Username=postgres;Max Auto Prepare=128" \
  ${PROFILE:+DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0} ${BARE_EXTRA_ENV:-} dotnet bare-api.dll) >"$OUT/bare.log" 2>&1 &
BARE_PID=$!

wait_for() { # name url
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null "$2"; then return 0; fi
    sleep 0.5
  done
  log "$1 did not start; its log:"; cat "$OUT/$1.log" >&2; return 1
}
wait_for full "http://127.0.0.1:$FULL_PORT/api/livez"
wait_for bare "http://127.0.0.1:$BARE_PORT/api/companies/00000000-0000-0000-0000-000000000000"  # any answer, 401 included
BENCH_TOKEN=$(bench_token "http://127.0.0.1:$FULL_PORT")
export BENCH_TOKEN
# The bare server authenticates the same token with the same query: the same user and token rows in its database.
psql_do -d payroll_bare -c "INSERT INTO users (id, email, password_hash, is_admin, created_at)
  VALUES ('00000000-0000-7000-8000-000000000001', '$BENCH_ADMIN_EMAIL', 'unused', true, now())" \
  -c "INSERT INTO api_tokens (id, user_id, name, company_id, role, token_hash, created_at, expires_at)
  VALUES ('00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000001', 'bench', NULL, 'admin',
          encode(sha256(convert_to('$BENCH_TOKEN', 'UTF8')), 'hex'), now(), now() + interval '1 day')"

# Seeds the companies that the GETs read, and checks on the way that both servers answer alike.
seed() { # name port -> comma-separated ids
  local ids=() i body id
  for i in $(seq 1 "$SEED"); do
    body=$(curl -s -f -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $BENCH_TOKEN" \
      -d "{\"name\":\"Seed $i\",\"slug\":\"seed-$i\",\"ein\":\"12-3456789\"}" "http://127.0.0.1:$2/api/companies") \
      || { log "$1: seeding POST failed"; return 1; }
    id=$(sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p' <<<"$body")
    [ -n "$id" ] || { log "$1: no id in $body"; return 1; }
    ids+=("$id")
  done
  (IFS=,; echo "${ids[*]}")
}
FULL_IDS=$(seed full "$FULL_PORT")
BARE_IDS=$(seed bare "$BARE_PORT")
for target in "full $FULL_PORT" "bare $BARE_PORT"; do
  set -- $target
  log "$1: POST seed-1 again -> $(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $BENCH_TOKEN" \
    -d '{"name":"Seed","slug":"seed-1"}' "http://127.0.0.1:$2/api/companies"), GET unknown -> $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" \
    "http://127.0.0.1:$2/api/companies/00000000-0000-0000-0000-000000000000")"
done

# The comparison only means something while both servers run the same SQL: the product's schema and statements grow
# with later issues (the regime row of issue 12 went unnoticed for a while and made the product look 20 % slower). With
# log_statement=all for a moment, one POST and one GET go to each server, and the tables each request's statements write
# and read are compared; any difference stops the run. Connection resets, BEGIN/COMMIT and the token's last_used_at
# write (at most once a minute) are not the pipeline's business and are left out.
sql_signature() { # name port -> one line per statement: the verbs and tables it names, in order
  local log_file=$PG_THROWAWAY_DIR/server.log start
  start=$(wc -c <"$log_file")
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $BENCH_TOKEN" \
    -d "{\"name\":\"Signature\",\"slug\":\"signature-$1\",\"ein\":\"12-3456789\"}" "http://127.0.0.1:$2/api/companies"
  curl -s -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$2/api/companies/${3%%,*}"
  sleep 0.5
  tail -c +"$((start + 1))" "$log_file" \
    | awk '/^[0-9][0-9][0-9][0-9]-/ { if (line != "") print line; line = $0; next } { line = line " " $0 } END { if (line != "") print line }' \
    | grep -E 'LOG:  (statement|execute [^:]*):' \
    | grep -v -E 'DISCARD ALL|: (BEGIN|COMMIT)|UPDATE api_tokens SET last_used_at' \
    | sed -E 's/.*LOG:  (statement|execute [^:]*): //' \
    | grep -oE '(INSERT INTO|UPDATE|DELETE FROM|FROM|JOIN) [a-z_]+|^SELECT|RETURNING' | tr '\n' ' '
}
psql_do -d postgres -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
sleep 0.5
FULL_SQL=$(sql_signature full "$FULL_PORT" "$FULL_IDS")
BARE_SQL=$(sql_signature bare "$BARE_PORT" "$BARE_IDS")
psql_do -d postgres -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
if [ "$FULL_SQL" != "$BARE_SQL" ] || [ -z "$FULL_SQL" ]; then
  log "the two servers no longer run the same SQL for a POST and a GET (update bench/BareApi):"
  log "  full: $FULL_SQL"
  log "  bare: $BARE_SQL"
  [ -n "${ALLOW_SQL_DIFF:-}" ] || exit 1
else
  log "same SQL on both servers: $FULL_SQL"
fi

# CPU time (user + system, in clock ticks) of one process: throughput on a shared machine is noisy, but the server's
# CPU per request hardly depends on what else runs, so it tells where the pipeline's cost goes.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

run_wrk() { # name port duration tag -> wrk output in $OUT/<tag>-<name>.txt
  local ids pid before after line
  if [ "$1" = full ]; then ids=$FULL_IDS; pid=$FULL_PID; else ids=$BARE_IDS; pid=$BARE_PID; fi
  before=$(cpu_ticks "$pid")
  local tracer=
  if [ -n "${PROFILE:-}" ] && [ "$4" = r1 ]; then
    perf record -e cpu-clock -F 999 -g -p "$pid" -o "$PROFILE.$1" -- sleep "${3%s}" >"$OUT/perf.log" 2>&1 &
    tracer=$!
  elif [ -n "${SYSCALLS:-}" ] && [ "$4" != w ]; then
    perf stat -x, -e raw_syscalls:sys_enter,context-switches,syscalls:sys_enter_sched_yield,syscalls:sys_enter_futex,syscalls:sys_enter_sendto,syscalls:sys_enter_write \
      -p "$pid" -o "$OUT/stat-$4-$1.csv" -- sleep "${3%s}" >"$OUT/perf.log" 2>&1 &
    tracer=$!
  fi
  BENCH_IDS=$ids BENCH_RUN="$4" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -s bench/load/companies.lua \
    "http://127.0.0.1:$2" >"$OUT/$4-$1.txt" 2>&1
  after=$(cpu_ticks "$pid")
  if [ -n "$tracer" ]; then wait "$tracer" || log "perf record failed: $(tail -3 "$OUT/perf.log")"; fi
  line=$(grep '^BENCH ' "$OUT/$4-$1.txt") || return 0
  if [ -f "$OUT/stat-$4-$1.csv" ]; then
    local requests; requests=$(sed -n 's/.* requests=\([0-9]*\).*/\1/p' <<<"$line")
    awk -F, -v n="$requests" -v t="$1" '$3 != "" && $1 ~ /^[0-9]/ { printf "syscalls %s: %s %.1f per request\n", t, $3, $1 / n }' \
      "$OUT/stat-$4-$1.csv" >&2
  fi
  awk -v l="$line" -v t="$1" -v g="$4" -v d="$((after - before))" -v hz="$TICKS_PER_SECOND" 'BEGIN {
    split(l, parts, " "); for (i in parts) { split(parts[i], kv, "="); v[kv[1]] = kv[2] }
    sub(/^BENCH /, "", l)
    printf "BENCH target=%s tag=%s %s cpu_us_per_req=%.0f\n", t, g, l, d / hz * 1e6 / v["requests"]
  }'
}
field() { sed -n "s/\(^\|.* \)$2=\([^ ]*\).*/\2/p" <<<"$1"; }

log "warming up both servers ($WARMUP each)"
run_wrk full "$FULL_PORT" "$WARMUP" w >/dev/null
run_wrk bare "$BARE_PORT" "$WARMUP" w >/dev/null

log "measuring: $ROUNDS rounds, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $POST_PERCENT% POST"
results=()
for round in $(seq 1 "$ROUNDS"); do
  # Alternate who goes first, so neither always benefits from a quieter machine or a warmer database.
  if [ $((round % 2)) = 1 ]; then order="full bare"; else order="bare full"; fi
  for name in $order; do
    if [ "$name" = full ]; then port=$FULL_PORT; else port=$BARE_PORT; fi
    line=$(run_wrk "$name" "$port" "$DURATION" "r$round")
    [ -n "$line" ] || { log "wrk printed no summary:"; cat "$OUT/r$round-$name.txt" >&2; exit 1; }
    log "round $round $line"
    results+=("round=$round $line")
  done
done

log_lines=$(grep -c '"EventId":1000' "$OUT/full.log" || true)
log "the full server wrote $log_lines pipeline log lines (one per message)${KEEP_OUTPUT:+; raw output in $OUT}"

# The report: one row per measurement, then the ratio of each round and of the totals.
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $POST_PERCENT% POST / $((100 - POST_PERCENT))% GET, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "| round | server | req/s | p50 ms | p99 ms | server CPU µs/req | errors |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
for r in "${results[@]}"; do
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$(field "$r" round)" "$(field "$r" target)" "$(field "$r" rps)" \
    "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" "$(field "$r" cpu_us_per_req)" "$(field "$r" errors)"
done
echo
total_full=0; total_bare=0
for round in $(seq 1 "$ROUNDS"); do
  full=$(printf '%s\n' "${results[@]}" | grep "^round=$round .*target=full" | sed -n 's/.* rps=\([^ ]*\).*/\1/p')
  bare=$(printf '%s\n' "${results[@]}" | grep "^round=$round .*target=bare" | sed -n 's/.* rps=\([^ ]*\).*/\1/p')
  total_full=$(awk -v a="$total_full" -v b="$full" 'BEGIN { print a + b }')
  total_bare=$(awk -v a="$total_bare" -v b="$bare" 'BEGIN { print a + b }')
  awk -v r="$round" -v f="$full" -v b="$bare" 'BEGIN { printf "round %d: full/bare = %.2f\n", r, f / b }'
done
awk -v f="$total_full" -v b="$total_bare" -v n="$ROUNDS" 'BEGIN {
  ratio = f / b
  printf "all rounds: full %.0f req/s, bare %.0f req/s, full/bare = %.2f (target >= 0.80: %s)\n", f / n, b / n, ratio, (ratio >= 0.8) ? "met" : "MISSED"
}'
