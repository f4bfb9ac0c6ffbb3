using System.CommandLine;
using PayrollPortal.Api.Hosting;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// <c>payroll healthcheck</c>: the container's HEALTHCHECK, which needs no curl in the image. GETs <c>/api/livez</c> on the
/// server of the same environment and exits 0 when it answers 200, 1 otherwise, which is what Docker expects.
/// </summary>
internal static class HealthcheckCommand
{
    public static Command Create(CliContext context)
    {
        var url = new Option<Uri?>("--url") { Description = "The URL to check (default: /api/livez on the port of ASPNETCORE_URLS or PORT, via 127.0.0.1)." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the answer.", DefaultValueFactory = _ => 3 };
        var command = new Command("healthcheck", "Exit 0 if the local server answers /api/livez with 200, else 1 (for Docker's HEALTHCHECK).") { url, timeout };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(url) ?? LivenessUrl(context.Configuration);
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeout), 1, 60)) };
            try
            {
                using var response = await client.GetAsync(target, ct);
                if (response.IsSuccessStatusCode)
                {
                    return CliExitCodes.Ok;
                }

                await context.Error.WriteLineAsync($"payroll healthcheck: {target} answered {(int)response.StatusCode}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await context.Error.WriteLineAsync($"payroll healthcheck: {target}: {ex.Message}");
            }

            return Unhealthy;
        });
        return command;
    }

    /// <summary>Docker reads 1 as unhealthy.</summary>
    public const int Unhealthy = 1;

    /// <summary>
    /// The first of ASPNETCORE_URLS (a wildcard host such as <c>+</c>, <c>*</c> or <c>0.0.0.0</c> becomes 127.0.0.1), else
    /// http://127.0.0.1:PORT, the address the server itself listens on with the same environment.
    /// </summary>
    public static Uri LivenessUrl(IConfiguration configuration)
    {
        var urls = configuration["ASPNETCORE_URLS"] ?? configuration["URLS"];
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is not null)
        {
            var normalized = first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
            if (Uri.TryCreate(normalized, UriKind.Absolute, out var server))
            {
                return new Uri(server, "/api/livez");
            }
        }

        var port = configuration.GetValue("PORT", PayrollHost.DefaultPort);
        return new Uri($"http://127.0.0.1:{port}/api/livez");
    }
}
