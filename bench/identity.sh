#!/usr/bin/env bash
# Identity costs, on one throwaway PostgreSQL cluster:
#   1. sign-in latency: sequential POST /api/auth/login with the right password, a wrong one and an unknown email
#      (the PBKDF2 hash dominates; the three should take about the same time, which is the point);
#   2. the authentication + authorization overhead on a read endpoint: GET /api/companies/{id} on this build with a
#      bearer token and with a session cookie (+ X-CSRF-Token not needed for GET), against the same GET on a build of
#      BASE_REF (default 1b6e2c7, main just before identity, which serves it anonymously), in the same run, alternating.
#
#   bench/identity.sh                           # 20 logins per case; wrk -t2 -c16 -d10s, 5 s warm-up, 2 rounds
#   LOGINS=50 DURATION=20s ROUNDS=3 BASE_REF=1b6e2c7 bench/identity.sh
#   SKIP_BUILD=1 bench/identity.sh              # reuse the Release builds (this tree's and /tmp/payroll-identity-base)
#
# Runs as root (PostgreSQL through runuser). Cleans up servers and the cluster on exit. App, database and wrk share the
# machine, so quote ratios from one run, not absolute numbers across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

LOGINS=${LOGINS:-20}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
ROUNDS=${ROUNDS:-2}
# Default: the last main commit before identity merged (it serves the read anonymously).
BASE_REF=${BASE_REF:-1b6e2c7}
BASE_SRC=/tmp/payroll-identity-base

# shellcheck source=build/postgres.sh
. build/postgres.sh
OUT=$(mktemp -d /tmp/payroll-bench-identity-XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_throwaway_stop
  if [ -z "${KEEP_OUTPUT:-}" ]; then rm -rf "$OUT"; fi
}
trap cleanup EXIT
log() { echo "bench: $*" >&2; }
command -v wrk >/dev/null || { echo "bench/identity.sh: needs wrk (apt-get install -y wrk)" >&2; exit 2; }

if [ -z "${SKIP_BUILD:-}" ]; then
  log "building this tree and $BASE_REF (Release)"
  dotnet build src/Api/PayrollPortal.Api.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
  rm -rf "$BASE_SRC" && mkdir -p "$BASE_SRC"
  git archive "$BASE_REF" | tar -x -C "$BASE_SRC"
  dotnet build "$BASE_SRC/src/Api/PayrollPortal.Api.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >"$OUT/build-base.log" 2>&1 || { cat "$OUT/build-base.log" >&2; exit 1; }
fi

