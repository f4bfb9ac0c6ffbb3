using System.Net;
using System.Net.Http.Json;
using OpenQA.Selenium;

namespace PayrollPortal.Browser.Tests;

/// <summary>The company members page and the change-password page, in headless Chromium against the real application.</summary>
public sealed class AccountPortalTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private readonly PortalPage _portal = new(fixture.Driver, fixture.BaseAddress);

    [Fact]
    public Task CompanyAdmin_ShouldAddNewAndExistingMembersChangeARoleKeepTheLastAdminAndRemoveAMember() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("members");
        var other = await fixture.CreateCompanyAsync("elsewhere");
        var (adminEmail, adminPassword) = await fixture.CreateMemberAsync("company_admin", company.Id);
        var (accountantEmail, accountantPassword) = await fixture.CreateMemberAsync("payroll_manager", other.Id);
        var newEmail = $"new-{Guid.NewGuid():N}@portal.test";

        _portal.SignIn(adminEmail, adminPassword);
        _portal.WaitForHeading("Companies");
        _portal.ClickLink(company.Name);
        _portal.WaitForHeading("Payrolls");
        _portal.ClickLink("Members");
        _portal.WaitForHeading("Members");
        Row(adminEmail).Text.ShouldContain("(you)");
        SelectedRole(adminEmail).ShouldBe("Company admin");

        // A new user without a password: the generated one is shown once, and it signs in.
        _portal.Fill("Email", newEmail);
        _portal.Choose("Role", "Payroll manager");
        _portal.ClickButton("Add member");
        var generated = _portal.WaitFor("#generated-password").Text;
        generated.Length.ShouldBeGreaterThanOrEqualTo(12);
        _portal.WaitFor("#add-member-result").Text.ShouldContain("This password is shown only this once.");
        _portal.WaitUntil(() => _portal.HasVisible(By.CssSelector($"tr[data-member='{newEmail}']")), "the new member is listed");
        _portal.Field("Email").GetAttribute("value").ShouldBeEmpty();
        (await MemberRoleAsync(company.Id, newEmail)).ShouldBe("payroll_manager");
        (await LoginStatusAsync(newEmail, generated)).ShouldBe(HttpStatusCode.OK);

        // Leaving the page and coming back does not show the password again.
        _portal.ClickLink("Payrolls");
        _portal.WaitForHeading("Payrolls");
        _portal.ClickLink("Members");
        _portal.WaitForHeading("Members");
        _portal.WaitFor($"tr[data-member='{newEmail}']");
        _portal.Driver.PageSource.ShouldNotContain(generated);

        // An account from another company joins with the role and keeps its own password.
        _portal.Fill("Email", accountantEmail);
        _portal.Choose("Role", "Viewer");
        _portal.ClickButton("Add member");
        var notice = _portal.WaitFor("#add-member-result .notice").Text;
        notice.ShouldContain("already had an account");
        notice.ShouldContain("keeps its own password");
        _portal.HasVisible(By.Id("generated-password")).ShouldBeFalse();
        _portal.WaitUntil(() => _portal.HasVisible(By.CssSelector($"tr[data-member='{accountantEmail}']")), "the existing account is listed");
        (await MemberRoleAsync(company.Id, accountantEmail)).ShouldBe("viewer");
        (await LoginStatusAsync(accountantEmail, accountantPassword)).ShouldBe(HttpStatusCode.OK);

        // Adding a member twice: the 409 is shown beside the email, and nothing changes.
        _portal.Fill("Email", newEmail);
        _portal.ClickButton("Add member");
        _portal.FieldError("Email").Text.ShouldBe("This account is already a member of the company. Change its role in the list above.");
        _portal.Field("Email").GetAttribute("aria-invalid").ShouldBe("true");
        (await MemberRoleAsync(company.Id, newEmail)).ShouldBe("payroll_manager");

        // A role change.
        _portal.Choose(RoleSelect(newEmail), "Viewer");
        Row(newEmail).FindElement(By.CssSelector("button[type='submit']")).Click();
        _portal.WaitUntil(() => _portal.WaitFor("#members-status").Text == $"{newEmail} is now Viewer.", "the role change is confirmed");
        (await MemberRoleAsync(company.Id, newEmail)).ShouldBe("viewer");

        // The last company admin cannot be demoted: the 409 says why, in the admin's row, and the role stays.
        _portal.Choose(RoleSelect(adminEmail), "Viewer");
        Row(adminEmail).FindElement(By.CssSelector("button[type='submit']")).Click();
        _portal.WaitUntil(() => Row(adminEmail).FindElements(By.CssSelector(".alert")).Any(a => a.Displayed), "the conflict is shown in the row");
        Row(adminEmail).FindElement(By.CssSelector(".alert")).Text
            .ShouldContain("The company's last company admin cannot be removed or given another role; make someone else company admin first.");
        SelectedRole(adminEmail).ShouldBe("Company admin"); // the select shows the stored role again
        (await MemberRoleAsync(company.Id, adminEmail)).ShouldBe("company_admin");

        // Removing asks first; Cancel keeps the member, "Remove member" removes them.
        Row(newEmail).FindElement(By.XPath(".//button[normalize-space(.)='Remove…']")).Click();
        var confirm = _portal.WaitFor($"tr[data-member='{newEmail}'] .remove-form");
        confirm.Text.ShouldContain($"Remove {newEmail} from {company.Name}?");
        confirm.FindElement(By.XPath(".//button[normalize-space(.)='Cancel']")).Click();
        _portal.WaitUntil(() => !Row(newEmail).FindElement(By.CssSelector(".remove-form")).Displayed, "the confirmation closes");
        (await MemberRoleAsync(company.Id, newEmail)).ShouldBe("viewer");

        Row(newEmail).FindElement(By.XPath(".//button[normalize-space(.)='Remove…']")).Click();
        _portal.WaitFor($"tr[data-member='{newEmail}'] .remove-form").FindElement(By.XPath(".//button[normalize-space(.)='Remove member']")).Click();
        _portal.WaitUntil(() => !_portal.HasVisible(By.CssSelector($"tr[data-member='{newEmail}']")), "the removed member leaves the list");
        _portal.WaitFor("#members-status").Text.ShouldBe($"{newEmail} was removed from {company.Name}.");
        (await MemberRoleAsync(company.Id, newEmail)).ShouldBeNull();
        (await MemberRoleAsync(company.Id, accountantEmail)).ShouldBe("viewer");
    });

    [Fact]
    public Task MembersPage_ShouldBeLinkedForTheAdministratorButNotForAViewer() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("nomembers");
        var (adminEmail, _) = await fixture.CreateMemberAsync("company_admin", company.Id);
        var (viewerEmail, viewerPassword) = await fixture.CreateMemberAsync("viewer", company.Id);

        _portal.SignIn(viewerEmail, viewerPassword);
        _portal.WaitForHeading("Companies");
        _portal.ClickLink(company.Name);
        _portal.WaitForHeading("Payrolls");
        _portal.WaitFor("#company-nav").Text.ShouldContain("Employees");
        _portal.HasVisible(By.LinkText("Members")).ShouldBeFalse();

        // Typing the address shows no members and no controls.
        _portal.Open($"#/c/{company.Id}/members");
        _portal.WaitForHeading("Members");
        _portal.WaitFor("main .alert").Text.ShouldContain("Only the company's admins and administrators");
        _portal.Driver.FindElement(By.TagName("main")).Text.ShouldNotContain(adminEmail);
        _portal.Driver.FindElements(By.CssSelector("main form, main table")).ShouldBeEmpty();

        // The global administrator has the link and sees the company's members.
        _portal.SignIn(PortalFixture.AdminEmail, fixture.AdminPassword);
        _portal.WaitForHeading("Companies");
        _portal.ClickLink(company.Name);
        _portal.ClickLink("Members");
        _portal.WaitForHeading("Members");
        Row(adminEmail).Text.ShouldContain(adminEmail);
        Row(viewerEmail).Text.ShouldContain(viewerEmail);
    });

    [Fact]
    public Task ChangePassword_ShouldRefuseAWrongCurrentPasswordThenChangeItForTheNextSignIn() => _portal.RunAsync(async () =>
    {
        var company = await fixture.CreateCompanyAsync("password");
        var (email, oldPassword) = await fixture.CreateMemberAsync("viewer", company.Id);
        const string newPassword = "correct horse battery staple";

        _portal.SignIn(email, oldPassword);
        _portal.WaitForHeading("Companies");
        _portal.ClickLink("Change password");
        _portal.WaitForHeading("Change password");

        // A wrong current password: the server's 400 is shown beside that field, and the password is unchanged.
        _portal.Fill("Current password", "not-my-password");
        _portal.Fill("New password", newPassword);
        _portal.Fill("Repeat the new password", newPassword);
        _portal.ClickButton("Change password");
        _portal.FieldError("Current password").Text.ShouldBe("The current password is not correct.");
        _portal.Field("Current password").GetAttribute("aria-invalid").ShouldBe("true");
        (await LoginStatusAsync(email, oldPassword)).ShouldBe(HttpStatusCode.OK);

        // Two different new passwords are caught before anything is sent.
        _portal.Fill("Current password", oldPassword);
        _portal.Fill("Repeat the new password", newPassword + "!");
        _portal.ClickButton("Change password");
        _portal.FieldError("Repeat the new password").Text.ShouldBe("The two new passwords differ.");
        (await LoginStatusAsync(email, oldPassword)).ShouldBe(HttpStatusCode.OK);

        _portal.Fill("Repeat the new password", newPassword);
        _portal.ClickButton("Change password");
        _portal.WaitFor("#password-result .notice").Text.ShouldContain("Your password has been changed.");
        _portal.Field("Current password").GetAttribute("value").ShouldBeEmpty();
        (await LoginStatusAsync(email, oldPassword)).ShouldBe(HttpStatusCode.Unauthorized);

        // The next sign-in takes the new password.
        _portal.SignIn(email, newPassword);
        _portal.WaitForHeading("Companies");
        _portal.WaitFor("#user-email").Text.ShouldBe(email);
    });

    private IWebElement Row(string email) => _portal.WaitFor($"tr[data-member='{email}']");

    private IWebElement RoleSelect(string email) => Row(email).FindElement(By.CssSelector("select[data-field='role']"));

    private string SelectedRole(string email) => RoleSelect(email).FindElements(By.TagName("option")).Single(o => o.Selected).Text;

    /// <summary>The member's role as the API lists it, or null when the email is not a member.</summary>
    private async Task<string?> MemberRoleAsync(Guid companyId, string email)
    {
        using var client = fixture.App.CreateClient();
        var members = await client.GetFromJsonAsync<List<Member>>($"/api/companies/{companyId}/users");
        return members!.SingleOrDefault(m => m.Email == email)?.Role;
    }

    private async Task<HttpStatusCode> LoginStatusAsync(string email, string password)
    {
        using var client = fixture.App.CreateAnonymousClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        return response.StatusCode;
    }

    private sealed record Member(Guid UserId, string Email, string Role, DateTimeOffset Since);
}
