#!/usr/bin/env bash
# Runs every test on both databases, on a fresh machine, as root or not. Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck source=build/postgres.sh
. build/postgres.sh

RESULTS=$(mktemp -d /tmp/payroll-test-results-XXXXXX)
cleanup() { pg_throwaway_stop; }
trap cleanup EXIT

install_browser() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null && return 0
  [ "$(id -u)" = 0 ] || { echo "test.sh: chromium and chromedriver are missing and we are not root" >&2; return 1; }
  echo "test.sh: installing chromium and chromium-driver" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1
}

# The read-only root smoke (tests/Deployment.Tests) runs the published app under bubblewrap with deploy/seccomp.json,
# compiled to BPF by libseccomp's Python bindings.
install_sandbox() {
  command -v bwrap >/dev/null && /usr/bin/python3 -c 'import seccomp' 2>/dev/null && return 0
  [ "$(id -u)" = 0 ] || { echo "test.sh: bubblewrap or python3-seccomp is missing and we are not root" >&2; return 1; }
  echo "test.sh: installing bubblewrap and python3-seccomp" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap python3-seccomp) >/dev/null 2>&1
}

# The blue/green switch test (tests/Api.Tests/BlueGreen) runs two app instances behind Debian's HAProxy.
install_haproxy() {
  command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] && return 0
  [ "$(id -u)" = 0 ] || { echo "test.sh: haproxy is missing and we are not root" >&2; return 1; }
  echo "test.sh: installing haproxy" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy) >/dev/null 2>&1
}

# The tests in a trx that were skipped for want of a mountable filesystem, one "name: reason" a line.
mount_skips() {
  /usr/bin/python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
for result in ET.parse(sys.argv[1]).getroot().iter():
    if result.tag.endswith('UnitTestResult') and result.get('outcome') == 'NotExecuted':
        text = ' '.join(t.strip() for t in result.itertext() if t.strip())
        if 'needs a tmpfs mounted as root' in text:
            print(result.get('testName') + ': ' + text[text.index('needs a tmpfs'):].splitlines()[0])
PY
}

failed_setup=0
if [ -d tests/Browser.Tests ]; then install_browser || failed_setup=$((failed_setup + 1)); fi
if [ -d tests/Deployment.Tests ]; then install_sandbox || failed_setup=$((failed_setup + 1)); fi
if [ -d tests/Api.Tests/BlueGreen ]; then install_haproxy || failed_setup=$((failed_setup + 1)); fi
pg_throwaway_start || { echo "test.sh: could not start PostgreSQL; its tests cannot run" >&2; failed_setup=$((failed_setup + 1)); }

echo "test.sh: building" >&2
if ! dotnet build PayrollPortal.sln -c Release -nologo -v quiet -clp:ErrorsOnly >"$RESULTS/build.log" 2>&1; then
  cat "$RESULTS/build.log" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# The deployment smoke runs what the image runs: the published app, read-only.
export PAYROLL_PUBLISH_DIR="$RESULTS/publish"
if ! dotnet publish src/Api/PayrollPortal.Api.csproj -c Release --no-build -nologo -v quiet -o "$PAYROLL_PUBLISH_DIR" >"$RESULTS/publish.log" 2>&1; then
  cat "$RESULTS/publish.log" >&2
  echo "test.sh: publishing the app failed" >&2
  failed_setup=$((failed_setup + 1))
fi

# CI preflight: the migrations of this build verify cleanly on a freshly migrated database, on both providers.
preflight_failed=0
if [ -f build/preflight.sh ]; then
  bash build/preflight.sh "$RESULTS" || preflight_failed=1
fi

# Independent test projects run in parallel; each test makes its own database on the shared cluster.
projects=$(ls tests/*/*.csproj | grep -v TestSupport)
pids=()
for project in $projects; do
  name=$(basename "$project" .csproj)
  (
    dotnet test "$project" -c Release --no-build --nologo \
      --logger "trx;LogFileName=$RESULTS/$name.trx" --results-directory "$RESULTS" \
      >"$RESULTS/$name.log" 2>&1
    echo $? >"$RESULTS/$name.rc"
  ) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done

passed=0
failed=$((failed_setup + preflight_failed))
for project in $projects; do
  name=$(basename "$project" .csproj)
  trx="$RESULTS/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
    f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
    nr=$(echo "$counters" | sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p')
    # A test not run counts as failed, except one skipped because this machine cannot mount a filesystem (not root):
    # that skip is listed with its reason, never silent.
    mountskips=$(mount_skips "$trx")
    ms=$(printf '%s' "$mountskips" | grep -c . || true)
    nr=$(( ${nr:-0} - ms ))
    [ -n "$mountskips" ] && printf '%s\n' "$mountskips" | sed "s/^/test.sh: $name: skipped: /" >&2
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + nr))
    echo "test.sh: $name: ${p:-0} passed, $(( ${f:-0} + nr )) failed${mountskips:+, $ms skipped}" >&2
    if [ "${f:-0}" != 0 ] || [ "$(cat "$RESULTS/$name.rc")" != 0 ]; then
      grep -E "^\s+(Failed|Error Message|\s+at PayrollPortal)" "$RESULTS/$name.log" | head -60 >&2
    fi
    if [ "$(cat "$RESULTS/$name.rc")" != 0 ] && [ "${f:-0}" = 0 ] && [ "${nr:-0}" = 0 ]; then
      echo "test.sh: $name: the test run itself failed" >&2; tail -30 "$RESULTS/$name.log" >&2; failed=$((failed + 1))
    fi
  else
    echo "test.sh: $name: no results (the test host crashed)" >&2
    tail -40 "$RESULTS/$name.log" >&2
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
