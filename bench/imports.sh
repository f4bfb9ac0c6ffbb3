#!/usr/bin/env bash
# Employee import timings for bench/README.md ("Employee imports"): N employees (default 10,000) imported from CSV and from
# XLSX through POST /api/companies/{id}/employee-imports on the Release server on PostgreSQL (SSN encryption and blind index
# included), against a raw binary COPY of the same rows into the employees table, measured in the same run. Each import
# goes to a fresh company, so every row is a hire. Memory: the server's peak resident set during the import (VmHWM, reset
# through /proc/<pid>/clear_refs before each) over its resident set just before (VmRSS). CPU: the user + system time the
# server process and all PostgreSQL processes used during each CSV import (from /proc), which moves less with the machine's
# other load than the wall time, and shows the floor on two cores: the wall time cannot be under half their sum.
# Usage: bench/imports.sh [RUNS] [EMPLOYEES]   (defaults 3 and 10000); WARMUP=3 warm-up rounds first (default 1), printed,
# not counted. Uses TEST_POSTGRES_URL if set, else starts a throwaway cluster. Needs root for clear_refs and for the
# server-side COPY file. Builds src/Api in Release first (SKIP_BUILD=1 reuses the build in bin/; a build left from another
# commit would bench that commit).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-3}
EMPLOYEES=${2:-10000}
DLL=$ROOT/src/Api/bin/Release/net10.0/payroll.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[ -n "${SKIP_BUILD:-}" ] || dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2

# shellcheck source=bench/server.sh
. bench/server.sh
bench_database bench_imports_$$
bench_server_start
bench_machine_line

python3 - "$RUNS" "$EMPLOYEES" "$WORK" "${WARMUP:-1}" <<'PY'
import http.client, io, json, os, re, statistics, struct, subprocess, sys, time, uuid, zipfile
from datetime import date, datetime, timezone

