#!/usr/bin/env bash
# Payslip timings for bench/README.md ("Payslips"): one approved payroll of 5,000 lines downloaded as the ZIP of payslip
# PDFs (GET /api/companies/{id}/payrolls/{payrollId}/payslips.zip) from the Release server on PostgreSQL. For each download
# it records the time to the first body byte, the total, the payslips per second, and the server's peak resident memory
# (VmHWM, reset before each download through /proc/<pid>/clear_refs) against its resident memory just before (VmRSS).
# Usage: bench/payslips.sh [RUNS] [LINES]   (defaults 3 and 5000). Uses TEST_POSTGRES_URL if set, else starts a throwaway
# cluster. Needs root for clear_refs. Builds src/Api in Release if its output is missing. Prints Markdown for the README.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-3}
LINES=${2:-5000}
DLL=$ROOT/src/Api/bin/Release/net10.0/payroll.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[ -f "$DLL" ] || dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2

# shellcheck source=bench/server.sh
. bench/server.sh
bench_database bench_payslips_$$
bench_server_start EXPORT_HMAC_SECRET="bench:$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
bench_machine_line

python3 - "$RUNS" "$LINES" <<'PY'
import io, zipfile, http.client, json, os, statistics, subprocess, sys, time

runs, lines = int(sys.argv[1]), int(sys.argv[2])
employees = lines
payrolls = 1
port = int(os.environ["BASE_URL"].rsplit(":", 1)[1])
server_pid = int(os.environ["SERVER_PID"])
db_url = os.environ["DATABASE_URL"]

def psql(url, sql):
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True, stdout=subprocess.DEVNULL)

def kib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])

# bench/server.sh started the server and signed in: an admin API token, as a REST client uses.
headers = {"content-type": "application/json", "Authorization": "Bearer " + os.environ["BENCH_TOKEN"]}

def api(method, path, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    conn.request(method, path, json.dumps(body) if body is not None else None, headers)
    r = conn.getresponse(); data = r.read(); conn.close()
    if r.status >= 300:
        sys.exit(f"{method} {path}: {r.status} {data[:300]!r}")
    return json.loads(data) if data else None

company = api("POST", "/api/companies", {"name": "Bench Payroll", "slug": "bench"})["id"]

# Seeded in SQL, not through the API: the payslips read payrolls, payroll_lines and employees only, and computing
# 5,000 lines' withholding is not what this measures. Amounts are arbitrary cents; names vary in length.
psql(db_url, f"""
  INSERT INTO employees (id, company_id, first_name, last_name, ssn_ciphertext, ssn_blind_index, ssn_last4, hire_date,
                         pay_frequency, exempt, created_at, updated_at)
  SELECT gen_random_uuid(), '{company}', 'Employee' || g, repeat('x', g % 20) || 'son', 'bench', 'bench' || g, lpad((g % 10000)::text, 4, '0'),
         date '2024-01-01', 'weekly', false, now(), now()
  FROM generate_series(1, {employees}) g;
  INSERT INTO payrolls (id, company_id, period_start, period_end, pay_date, pay_year, pay_month, pay_frequency, status, needs_review,
                        approved_at, created_at, updated_at)
  SELECT gen_random_uuid(), '{company}', date '2026-01-01', date '2026-01-01' + 6, date '2026-01-01' + 6,
         2026, 1, 'weekly', 'approved', false, now(), now(), now()
  FROM generate_series(1, {payrolls}) g;
  INSERT INTO payroll_lines (payroll_id, line_no, employee_id, employee_name, ssn_last4, gross_wages, supplemental_wages, retirement, cafeteria,
                             hsa, post_tax_deductions, fit_wages, social_security_wages, medicare_wages, additional_medicare_wages,
                             federal_income_tax, social_security, medicare, additional_medicare, employer_social_security, employer_medicare,
                             net_pay, w4_effective_date, trace)
  SELECT p.id, row_number() OVER (PARTITION BY p.id ORDER BY e.id), e.id, e.first_name || ' ' || e.last_name, e.ssn_last4,
         100000 + (abs(hashtext(p.id::text || e.id::text)) % 900000), 0, 5000, 1000, 500, 1234, 90000, 95000, 95000, 0,
         12345, 5890, 1377, 0, 5890, 1377, 70000, date '2024-01-01', '{{}}'
  FROM payrolls p CROSS JOIN employees e;
  DELETE FROM payroll_lines WHERE (payroll_id, line_no) IN (
    SELECT payroll_id, line_no FROM payroll_lines ORDER BY payroll_id DESC, line_no DESC LIMIT (SELECT count(*) FROM payroll_lines) - {lines});
  ANALYZE;
""")

payroll = api("GET", f"/api/companies/{company}/payrolls?limit=1")["items"][0]["id"]

def download():
    rss_before = kib(server_pid, "VmRSS")
    with open(f"/proc/{server_pid}/clear_refs", "w") as f:
        f.write("5")  # resets VmHWM to the current RSS
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    start = time.perf_counter()
    conn.request("GET", f"/api/companies/{company}/payrolls/{payroll}/payslips.zip", headers=headers)
    r = conn.getresponse()
    assert r.status == 200, (r.status, r.read()[:300])
    first, total, body = None, 0, bytearray()
    while True:
        chunk = r.read1(65536)
        if not chunk: break
        if first is None: first = time.perf_counter() - start
        total += len(chunk); body += chunk
    elapsed = time.perf_counter() - start
    conn.close()
    peak = kib(server_pid, "VmHWM")
    with zipfile.ZipFile(io.BytesIO(bytes(body))) as z:
        count = len(z.namelist())
    return dict(first_ms=first * 1000, total_ms=elapsed * 1000, bytes=total, count=count, per_s=count / elapsed,
                rss_before_mb=rss_before / 1024, peak_mb=peak / 1024, growth_mb=(peak - rss_before) / 1024)

download()  # warm-up: JIT, the font's first parse, pools; outside the samples
results = [download() for _ in range(runs)]

with open("/proc/loadavg") as f:
    load = " ".join(f.read().split()[:3])
med = lambda key: statistics.median(r[key] for r in results)
print(f"One approved payroll of {lines} lines, PostgreSQL, Release build, {runs} runs after a warm-up, medians; load average after: {load}.\n")
print("| Payslips | Total (client) | PDFs per second | First body byte | ZIP size | RSS before | Peak (VmHWM) | Peak - before |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
print(f"| {int(med('count'))} | {med('total_ms'):.0f} ms | {med('per_s'):.0f} | {med('first_ms'):.0f} ms | {med('bytes')/1048576:.1f} MiB | "
      f"{med('rss_before_mb'):.0f} MB | {med('peak_mb'):.0f} MB | {med('growth_mb'):+.1f} MB |")
print(f"\nTargets: >= 150 PDFs/s, first byte < 1000 ms, peak growth <= 64 MB. Largest growth of any run: {max(r['growth_mb'] for r in results):+.1f} MB.")
print("\nEvery run:\n")
print("| Total | PDFs/s | First byte | Peak - before |")
print("|---:|---:|---:|---:|")
for r in results:
    print(f"| {r['total_ms']:.0f} ms | {r['per_s']:.0f} | {r['first_ms']:.0f} ms | {r['growth_mb']:+.1f} MB |")
PY
