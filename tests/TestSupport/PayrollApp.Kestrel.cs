using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.TestSupport;

public sealed partial class PayrollApp
{
    /// <summary>
    /// The real application served by Kestrel on a free loopback port, for clients outside the process (a browser):
    /// <c>await using var app = await PayrollApp.StartOnLoopbackAsync(provider); driver.Navigate().GoToUrl(app.ServerAddress);</c>
    /// </summary>
    /// <param name="services">Registrations added after the app's own, such as a regime that lives only in the tests.</param>
    public static async Task<PayrollApp> StartOnLoopbackAsync(
        DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        // The host listens where "urls" says; port 0 lets the OS pick a free one, read back from IServerAddressesFeature.
        var merged = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.Ordinal)
        {
            [WebHostDefaults.ServerUrlsKey] = "http://127.0.0.1:0",
        };
        var app = new PayrollApp(database, merged, services: services);
        app.UseKestrel();
        app.StartServer(); // applies the migrations and creates the administrator
        await app.SignInAdminAsync();
        return app;
    }

    /// <summary>The Kestrel address (<c>http://127.0.0.1:port/</c>) after <see cref="StartOnLoopbackAsync"/>.</summary>
    public Uri ServerAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("The server has no addresses; start it with StartOnLoopbackAsync.");
            return new Uri(addresses.First().TrimEnd('/') + "/");
        }
    }
}
