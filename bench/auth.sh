#!/usr/bin/env bash
# Sourced by the bench scripts: every API endpoint needs a caller since identity (issue 7). The server under test is
# started with bench_admin_env in its environment; bench_token signs in as that administrator the way the README tells a
# REST client to, and prints an admin API token for curl (-H "Authorization: Bearer ...") and wrk (BENCH_TOKEN).
BENCH_ADMIN_EMAIL=${BENCH_ADMIN_EMAIL:-admin@bench.local}
BENCH_ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-bench-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}
export BENCH_ADMIN_EMAIL BENCH_ADMIN_PASSWORD

# NAME=value words for env(1): the first administrator, and no login rate limit to trip over.
bench_admin_env() { echo "ADMIN_EMAIL=$BENCH_ADMIN_EMAIL ADMIN_PASSWORD=$BENCH_ADMIN_PASSWORD LOGIN_RATE_LIMIT_PER_MINUTE=100000"; }

bench_token() { # base-url -> an admin API token on stdout
  local jar csrf
  jar=$(mktemp)
  csrf=$(curl -sf -c "$jar" -H 'content-type: application/json' \
    -d "{\"email\":\"$BENCH_ADMIN_EMAIL\",\"password\":\"$BENCH_ADMIN_PASSWORD\"}" "$1/api/auth/login" | sed -n 's/.*"csrfToken":"\([^"]*\)".*/\1/p')
  curl -sf -b "$jar" -H 'content-type: application/json' -H "X-CSRF-Token: $csrf" -d '{"name":"bench","role":"admin"}' "$1/api/tokens" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
  rm -f "$jar"
}
