using System.Runtime.CompilerServices;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace PayrollPortal.Browser.Tests;

/// <summary>
/// Drives the portal the way a person does: controls are found by their visible label or text (which also proves the labels
/// exist), and every wait is an explicit WebDriverWait on something the user would see.
/// </summary>
public sealed class PortalPage(ChromeDriver driver, Uri baseAddress)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public ChromeDriver Driver { get; } = driver;

    public WebDriverWait Wait { get; } = CreateWait(driver);

    private static WebDriverWait CreateWait(IWebDriver driver)
    {
        var wait = new WebDriverWait(driver, Timeout) { PollingInterval = TimeSpan.FromMilliseconds(50) };
        // The portal re-renders a view after each navigation; an element found a moment earlier may be gone.
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        return wait;
    }

    public void Open(string hash) => Driver.Navigate().GoToUrl(new Uri(baseAddress, "/" + hash));

    /// <summary>A fresh start: no session cookie, the login page.</summary>
    public void StartSignedOut()
    {
        Open("#/login");
        Driver.Manage().Cookies.DeleteAllCookies();
        Open("#/login");
        Driver.Navigate().Refresh();
        WaitFor("form.login");
    }

    public void SignIn(string email, string password)
    {
        StartSignedOut();
        Fill("Email", email);
        Fill("Password", password);
        ClickButton("Sign in");
    }

    public IWebElement WaitFor(string css) =>
        Wait.Until(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed));

    public void WaitUntil(Func<bool> condition, string what)
    {
        try
        {
            Wait.Until(_ => condition());
        }
        catch (WebDriverTimeoutException ex)
        {
            throw new WebDriverTimeoutException($"Timed out waiting until {what}.", ex);
        }
    }

    public void WaitForHeading(string text) =>
        WaitUntil(() => Driver.FindElements(By.TagName("h1")).Any(h => h.Displayed && h.Text.Contains(text, StringComparison.Ordinal)), $"the heading \"{text}\" shows");

    /// <summary>
    /// The control whose &lt;label&gt; reads <paramref name="label"/> (the label may carry a "*" for required fields), or whose
    /// aria-label does (the payroll grid's cells: "Gross wages, line 2").
    /// </summary>
    public IWebElement Field(string label) =>
        Wait.Until(d =>
        {
            var labels = d.FindElements(By.XPath($"//label[normalize-space(.)={XPathText(label)} or normalize-space(.)={XPathText(label + " *")}]"));
            var forId = labels.FirstOrDefault(l => l.Displayed)?.GetAttribute("for");
            return forId is not null
                ? d.FindElement(By.Id(forId))
                : d.FindElements(By.XPath($"//*[@aria-label={XPathText(label)}]")).FirstOrDefault(e => e.Displayed);
        });

    /// <summary>The error line beside the control labelled <paramref name="label"/> (the last id in its aria-describedby).</summary>
    public IWebElement FieldError(string label) =>
        Wait.Until(d =>
        {
            var id = Field(label).GetAttribute("aria-describedby")?.Split(' ').LastOrDefault();
            return id is null ? null : d.FindElements(By.Id(id)).FirstOrDefault(e => e.Displayed && e.Text.Length > 0);
        });

    public void Fill(string label, string value)
    {
        var input = Field(label);
        input.Clear();
        input.SendKeys(value);
    }

    /// <summary>Date inputs take a locale-specific key sequence; their value is set as the date picker would set it.</summary>
    public void SetDate(string label, string isoDate) =>
        Driver.ExecuteScript(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true})); arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            Field(label), isoDate);

    public void Choose(IWebElement select, string optionText) =>
        select.FindElements(By.TagName("option")).First(o => o.Text.StartsWith(optionText, StringComparison.Ordinal)).Click();

    public void Choose(string label, string optionText) => Choose(Field(label), optionText);

    /// <summary>The server-computed figure the payroll grid shows beside a line (1-based) for a preview column.</summary>
    public string PreviewCell(int line, string column) =>
        Driver.FindElements(By.CssSelector("#payroll-grid tbody tr"))[line - 1].FindElement(By.CssSelector($"[data-preview='{column}']")).Text;

    public IWebElement Button(string text) =>
        Wait.Until(d => d.FindElements(By.XPath($"//button[normalize-space(.)={XPathText(text)}]")).FirstOrDefault(b => b.Displayed && b.Enabled));

    public void ClickButton(string text) => Button(text).Click();

    public void ClickLink(string text) =>
        Wait.Until(d => d.FindElements(By.LinkText(text)).FirstOrDefault(a => a.Displayed)).Click();

    public bool HasVisible(By by) => Driver.FindElements(by).Any(e => e.Displayed);

    /// <summary>Runs a test body; on failure, saves a screenshot, the page's HTML and the browser log to the artifacts folder.</summary>
    public async Task RunAsync(Func<Task> body, [CallerMemberName] string test = "")
    {
        try
        {
            await body();
        }
        catch (Exception ex)
        {
            var saved = SaveArtifacts(test);
            throw new BrowserTestFailedException($"{ex.Message}\nScreenshot and page saved to {saved} (page was {Driver.Url}).", ex);
        }
    }

    private string SaveArtifacts(string test)
    {
        var directory = ArtifactsDirectory();
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{test}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        try
        {
            Driver.GetScreenshot().SaveAsFile(stem + ".png");
            File.WriteAllText(stem + ".html", Driver.PageSource);
            File.WriteAllLines(stem + ".console.txt", Driver.Manage().Logs.GetLog(LogType.Browser).Select(e => $"{e.Timestamp:O} {e.Level} {e.Message}"));
        }
        catch (WebDriverException ex)
        {
            File.WriteAllText(stem + ".error.txt", "Could not capture the page: " + ex.Message);
        }

        return stem + ".png";
    }

    /// <summary>TEST_ARTIFACTS_DIR, or artifacts/browser-tests at the repository root (ignored by git).</summary>
    public static string ArtifactsDirectory()
    {
        if (Environment.GetEnvironmentVariable("TEST_ARTIFACTS_DIR") is { Length: > 0 } configured)
        {
            return Path.Combine(configured, "browser-tests");
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PayrollPortal.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? Path.GetTempPath(), "artifacts", "browser-tests");
    }

    private static string XPathText(string text) => text.Contains('\'', StringComparison.Ordinal) ? $"\"{text}\"" : $"'{text}'";
}

public sealed class BrowserTestFailedException(string message, Exception inner) : Exception(message, inner);
