using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;

namespace PayrollPortal.Browser.Tests;

/// <summary>The audit trail and company settings pages (issue 26) in Chromium, each checked against what the API holds afterwards.</summary>
public sealed class AuditAndSettingsPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    [Fact]
    public Task Settings_WhenACompanyAdminSavesTheAddressAndNumber_ShouldBeWhatTheApiHolds() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateKoreaCompanyAsync("settings");
        var (email, password) = await fixture.CreateMemberAsync("company_admin", company.Id);
        _portal.SignIn(email, password);
        _portal.WaitForHeading("Companies");

        _portal.Open($"#/c/{company.Id}/payrolls");
        _portal.ClickLink("Settings");
        _portal.WaitForHeading("Settings");
        var fixedFacts = _portal.WaitFor("#company-fixed").Text;
        fixedFacts.ShouldContain("KRW");
        _portal.Field("Country").GetAttribute("value").ShouldBe("KR", "a kr company's address starts in Korea");

        // A typo in the check digit and a missing city are refused beside their fields, and nothing is stored.
        _portal.Fill("사업자등록번호 Business registration number", "123-45-67890");
        _portal.Fill("Address line 1", "테헤란로 152");
        _portal.ClickButton("Save settings");
        _portal.FieldError("사업자등록번호 Business registration number").Text.ShouldContain("check it for a typo");
        _portal.FieldError("City").Text.ShouldContain("required");
        using var client = fixture.App.CreateClient();
        var refused = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}");
        (refused.GetProperty("registrationNumber").ValueKind, refused.GetProperty("address").ValueKind).ShouldBe((JsonValueKind.Null, JsonValueKind.Null));

        _portal.Fill("사업자등록번호 Business registration number", "123-45-67891");
        _portal.Fill("City", "서울특별시 강남구");
        _portal.Fill("Postal code", "06236");
        _portal.Fill("Name", "Settings 주식회사");
        _portal.ClickButton("Save settings");
        _portal.WaitUntil(() => _portal.WaitFor("#settings-status").Text == "Settings saved.", "the page says the settings were saved");

        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/companies/{company.Id}");
        stored.GetProperty("name").GetString().ShouldBe("Settings 주식회사");
        stored.GetProperty("registrationNumber").GetString().ShouldBe("123-45-67891");
        var address = stored.GetProperty("address");
        (address.GetProperty("line1").GetString(), address.GetProperty("city").GetString(), address.GetProperty("postalCode").GetString(), address.GetProperty("country").GetString())
            .ShouldBe(("테헤란로 152", "서울특별시 강남구", "06236", "KR"));
        _portal.WaitFor("#company-nav .company-name").Text.ShouldBe("Settings 주식회사");

        // After a reload the page shows what the API holds.
        _portal.Driver.Navigate().Refresh();
        _portal.WaitForHeading("Settings");
        _portal.Field("City").GetAttribute("value").ShouldBe("서울특별시 강남구");
    });

    [Fact]
    public Task Settings_WhenTheHolidayListIsEdited_ShouldBeWhatTheApiHolds() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("holidays");
        using var client = fixture.App.CreateClient();
        (await client.PutAsJsonAsync($"/api/companies/{company.Id}/holidays",
            new { holidays = new[] { new { date = "2026-07-03", name = "Independence Day (observed)" } } })).IsSuccessStatusCode.ShouldBeTrue();
        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");

        _portal.Open($"#/c/{company.Id}/settings");
        _portal.WaitForHeading("Settings");
        HolidayRows().ShouldBe([("2026-07-03", "Independence Day (observed)")]);

        // The same date twice: the API's 400 names the second row, shown beside it, and the stored list is unchanged.
        _portal.ClickButton("Add a holiday");
        FillLastHoliday("2026-07-03", "Again");
        _portal.ClickButton("Save holidays");
        _portal.WaitUntil(() => _portal.Driver.FindElements(By.CssSelector("#holidays-table .field-error")).Any(e => e.Displayed && e.Text.Contains("listed twice", StringComparison.Ordinal)),
            "the duplicate date is refused beside its row");
        (await StoredHolidaysAsync(client, company.Id)).ShouldBe([("2026-07-03", "Independence Day (observed)")]);

        FillLastHoliday("2026-12-25", "Christmas Day");
        _portal.ClickButton("Add a holiday");
        FillLastHoliday("2026-11-26", "Thanksgiving Day");
        _portal.ClickButton("Save holidays");
        _portal.WaitUntil(() => _portal.WaitFor("#holidays-status").Text == "Holidays saved (3).", "the page says the holidays were saved");

        (await StoredHolidaysAsync(client, company.Id)).ShouldBe([
            ("2026-07-03", "Independence Day (observed)"), ("2026-11-26", "Thanksgiving Day"), ("2026-12-25", "Christmas Day")]);
        HolidayRows().ShouldBe(await StoredHolidaysAsync(client, company.Id), "the page shows the list in the API's date order");
    });

    [Fact]
    public Task Settings_ForAViewer_ShouldBeReadOnly() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("viewing");
        var (email, password) = await fixture.CreateMemberAsync("viewer", company.Id);
        _portal.SignIn(email, password);
        _portal.WaitForHeading("Companies");

        _portal.Open($"#/c/{company.Id}/settings");
        _portal.WaitForHeading("Settings");

        _portal.Field("Name").Enabled.ShouldBeFalse();
        _portal.Field("EIN").Enabled.ShouldBeFalse();
        _portal.HasVisible(By.XPath("//button[normalize-space(.)='Save holidays']")).ShouldBeFalse();
        _portal.HasVisible(By.XPath("//button[normalize-space(.)='Save settings']")).ShouldBeFalse();
        _portal.WaitFor(".role-note").Text.ShouldContain("Only a company admin");
    });

    [Fact]
    public Task Audit_WhenFilteredAndPaged_ShouldShowTheEventsTheApiListsAndTheChainsIntact() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("audited");
        using var client = fixture.App.CreateClient();
        for (var i = 1; i <= 3; i++)
        {
            (await client.PatchAsJsonAsync($"/api/companies/{company.Id}", new { name = $"audited company {i}" })).IsSuccessStatusCode.ShouldBeTrue();
        }

        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.ClickLink("Audit trail");
        _portal.WaitForHeading("Audit trail");

        // A malformed entity id is the API's 400, shown beside the field.
        _portal.Fill("Entity id", "not-an-id");
        _portal.ClickButton("Show events");
        _portal.FieldError("Entity id").Text.ShouldNotBeEmpty();

        _portal.Choose("Company", "audited company 3");
        _portal.Choose("Entity type", "company");
        _portal.Fill("Entity id", company.Id.ToString());
        _portal.Fill("Action", "company.updated");
        _portal.SetDate("From", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        _portal.ClickButton("Show events");
        _portal.WaitFor("#audit-events tbody tr");
        var expected = (await client.GetFromJsonAsync<JsonElement>($"/api/audit?companyId={company.Id}&entityType=company&entityId={company.Id}&action=company.updated"))
            .GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToArray();
        expected.Length.ShouldBe(3);
        ShownEventIds().ShouldBe(expected);
        _portal.Driver.FindElement(By.Id("audit-events")).Text.ShouldContain("audited company 2");

        _portal.HasVisible(By.Id("audit-next")).ShouldBeFalse("three events fit on one page of 50");

        // Keyset paging: one event per page, "Next page" until the third, which has none after it.
        _portal.Open($"#/audit?companyId={company.Id}&entityType=company&entityId={company.Id}&action=company.updated&limit=1");
        var seen = new List<string?>();
        for (var page = 1; page <= 3; page++)
        {
            _portal.WaitUntil(() => ShownEventIds() is [var id] && !seen.Contains(id), $"page {page} shows one new event");
            seen.Add(ShownEventIds().Single());
            if (page < 3)
            {
                _portal.ClickLink("Next page");
            }
        }

        seen.ShouldBe(expected);
        _portal.HasVisible(By.Id("audit-next")).ShouldBeFalse("the third event is the last");

        _portal.ClickButton("Verify the hash chains");
        _portal.WaitUntil(() => _portal.WaitFor("#audit-verify-result").Text.StartsWith("Intact:", StringComparison.Ordinal), "the verification reports");
        var report = await client.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        _portal.WaitFor("#audit-verify-result").Text.ShouldContain($"in {report.GetProperty("chains").GetInt32()} chain(s)");
    });

    private (string?, string?)[] HolidayRows() =>
        [.. _portal.Driver.FindElements(By.CssSelector("#holidays-table tr.holiday"))
            .Select(r => r.FindElements(By.TagName("input")))
            .Select(inputs => (inputs[0].GetAttribute("value"), inputs[1].GetAttribute("value")))];

    private void FillLastHoliday(string date, string name)
    {
        var inputs = _portal.Driver.FindElements(By.CssSelector("#holidays-table tr.holiday")).Last().FindElements(By.TagName("input"));
        _portal.Driver.ExecuteScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", inputs[0], date);
        inputs[1].Clear();
        inputs[1].SendKeys(name);
    }

    private static async Task<(string?, string?)[]> StoredHolidaysAsync(HttpClient client, Guid companyId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/holidays")).GetProperty("holidays").EnumerateArray()
            .Select(h => (h.GetProperty("date").GetString(), h.GetProperty("name").GetString()))];

    private string?[] ShownEventIds() =>
        [.. _portal.Driver.FindElements(By.CssSelector("#audit-events tbody tr")).Select(r => r.GetAttribute("data-event-id"))];
}
