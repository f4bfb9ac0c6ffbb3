// Closings load driver for bench/closings.sh. Against a running `payroll` server on PostgreSQL seeded with companies × months:
//   - GET /api/closings?from=&to=&limit=500 (the largest page) over HTTP, against the very SQL statement the server ran for it
//     (read from PostgreSQL's statement log by the script, with its parameters) executed alone through Npgsql;
//   - the whole range, page after page (nextCursor over HTTP; the server's second-page statement with the last row's keyset
//     through Npgsql), against the same;
//   alternated run by run in one process, then EXPLAIN (ANALYZE, BUFFERS) of the first page's statement and of the portal
//   dashboard's one-year statement (--year).
// Usage: ClosingsLoad --url http://127.0.0.1:PORT --database "Host=...;Database=..." --first FILE --next FILE --year FILE --from YYYY-MM --to YYYY-MM [--runs 15]
// FILE holds the log's statement line and its DETAIL parameters line.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

var options = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

const int Limit = 500;
var runs = int.Parse(options.GetValueOrDefault("--runs", "15"), CultureInfo.InvariantCulture);
var (firstSql, firstParameters) = ReadStatement(options["--first"]);
var (nextSql, nextParameters) = ReadStatement(options["--next"]);
var keyset = Regex.Match(nextSql, @"\(c\.created_at, c\.id, k\.y, k\.m\) > \(\$(\d+), \$(\d+), \$(\d+), \$(\d+)\)");
if (!keyset.Success)
{
    throw new InvalidOperationException("The second page's statement has no keyset condition: " + nextSql);
}

var keysetSlots = Enumerable.Range(1, 4).Select(g => int.Parse(keyset.Groups[g].Value, CultureInfo.InvariantCulture) - 1).ToArray();
var path = $"/api/closings?from={options["--from"]}&to={options["--to"]}&limit={Limit}";

using var http = new HttpClient { BaseAddress = new Uri(options["--url"]), Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("BENCH_TOKEN"));
await using var dataSource = NpgsqlDataSource.Create(options["--database"]);

var pageHttp = new List<double>();
var pageRaw = new List<double>();
var walkHttp = new List<double>();
var walkRaw = new List<double>();
int httpCells = 0, rawCells = 0, pages = 0;
for (var run = 0; run < runs + 2; run++)
{
    // The first two runs warm up the JIT, the connection pools and PostgreSQL's buffers, and are not counted.
    var counted = run >= 2;
    var watch = Stopwatch.StartNew();
    var (items, _) = await GetPageAsync(http, path);
    Record(pageHttp, watch, counted);
    if (items != Limit)
    {
        throw new InvalidOperationException($"The first page has {items} items, not {Limit}.");
    }

    watch.Restart();
    var rows = await QueryAsync(dataSource, firstSql, firstParameters);
    Record(pageRaw, watch, counted);
    if (rows.Count != Limit + 1)
    {
        throw new InvalidOperationException($"The first page's statement returned {rows.Count} rows, not {Limit + 1}.");
    }

    watch.Restart();
    (httpCells, pages) = await WalkHttpAsync(http, path);
    Record(walkHttp, watch, counted);

    watch.Restart();
    rawCells = await WalkRawAsync(dataSource);
    Record(walkRaw, watch, counted);
}

if (httpCells != rawCells)
{
    throw new InvalidOperationException($"HTTP listed {httpCells} company-months, the statements {rawCells}.");
}

Console.WriteLine($"{httpCells} company-months in {pages} pages of {Limit}; {runs} runs each, alternated, after 2 warm-up runs");
Console.WriteLine();
Console.WriteLine("| measurement | median ms | mean ms | min ms | max ms | endpoint / query (medians) |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
Row("first page (500), GET /api/closings over HTTP", pageHttp, Median(pageHttp) / Median(pageRaw));
Row("first page (500), the server's statement alone through Npgsql", pageRaw, null);
Row($"whole range ({pages} pages), GET /api/closings following nextCursor", walkHttp, Median(walkHttp) / Median(walkRaw));
Row($"whole range ({pages} pages), the server's statements alone through Npgsql", walkRaw, null);
await ExplainAsync(dataSource, $"the first page's statement ({options["--from"]} to {options["--to"]})", firstSql, firstParameters);
var (yearSql, yearParameters) = ReadStatement(options["--year"]);
await ExplainAsync(dataSource, "the dashboard's statement for one year (2026-01 to 2026-12)", yearSql, yearParameters);
return 0;

static async Task ExplainAsync(NpgsqlDataSource source, string title, string sql, object[] parameters)
{
    Console.WriteLine();
    Console.WriteLine($"EXPLAIN (ANALYZE, BUFFERS) of {title}:");
    await using var explain = source.CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql);
    AddParameters(explain, parameters);
    await using var reader = await explain.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        Console.WriteLine("    " + reader.GetString(0));
    }
}