pg_throwaway_start
PG_PORT=${TEST_POSTGRES_URL##*:}
PG_PORT=${PG_PORT%%/*}
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE bench_identity" -c "CREATE DATABASE bench_base"

PII_KEY="bench:$(head -c 32 /dev/urandom | base64)"
ADMIN_PASSWORD="bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
start() { # name dir database port -> pid in PIDS
  (cd "$2" && exec env ASPNETCORE_ENVIRONMENT=Production LOG_FORMAT=json PORT="$4" PII_ENCRYPTION_KEYS="$PII_KEY" DATA_DIR="$OUT/data-$1" \
    ADMIN_EMAIL=admin@bench.local ADMIN_PASSWORD="$ADMIN_PASSWORD" LOGIN_RATE_LIMIT_PER_MINUTE=100000 \
    DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/$3" dotnet payroll.dll) >"$OUT/$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$4/api/readyz" && return 0; sleep 0.5; done
  log "$1 did not start"; cat "$OUT/$1.log" >&2; exit 1
}
ID_PORT=$(pg_free_port); BASE_PORT=$(pg_free_port)
while [ "$BASE_PORT" = "$ID_PORT" ]; do BASE_PORT=$(pg_free_port); done
start identity "$ROOT/src/Api/bin/Release/net10.0" bench_identity "$ID_PORT"
start base "$BASE_SRC/src/Api/bin/Release/net10.0" bench_base "$BASE_PORT"
ID=http://127.0.0.1:$ID_PORT
BASE=http://127.0.0.1:$BASE_PORT

# Sign in (cookie + CSRF token), create an admin API token, and a company to read on each server.
curl -sf -c "$OUT/cookies" -H 'content-type: application/json' -d "{\"email\":\"admin@bench.local\",\"password\":\"$ADMIN_PASSWORD\"}" \
  "$ID/api/auth/login" >"$OUT/login.json"
CSRF=$(sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p' "$OUT/login.json")
COOKIE="payroll_session=$(awk '$6 == "payroll_session" { print $7 }' "$OUT/cookies")"
TOKEN=$(curl -sf -b "$OUT/cookies" -H 'content-type: application/json' -H "X-CSRF-Token: $CSRF" -d '{"name":"bench","role":"admin"}' \
  "$ID/api/tokens" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { log "no token"; exit 1; }
ID_COMPANY=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"name":"Bench","slug":"bench"}' \
  "$ID/api/companies" | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p')
BASE_COMPANY=$(curl -sf -H 'content-type: application/json' -d '{"name":"Bench","slug":"bench"}' "$BASE/api/companies" \
  | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p')
[ -n "$ID_COMPANY" ] && [ -n "$BASE_COMPANY" ] || { log "could not create the companies"; exit 1; }
log "anonymous GET on this build -> $(curl -s -o /dev/null -w '%{http_code}' "$ID/api/companies/$ID_COMPANY")"

# 1. Sign-in latency, sequential, one client.
login_times() { # email password -> one time_total (ms) per line
  for _ in $(seq 1 "$LOGINS"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H 'content-type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$ID/api/auth/login"
  done | awk '{ printf "%.1f\n", $1 * 1000 }'
}
stats() { sort -n | awk '{ v[NR] = $1 } END { printf "p50=%.1f p90=%.1f max=%.1f n=%d", v[int(NR * 0.5 + 0.5)], v[int(NR * 0.9 + 0.5)], v[NR], NR }'; }
log "sign-in latency, $LOGINS sequential logins per case"
echo "LOGIN right-password $(login_times admin@bench.local "$ADMIN_PASSWORD" | stats)"
echo "LOGIN unknown-email $(login_times nobody@bench.local "$ADMIN_PASSWORD" | stats)"
echo "LOGIN wrong-password $(login_times admin@bench.local wrong-password-xyz | stats)   (locked after 5: the hash is still verified)"

# 2. Read endpoint: this build (bearer, cookie) vs the base build (anonymous), alternating.
run_wrk() { # label url header...
  local label=$1 url=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" >"$OUT/wrk-$label.txt" 2>&1
  awk -v l="$label" '/Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /Non-2xx/ { bad = $4 }
    END { printf "READ %-7s rps=%s p50=%s p99=%s non2xx=%s\n", l, rps, p50, p99, (bad == "" ? 0 : bad) }' "$OUT/wrk-$label.txt"
}
log "warming up ($WARMUP each)"
DURATION=$WARMUP run_wrk warm "$BASE/api/companies/$BASE_COMPANY" >/dev/null
DURATION=$WARMUP run_wrk warm "$ID/api/companies/$ID_COMPANY" -H "Authorization: Bearer $TOKEN" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  log "round $round: wrk -t$THREADS -c$CONNECTIONS -d$DURATION GET /api/companies/{id}"
  run_wrk base "$BASE/api/companies/$BASE_COMPANY"
  run_wrk bearer "$ID/api/companies/$ID_COMPANY" -H "Authorization: Bearer $TOKEN"
  run_wrk cookie "$ID/api/companies/$ID_COMPANY" -H "Cookie: $COOKIE"
done
echo "machine: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), base=$BASE_REF ($(git rev-parse --short "$BASE_REF")), identity=$(git rev-parse --short HEAD)"
