#!/usr/bin/env bash
# Migration timings for bench/README.md ("Migrations"), on SQLite and PostgreSQL:
#   - `payroll migrate up` of every script on a fresh database, and `payroll migrate verify` at head (whole process, as an operator runs it);
#   - the server's time to ready (spawn to the first 200 from /api/readyz) on a migrated database, default start-up
#     (auto-apply, nothing pending) against PAYROLL_ENFORCE_MIGRATIONS=1 (verify only), alternated run by run.
# Usage: bench/migrations.sh [RUNS]   (default 7). Uses TEST_POSTGRES_URL if set, else starts a throwaway cluster.
# Builds src/Api in Release if its output is missing. Prints a Markdown table to paste into bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-7}
DLL=$ROOT/src/Api/bin/Release/net10.0/payroll.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[ -f "$DLL" ] || dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2

# shellcheck source=build/postgres.sh
. build/postgres.sh
if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  pg_throwaway_start
  trap pg_throwaway_stop EXIT
fi

python3 - "$DLL" "$RUNS" "$TEST_POSTGRES_URL" <<'PY'
import base64, json, os, shutil, statistics, subprocess, sys, tempfile, time, urllib.request, socket, uuid

dll, runs, pg_server = sys.argv[1], int(sys.argv[2]), sys.argv[3]
base_env = {k: v for k, v in os.environ.items() if not k.startswith(("PAYROLL_", "ASPNETCORE_"))}
base_env["LOG_FORMAT"] = "json"
# Production (the default environment) requires the PII key ring; a throwaway key for this run only.
base_env["PII_ENCRYPTION_KEYS"] = "bench:" + base64.b64encode(os.urandom(32)).decode()

def psql(sql):
    subprocess.run(["psql", pg_server, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True, stdout=subprocess.DEVNULL)

def fresh(provider):
    """A new empty database: (url, cleanup)."""
    if provider == "sqlite":
        d = tempfile.mkdtemp(prefix="payroll-bench-")
        return f"sqlite:///{d}/app.db", lambda: shutil.rmtree(d, ignore_errors=True)
    name = "bench_" + uuid.uuid4().hex[:12]
    psql(f'CREATE DATABASE "{name}"')
    return pg_server.rsplit("/", 1)[0] + "/" + name, lambda: psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

def payroll(url, *args):
    env = dict(base_env, DATABASE_URL=url)
    start = time.perf_counter()
    done = subprocess.run(["dotnet", dll, *args], env=env, capture_output=True, text=True)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        sys.exit(f"payroll {' '.join(args)} exited {done.returncode}: {done.stdout}{done.stderr}")
    return elapsed

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

def time_to_ready(url, enforce):
    port = free_port()
    env = dict(base_env, DATABASE_URL=url, PORT=str(port))
    if enforce:
        env["PAYROLL_ENFORCE_MIGRATIONS"] = "1"
    log = tempfile.TemporaryFile(mode="w+")
    start = time.perf_counter()
    proc = subprocess.Popen(["dotnet", dll], env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        while True:
            if proc.poll() is not None:
                sys.exit(f"server exited with {proc.returncode} before it was ready")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/readyz", timeout=5) as r:
                    if r.status == 200:
                        ready = (time.perf_counter() - start) * 1000
                        break
            except OSError:
                pass
            time.sleep(0.005)
    finally:
        proc.terminate(); proc.wait()
    # The enforcing server logs how long verify itself took (event 5, "Schema verified ... in N ms").
    log.seek(0)
    verify_ms = None
    for line in log:
        if '"EventId":5,' in line and "Schema verified" in line:
            verify_ms = float(json.loads(line)["State"]["ElapsedMs"])
    return ready, verify_ms

def summary(samples):
    return f"{statistics.median(samples):.0f} ms (min {min(samples):.0f})"

rows = []
for provider in ("sqlite", "postgresql"):
    up, verify = [], []
    for _ in range(runs):
        url, cleanup = fresh(provider)
        try:
            up.append(payroll(url, "migrate", "up"))
            verify.append(payroll(url, "migrate", "verify"))
        finally:
            cleanup()
    url, cleanup = fresh(provider)
    try:
        payroll(url, "migrate", "up")
        time_to_ready(url, False)  # warm the OS file cache once, outside the samples
        default, enforced, verify_inside = [], [], []
        for _ in range(runs):
            default.append(time_to_ready(url, False)[0])
            ready, verify_ms = time_to_ready(url, True)
            enforced.append(ready)
            verify_inside.append(verify_ms)
    finally:
        cleanup()
    overhead = (statistics.median(enforced) / statistics.median(default) - 1) * 100
    share = statistics.median(verify_inside) / statistics.median(enforced) * 100
    rows.append((provider, summary(up), summary(verify), summary(default), summary(enforced), f"{overhead:+.1f}%",
                 f"{statistics.median(verify_inside):.0f} ms ({share:.1f}% of time to ready)"))

print(f"{runs} runs each, medians; whole processes, so .NET start-up is included.\n")
print("| Provider | `migrate up` (all scripts, fresh DB) | `migrate verify` (at head) | Time to ready, default (auto-apply, nothing pending) | Time to ready, `PAYROLL_ENFORCE_MIGRATIONS=1` | Enforced vs default | Verify inside the enforcing server |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
PY
