using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Api.Tests.Identity;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests.Payslips;

/// <summary>The employee role and the binding of a membership to an employee record: own payslips only, on both databases.</summary>
public sealed class EmployeePayslipTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Employee_WhenInvitedForAnEmployeeRecord_ShouldSeeOnlyTheirOwnPayslipsAnd403Or404ForEverythingElse(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var foreign = await app.CompanyAsync("foreign");
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        var grace = await app.EmployeeAsync(company.Id, "234-56-7890", "Grace", "Hopper");
        var outsider = await app.EmployeeAsync(foreign.Id, "345-67-8901", "Olga", "Outsider");
        var january = await ApprovedAsync(app, company.Id, 1, [Samples.UsLine(ada.Id, 3000m), Samples.UsLine(grace.Id, 4000m)]);
        var graceOnly = await ApprovedAsync(app, company.Id, 2, [Samples.UsLine(grace.Id, 4000m)]);
        var draft = (await app.SendAsync<Result<PayrollDto>>(Payroll(company.Id, 3, [Samples.UsLine(ada.Id, 3100m)]))).Value!;
        var foreignPayroll = await ApprovedAsync(app, foreign.Id, 1, [Samples.UsLine(outsider.Id, 5000m)]);
        var admin = app.CreateClient();

        var invited = await admin.PostAsJsonAsync($"/api/companies/{company.Id}/users", new { email = "ada@acme.test", role = "employee", employeeId = ada.Id });
        var twice = await admin.PostAsJsonAsync($"/api/companies/{company.Id}/users", new { email = "ada2@acme.test", role = "employee", employeeId = ada.Id });
        var unbound = await admin.PostAsJsonAsync($"/api/companies/{company.Id}/users", new { email = "x@acme.test", role = "employee" });
        var foreignRecord = await admin.PostAsJsonAsync($"/api/companies/{company.Id}/users", new { email = "y@acme.test", role = "employee", employeeId = outsider.Id });

        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        var password = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("generatedPassword").GetString()!;
        (await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("member.employee_bound");
        (await unbound.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("employeeId").ShouldNotBeEmpty();
        (await foreignRecord.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("employeeId").ShouldNotBeEmpty();
        var viewer = (await app.CreateMemberAsync("viewer", company.Id)).Caller.UserId;
        var demoted = await admin.PatchAsJsonAsync($"/api/companies/{company.Id}/users/{viewer}", new { role = "employee" });
        (await demoted.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors("role").ShouldNotBeEmpty("the role comes with its employee record, at the invitation");

        var session = await Sessions.SignInAsync(app, "ada@acme.test", password);
        var client = session.Client;
        var list = await client.GetFromJsonAsync<JsonElement>("/api/me/payslips");
        list.GetArrayLength().ShouldBe(1, "one approved line of hers; the draft and Grace's payroll are not hers");
        var mine = list[0];
        mine.GetProperty("payrollId").GetGuid().ShouldBe(january.Id);
        mine.GetProperty("netPay").GetDecimal().ShouldBe(january.Lines[0].NetPay);
        var json = await client.GetAsync(mine.GetProperty("url").GetString());
        var pdf = await client.GetAsync(mine.GetProperty("pdfUrl").GetString());
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("employee").GetProperty("name").GetString().ShouldBe("Ada Lovelace");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        PdfText.Read(await pdf.Content.ReadAsByteArrayAsync()).LineOf("Employee").ShouldBe("Employee Ada Lovelace");

        (await client.GetAsync($"/api/me/payslips/{company.Id}/{graceOnly.Id}.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a payroll without her line");
        (await client.GetAsync($"/api/me/payslips/{foreign.Id}/{foreignPayroll.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another company");
        (await client.GetAsync($"/api/me/payslips/{company.Id}/{draft.Id}")).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a draft is not a payslip yet");
        (await client.GetAsync($"/api/companies/{company.Id}/payrolls/{january.Id}/payslips/{grace.Id}.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/companies/{company.Id}/employees")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/companies/{company.Id}/payrolls")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/companies/{foreign.Id}/payrolls")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/companies/{foreign.Id}/payrolls/{foreignPayroll.Id}/payslips/{outsider.Id}.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AuditAsync(app, company.Id)).Count(a => a == "payslip.viewed").ShouldBe(2, "the JSON and the PDF she opened");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PayrollClerk_WhenAlsoBoundToTheirEmployeeRecord_ShouldSeeTheirOwnPayslipsAndKeepTheirStaffRole(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var company = await app.CompanyAsync("acme");
        var clerk = await app.EmployeeAsync(company.Id, "123-45-6789", "Carla", "Clerk");
        var other = await app.EmployeeAsync(company.Id, "234-56-7890", "Otto", "Other");
        var payroll = await ApprovedAsync(app, company.Id, 1, [Samples.UsLine(clerk.Id, 3000m), Samples.UsLine(other.Id, 3500m)]);
        (await app.CreateClient().PostAsJsonAsync($"/api/companies/{company.Id}/users",
            new { email = "carla@acme.test", role = "payroll_manager", employeeId = clerk.Id, password = "Correct horse battery staple 42" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var session = await Sessions.SignInAsync(app, "carla@acme.test", "Correct horse battery staple 42");
        var mine = await session.Client.GetFromJsonAsync<JsonElement>("/api/me/payslips");
        var staff = await session.Client.GetAsync($"/api/companies/{company.Id}/payrolls/{payroll.Id}/payslips/{other.Id}");

        mine.GetArrayLength().ShouldBe(1);
        mine[0].GetProperty("netPay").GetDecimal().ShouldBe(payroll.Lines[0].NetPay);
        staff.StatusCode.ShouldBe(HttpStatusCode.OK, "her staff role still reads the payroll's payslips");
        (await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/me/payslips")).GetArrayLength().ShouldBe(0, "the administrator is bound to no employee record");
    }

    private static CreatePayroll Payroll(Guid companyId, int month, PayrollLineRequest[] lines) => new(
        companyId, new DateOnly(2026, month, 1), new DateOnly(2026, month, 28), new DateOnly(2026, month, 28), "monthly", lines);

    private static async Task<PayrollDto> ApprovedAsync(PayrollApp app, Guid companyId, int month, PayrollLineRequest[] lines)
    {
        var created = (await app.SendAsync<Result<PayrollDto>>(Payroll(companyId, month, lines))).Value!;
        return (await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(companyId, created.Id))).Value!;
    }

    private static async Task<string[]> AuditAsync(PayrollApp app, Guid companyId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        return [.. await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT action FROM audit_events WHERE company_id = @companyId", new { companyId })];
    }
}