async Task<int> WalkRawAsync(NpgsqlDataSource source)
{
    var rows = await QueryAsync(source, firstSql, firstParameters);
    var cells = Math.Min(rows.Count, Limit);
    var parameters = nextParameters.ToArray();
    while (rows.Count > Limit)
    {
        // The next page starts after the last row kept, as ListClosings' cursor does.
        var last = rows[Limit - 1];
        parameters[keysetSlots[0]] = last[2];
        parameters[keysetSlots[1]] = last[0];
        parameters[keysetSlots[2]] = last[3];
        parameters[keysetSlots[3]] = last[4];
        rows = await QueryAsync(source, nextSql, parameters);
        cells += Math.Min(rows.Count, Limit);
    }

    return cells;
}

static async Task<(int Cells, int Pages)> WalkHttpAsync(HttpClient client, string first)
{
    var (cells, cursor) = await GetPageAsync(client, first);
    var pageCount = 1;
    while (cursor is not null)
    {
        var (items, next) = await GetPageAsync(client, first + "&cursor=" + Uri.EscapeDataString(cursor));
        cells += items;
        cursor = next;
        pageCount++;
    }

    return (cells, pageCount);
}

static async Task<(int Items, string? NextCursor)> GetPageAsync(HttpClient client, string requestPath)
{
    using var response = await client.GetAsync(requestPath);
    var body = await response.Content.ReadAsByteArrayAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"GET {requestPath}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
    }

    using var json = JsonDocument.Parse(body);
    var next = json.RootElement.GetProperty("nextCursor");
    return (json.RootElement.GetProperty("items").GetArrayLength(), next.ValueKind == JsonValueKind.Null ? null : next.GetString());
}

static async Task<List<object[]>> QueryAsync(NpgsqlDataSource source, string sql, object[] parameters)
{
    await using var command = source.CreateCommand(sql);
    AddParameters(command, parameters);
    await using var reader = await command.ExecuteReaderAsync();
    var rows = new List<object[]>();
    while (await reader.ReadAsync())
    {
        var row = new object[reader.FieldCount];
        reader.GetValues(row);
        rows.Add(row);
    }

    return rows;
}

static void AddParameters(NpgsqlCommand command, object[] parameters)
{
    foreach (var value in parameters)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value });
    }
}

// "... LOG:  execute <unnamed>: WITH months ..." and "... DETAIL:  parameters: $1 = '2025', $2 = '1', ...": the values
// take the types the server's parameters had (integers, uuids, instants).
static (string Sql, object[] Parameters) ReadStatement(string file)
{
    var lines = File.ReadAllLines(file);
    var sql = Regex.Replace(lines[0], @"^.*LOG:  (statement|execute [^:]*): ", string.Empty);
    var values = Regex.Matches(lines.Length > 1 ? lines[1] : string.Empty, @"\$\d+ = '([^']*)'")
        .Select(m => m.Groups[1].Value)
        .Select(object (text) =>
            long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? (int)number
            : Guid.TryParse(text, out var id) ? id
            : DateTimeOffset.Parse(Regex.Replace(text, @"([+-]\d\d)$", "$1:00"), CultureInfo.InvariantCulture).UtcDateTime)
        .ToArray();
    return (sql, values);
}

static void Record(List<double> into, Stopwatch watch, bool counted)
{
    if (counted)
    {
        into.Add(watch.Elapsed.TotalMilliseconds);
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static void Row(string name, List<double> values, double? ratio) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Median(values):0.0} | {values.Average():0.0} | {values.Min():0.0} | {values.Max():0.0} | {(ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "")} |"));