runs, employees, work, warmups = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
port = int(os.environ["BASE_URL"].rsplit(":", 1)[1])
server_pid = int(os.environ["SERVER_PID"])
db_url = os.environ["DATABASE_URL"]
token = os.environ["BENCH_TOKEN"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

def api(method, path, body=None, content_type="application/json"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    conn.request(method, path, data, {"content-type": content_type, "Authorization": "Bearer " + token})
    r = conn.getresponse(); out = r.read(); conn.close()
    if r.status >= 300:
        sys.exit(f"{method} {path}: {r.status} {out[:600]!r}")
    return json.loads(out) if out else None

def kib(field):
    with open(f"/proc/{server_pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])

def ssn(i):  # unique, and a number the SSA could issue (area 101+, group 01-99, serial 0001-9999)
    return f"{101 + i // (9999 * 99):03d}-{1 + (i // 9999) % 99:02d}-{1 + i % 9999:04d}"

header = ["employeeNumber", "firstName", "lastName", "ssn", "hireDate", "payFrequency", "w4Version", "filingStatus", "payType", "annualSalary"]
def row(i):
    return [f"E-{i + 1:06d}", f"First{i}", "Lastname" + "x" * (i % 12), ssn(i), "2026-01-05", "biweekly", "2020",
            "single" if i % 2 else "married_filing_jointly", "salary", f"{36000 + (i * 7919) % 120000}.{i % 100:02d}"]
rows = [row(i) for i in range(employees)]
csv_bytes = ("\r\n".join(",".join(r) for r in [header] + rows) + "\r\n").encode()

def xlsx(table):
    def cell(c, v): return f'<c r="{c}" t="inlineStr"><is><t>{v}</t></is></c>'
    def col(i):
        s = ""
        i += 1
        while i: i, m = divmod(i - 1, 26); s = chr(65 + m) + s
        return s
    sheet = io.StringIO()
    sheet.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    for n, r in enumerate(table, start=1):
        sheet.write(f'<row r="{n}">' + "".join(cell(f"{col(j)}{n}", v) for j, v in enumerate(r)) + "</row>")
    sheet.write("</sheetData></worksheet>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Employees" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet.getvalue())
    return out.getvalue()
xlsx_bytes = xlsx([header] + rows)

# The raw COPY: the same people as rows of the employees table in PostgreSQL's binary COPY format, with a ciphertext and a
# blind index of the lengths the server writes (the baseline does no cryptography: that is what the import adds). The import
# also writes each hire's W-4 and compensation record; the same COPY of those two tables is timed beside it (not the
# target's baseline: it shows how much of the import is writing rows at all).
PG_EPOCH = date(2000, 1, 1)
def copy_files(company):
    now_us = int((datetime.now(timezone.utc) - datetime(2000, 1, 1, tzinfo=timezone.utc)).total_seconds() * 1_000_000)
    header = b"PGCOPY\n\xff\r\n\x00" + struct.pack("!ii", 0, 0)
    employees_out, w4s_out, pay_out = io.BytesIO(), io.BytesIO(), io.BytesIO()
    for out in (employees_out, w4s_out, pay_out): out.write(header)
    def text(s): b = s.encode(); return struct.pack("!i", len(b)) + b
    def bigint(n): return struct.pack("!iq", 8, n)
    def boolean(b): return struct.pack("!ib", 1, 1 if b else 0)
    hire = struct.pack("!ii", 4, (date(2026, 1, 5) - PG_EPOCH).days)
    ts = struct.pack("!iq", 8, now_us)
    company_bytes = struct.pack("!i", 16) + uuid.UUID(company).bytes
    for i, r in enumerate(rows):
        employee = struct.pack("!i", 16) + uuid.uuid4().bytes
        employees_out.write(struct.pack("!h", 13))
        employees_out.write(employee)
        employees_out.write(company_bytes)
        employees_out.write(text(r[1])); employees_out.write(text(r[2]))
        employees_out.write(text("bench:" + os.urandom(40).hex())); employees_out.write(text(os.urandom(32).hex())); employees_out.write(text(r[3][-4:]))
        employees_out.write(hire); employees_out.write(text("biweekly")); employees_out.write(boolean(False)); employees_out.write(ts); employees_out.write(ts)
        employees_out.write(text(r[0]))
        w4s_out.write(struct.pack("!h", 13) + employee + hire + text("2020") + text(r[7]) + boolean(False) + bigint(0) + bigint(0) + bigint(0) + bigint(0)
                      + struct.pack("!i", -1) + struct.pack("!ii", 4, 0) + bigint(0) + boolean(False))
        cents = int(r[9].replace(".", ""))
        terms = f'{{"payType":"salary","annualSalary":{cents},"hourlyRate":null,"retirementBasisPoints":null,"retirementAmount":0,"cafeteria":0,"hsa":0,"postTaxDeductions":0}}'
        pay_out.write(struct.pack("!h", 5) + employee + hire + text("salary") + text(terms) + ts)
    paths = []
    for name, out in (("employees", employees_out), ("w4s", w4s_out), ("pay", pay_out)):
        out.write(struct.pack("!h", -1))
        path = os.path.join("/tmp", f"bench-imports-{os.getpid()}-{name}.copy")
        with open(path, "wb") as f: f.write(out.getvalue())
        os.chmod(path, 0o644)
        paths.append(path)
    return paths

def raw_copy_ms(company):
    """The employees COPY (the target's baseline) and the W-4 and compensation COPYs after it, each timed by psql."""
    employees_path, w4s_path, pay_path = copy_files(company)
    sql = ("\\timing on\n"
           "COPY employees (id, company_id, first_name, last_name, ssn_ciphertext, ssn_blind_index, ssn_last4, hire_date, "
           f"pay_frequency, exempt, created_at, updated_at, employee_number) FROM '{employees_path}' WITH (FORMAT binary);\n"
           "COPY employee_w4s (employee_id, effective_date, version, filing_status, step2_checkbox, step3_dependents, step4a_other_income, "
           "step4b_deductions, step4c_extra_withholding, marital_status, allowances, extra_withholding, exempt) "
           f"FROM '{w4s_path}' WITH (FORMAT binary);\n"
           f"COPY employee_compensation (employee_id, effective_from, pay_type, terms, recorded_at) FROM '{pay_path}' WITH (FORMAT binary);\n")
    out = subprocess.run(["psql", db_url, "-v", "ON_ERROR_STOP=1", "-q"], input=sql, capture_output=True, text=True, check=True).stdout
    for path in (employees_path, w4s_path, pay_path): os.remove(path)
    times = [float(t) for t in re.findall(r"Time: ([0-9.]+) ms", out)]
    return times[0], sum(times)

TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")
def cpu_ms(pid):
    """User + system CPU time of a process so far, from /proc (10 ms ticks)."""
    try:
        with open(f"/proc/{pid}/stat") as f: fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * TICK_MS
    except (FileNotFoundError, ProcessLookupError):
        return 0.0

def database_cpu():
    """CPU time so far of each PostgreSQL process (the backends the server and psql use, and the cluster's helpers), by pid."""
    times = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/comm") as f:
                    if f.read().strip() == "postgres": times[entry] = cpu_ms(entry)
            except (FileNotFoundError, ProcessLookupError):
                pass
    return times

def database_cpu_since(before):
    """The PostgreSQL processes' CPU since `before`; a process that ended meanwhile (a psql backend) is left out, not subtracted."""
    return sum(ms - before.get(pid, 0.0) for pid, ms in database_cpu().items())

def timed_import(body, content_type, slug):
    company = api("POST", "/api/companies", {"name": f"Bench import {slug}", "slug": slug})["id"]
    with open(f"/proc/{server_pid}/clear_refs", "w") as f: f.write("5")
    before = kib("VmRSS")
    server_cpu, db_cpu = cpu_ms(server_pid), database_cpu()
    started = time.perf_counter()
    result = api("POST", f"/api/companies/{company}/employee-imports", body, content_type)
    ms = (time.perf_counter() - started) * 1000
    assert result["created"] == employees, result
    return ms, (kib("VmHWM") - before) / 1024, cpu_ms(server_pid) - server_cpu, database_cpu_since(db_cpu)

print(f"{employees:,} employees; CSV {len(csv_bytes) / 1e6:.2f} MB, XLSX {len(xlsx_bytes) / 1e6:.2f} MB")
print("| run | CSV import | XLSX import | raw binary COPY | CSV / COPY | XLSX / COPY | CSV peak over idle | XLSX peak over idle | COPY of the 3 tables | CSV / 3-table COPY | CSV: server CPU | CSV: database CPU |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
results = []
for run in range(runs + warmups):  # the first rounds warm up (the JIT's second tier): reported, not in the medians
    csv_ms, csv_mib, csv_server_cpu, csv_db_cpu = timed_import(csv_bytes, "text/csv", f"bench-csv-{run}")
    xlsx_ms, xlsx_mib, _, _ = timed_import(xlsx_bytes, XLSX, f"bench-xlsx-{run}")
    copy_ms, tables_ms = raw_copy_ms(api("POST", "/api/companies", {"name": f"Bench copy {run}", "slug": f"bench-copy-{run}"})["id"])
    label = "warm-up" if run < warmups else str(run - warmups + 1)
    print(f"| {label} | {csv_ms:,.0f} ms | {xlsx_ms:,.0f} ms | {copy_ms:,.0f} ms | {csv_ms / copy_ms:.1f}x | {xlsx_ms / copy_ms:.1f}x | +{csv_mib:.0f} MiB | +{xlsx_mib:.0f} MiB | {tables_ms:,.0f} ms | {csv_ms / tables_ms:.1f}x | {csv_server_cpu:,.0f} ms | {csv_db_cpu:,.0f} ms |")
    if run >= warmups:
        results.append((csv_ms, xlsx_ms, copy_ms, csv_mib, xlsx_mib, csv_ms / copy_ms, xlsx_ms / copy_ms, tables_ms, csv_ms / tables_ms, csv_server_cpu, csv_db_cpu))
if results:
    m = [statistics.median(col) for col in zip(*results)]
    # The ratios' medians are of each run's own ratio: the import and the COPY it is held to ran side by side.
    print(f"| median | {m[0]:,.0f} ms | {m[1]:,.0f} ms | {m[2]:,.0f} ms | {m[5]:.1f}x | {m[6]:.1f}x | +{m[3]:.0f} MiB | +{m[4]:.0f} MiB | {m[7]:,.0f} ms | {m[8]:.1f}x | {m[9]:,.0f} ms | {m[10]:,.0f} ms |")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
