using OpenQA.Selenium.Chrome;

namespace PayrollPortal.Browser.Tests;

/// <summary>Debian's chromium and chromedriver (build/test.sh installs them), headless, with a fresh profile.</summary>
internal static class Chromium
{
    public const string Binary = "/usr/bin/chromium";
    public const string DriverDirectory = "/usr/bin";

    public static ChromeDriver Start(string downloadDirectory)
    {
        if (!File.Exists(Binary) || !File.Exists(Path.Combine(DriverDirectory, "chromedriver")))
        {
            throw new InvalidOperationException(
                "Browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver (build/test.sh does this).");
        }

        var options = new ChromeOptions { BinaryLocation = Binary };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            // Without these Chromium reaches for Google's services, which the closed network refuses.
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=1280,900",
            "--user-data-dir=" + Path.Combine(Path.GetTempPath(), "payroll-browser-profile", Guid.NewGuid().ToString("N")));
        options.AddUserProfilePreference("download.default_directory", downloadDirectory);
        options.AddUserProfilePreference("download.prompt_for_download", false);

        // The explicit driver path keeps Selenium Manager from trying to download a driver.
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
