using System.Globalization;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Payslips;
using PayrollPortal.Application.Withholding.Korea;
using PayrollPortal.Application.Withholding.UsFederal;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Application.Tests.Payslips;

/// <summary>
/// Payslips through the real pipeline on both databases: the PDF read back with PdfPig, every figure compared with the stored
/// line and its year to date, to the cent and to the won.
/// </summary>
public sealed class PayslipUseCaseTests
{
    private static readonly CompanyAddressDto Office = new("1 Market St", "Suite 200", "San Francisco", "CA", "94105", "US");

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetPayslipPdf_ForAnApprovedUsPayroll_ShouldPrintEveryFigureOfTheLineWithItsYearToDateToTheCent(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, ada) = await UsCompanyAsync(app);
        var january = await ApprovedAsync(app, UsPayroll(companyId, 1, 30, Samples.UsLine(ada, 5_000.00m, 250.00m, new(200.00m, 50.00m, 25.00m), 40.00m)));
        var february = await ApprovedAsync(app, UsPayroll(companyId, 2, 27, Samples.UsLine(ada, 5_200.55m, null, new(208.02m, 50.00m, 25.00m), 40.00m)));

        var pdf = await app.SendAsync<Result<PayslipPdf>>(new GetPayslipPdf(companyId, february.Id, ada));

        pdf.IsSuccess.ShouldBeTrue(string.Join("; ", pdf.Errors.Select(e => e.Message)));
        pdf.Value!.ContentType.ShouldBe("application/pdf");
        pdf.Value.FileName.ShouldBe("2026-02-27_Ada_Lovelace.pdf");
        var text = PdfText.Read(pdf.Value.Content);
        var (jan, feb) = (january.Lines[0], february.Lines[0]);
        var (janTax, febTax) = (jan.Withholdings(), feb.Withholdings());
        var (janPre, febPre) = (PreTax(jan), PreTax(feb));
        ShouldShow(text, "Regular pay", feb.GrossWages, jan.GrossWages + feb.GrossWages);
        ShouldShow(text, "Supplemental pay (bonus)", feb.SupplementalWages, jan.SupplementalWages + feb.SupplementalWages);
        ShouldShow(text, "Retirement (401(k))", febPre.Retirement!.Value, janPre.Retirement!.Value + febPre.Retirement.Value);
        ShouldShow(text, "Cafeteria plan (section 125)", febPre.Cafeteria!.Value, janPre.Cafeteria!.Value + febPre.Cafeteria.Value);
        ShouldShow(text, "Health savings account", febPre.Hsa!.Value, janPre.Hsa!.Value + febPre.Hsa.Value);
        ShouldShow(text, "Federal income tax", febTax.FederalIncomeTax, janTax.FederalIncomeTax + febTax.FederalIncomeTax);
        ShouldShow(text, "Social Security", febTax.SocialSecurity, janTax.SocialSecurity + febTax.SocialSecurity);
        ShouldShow(text, "Medicare", febTax.Medicare, janTax.Medicare + febTax.Medicare);
        ShouldShow(text, "Additional Medicare", febTax.AdditionalMedicare, janTax.AdditionalMedicare + febTax.AdditionalMedicare);
        ShouldShow(text, "Post-tax deductions", feb.PostTaxDeductions, jan.PostTaxDeductions + feb.PostTaxDeductions);
        ShouldShow(text, "Gross pay", feb.GrossWages + feb.SupplementalWages, jan.GrossWages + jan.SupplementalWages + feb.GrossWages + feb.SupplementalWages);
        ShouldShow(text, "Net pay", feb.NetPay, jan.NetPay + feb.NetPay);
        febTax.FederalIncomeTax.ShouldBeGreaterThan(0m, "the figures compared are real withholdings");
        text.LineOf("EIN").ShouldBe("EIN 12-3456789");
        text.LineOf("SSN").ShouldBe("SSN XXX-XX-6789");
        text.LineOf("Employee").ShouldBe("Employee Ada Lovelace");
        text.LineOf("Pay period").ShouldBe("Pay period 2026-02-01 – 2026-02-28");
        text.LineOf("Pay date").ShouldBe("Pay date 2026-02-27");
        text.LineOf("Address").ShouldBe("Address 1 Market St, Suite 200");
        text.Text.ShouldContain("San Francisco CA 94105 US");
        text.Text.ShouldNotContain("123-45");
        text.LargeText.ShouldBeEmpty("an approved payroll's payslip has no watermark");
        ShouldSayNoMoreThanThePage(text);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetPayslip_WhenAnotherPayrollIsPaidTheSameDay_ShouldCountItInTheYearToDateOnlyIfApprovedEarlier(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, ada) = await UsCompanyAsync(app);
        var regular = await ApprovedAsync(app, UsPayroll(companyId, 3, 31, Samples.UsLine(ada, 4_000.00m)));
        var bonus = await ApprovedAsync(app, UsPayroll(companyId, 3, 31, Samples.UsLine(ada, 0m, 1_000.00m)));
        var later = (await app.SendAsync<Result<PayrollDto>>(UsPayroll(companyId, 4, 30, Samples.UsLine(ada, 4_100.00m)))).Value!;

        var first = (await app.SendAsync<Result<PayslipDto>>(new GetPayslip(companyId, regular.Id, ada))).Value!;
        var second = (await app.SendAsync<Result<PayslipDto>>(new GetPayslip(companyId, bonus.Id, ada))).Value!;
        var draft = await app.SendAsync<Result<PayslipDto>>(new GetPayslip(companyId, later.Id, ada));
        var preview = (await app.SendAsync<Result<PayslipDto>>(new GetPayslip(companyId, later.Id, ada, Preview: true))).Value!;

        (first.Totals.GrossPay, first.Totals.GrossPayYearToDate).ShouldBe((4_000.00m, 4_000.00m), "the bonus run was approved after it");
        (second.Totals.GrossPay, second.Totals.GrossPayYearToDate).ShouldBe((1_000.00m, 5_000.00m));
        second.Totals.NetPayYearToDate.ShouldBe(regular.Lines[0].NetPay + bonus.Lines[0].NetPay);
        Item(second, "earnings", "regularPay").ShouldBe((0m, 4_000.00m));
        draft.Errors.Single().Code.ShouldBe("payslip.payroll_draft");
        (preview.Status, preview.Totals.GrossPayYearToDate).ShouldBe(("draft", 9_100.00m));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetPayslipPdf_ForADraftOrVoidedPayroll_ShouldRefuseUnlessPreviewedAndThenBeWatermarked(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, ada) = await UsCompanyAsync(app);
        var draft = (await app.SendAsync<Result<PayrollDto>>(UsPayroll(companyId, 5, 29, Samples.UsLine(ada, 3_000.00m)))).Value!;
        var voided = await ApprovedAsync(app, UsPayroll(companyId, 4, 30, Samples.UsLine(ada, 3_000.00m)));
        (await app.SendAsync<Result<PayrollDto>>(new VoidPayroll(companyId, voided.Id, "Wrong hours"))).IsSuccess.ShouldBeTrue();

        var refusedDraft = await app.SendAsync<Result<PayslipPdf>>(new GetPayslipPdf(companyId, draft.Id, ada));
        var refusedVoid = await app.SendAsync<Result<PayslipPdf>>(new GetPayslipPdf(companyId, voided.Id, ada));
        var draftPreview = PdfText.Read((await app.SendAsync<Result<PayslipPdf>>(new GetPayslipPdf(companyId, draft.Id, ada, Preview: true))).Value!.Content);
        var voidPreview = PdfText.Read((await app.SendAsync<Result<PayslipPdf>>(new GetPayslipPdf(companyId, voided.Id, ada, Preview: true))).Value!.Content);
        var unknownEmployee = await app.SendAsync<Result<PayslipPdf>>(new GetPayslipPdf(companyId, voided.Id, Guid.NewGuid(), Preview: true));
        var unknownPayroll = await app.SendAsync<Result<PayslipPdf>>(new GetPayslipPdf(companyId, Guid.NewGuid(), ada));

        (refusedDraft.Errors.Single().Code, refusedDraft.Errors.Single().Type).ShouldBe(("payslip.payroll_draft", ErrorType.Conflict));
        (refusedVoid.Errors.Single().Code, refusedVoid.Errors.Single().Type).ShouldBe(("payslip.payroll_voided", ErrorType.Conflict));
        draftPreview.LargeText.ShouldBe("DRAFT");
        voidPreview.LargeText.ShouldBe("VOID");
        ShouldShow(draftPreview, "Regular pay", 3_000.00m, 3_000.00m);
        (unknownEmployee.Errors.Single().Code, unknownEmployee.Errors.Single().Type).ShouldBe(("payslip.not_found", ErrorType.NotFound));
        unknownPayroll.Errors.Single().Type.ShouldBe(ErrorType.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetPayslipPdf_ForAnApprovedKrPayroll_ShouldPrintTheBilingualStatementWithEveryDeductionToTheWon(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, kim, lee) = await app.SetUpKoreaCompanyAsync();
        await app.SendAsync<Result<CompanyDto>>(new UpdateCompany(
            companyId, default, default, default, Optional<string?>.Of("123-45-67891"),
            Optional<CompanyAddressDto?>.Of(new("세종대로 110", null, "중구", "서울특별시", "04524", "KR"))));
        (await app.SendAsync<Result<EmployeeDto>>(new UpdateEmployee(companyId, lee, default, default, default, default) { EmployeeNumber = Optional<string?>.Of("E-0042") }))
            .IsSuccess.ShouldBeTrue();
        var september = await ApprovedAsync(app, KrPayroll(companyId, 9, kim, lee, bonus: 0));
        var october = await ApprovedAsync(app, KrPayroll(companyId, 10, kim, lee, bonus: 500_000));

        var pdf = (await app.SendAsync<Result<PayslipPdf>>(new GetPayslipPdf(companyId, october.Id, lee))).Value!;

        pdf.FileName.ShouldBe("2026-10-25_E-0042.pdf");
        var text = PdfText.Read(pdf.Content);
        var (sep, oct) = (Kr(september.Lines[1]), Kr(october.Lines[1]));
        ShouldShowWon(text, "기본급 Base pay", oct.BasePay, sep.BasePay + oct.BasePay);
        ShouldShowWon(text, "상여 Bonus", oct.Bonus, sep.Bonus + oct.Bonus);
        ShouldShow(text, "식대 (비과세) Meals (non-taxable)", oct.NonTaxable.Meals!.Value, sep.NonTaxable.Meals!.Value + oct.NonTaxable.Meals.Value, digits: 0);
        ShouldShowWon(text, "국민연금 National pension", oct.NationalPension, sep.NationalPension + oct.NationalPension);
        ShouldShowWon(text, "건강보험 Health insurance", oct.HealthInsurance, sep.HealthInsurance + oct.HealthInsurance);
        ShouldShowWon(text, "장기요양보험 Long-term care insurance", oct.LongTermCare, sep.LongTermCare + oct.LongTermCare);
        ShouldShowWon(text, "고용보험 Employment insurance", oct.EmploymentInsurance, sep.EmploymentInsurance + oct.EmploymentInsurance);
        ShouldShowWon(text, "소득세 Income tax", oct.IncomeTax, sep.IncomeTax + oct.IncomeTax);
        ShouldShowWon(text, "지방소득세 Local income tax", oct.LocalIncomeTax, sep.LocalIncomeTax + oct.LocalIncomeTax);
        ShouldShow(text, "임금총액 Total pay", Gross(october.Lines[1]), Gross(september.Lines[1]) + Gross(october.Lines[1]), digits: 0);
        ShouldShowWon(text, "공제총액 Total deductions", Deductions(oct), Deductions(sep) + Deductions(oct));
        ShouldShow(text, "실지급액 Net pay", october.Lines[1].NetPay, september.Lines[1].NetPay + october.Lines[1].NetPay, digits: 0);
        oct.IncomeTax.ShouldBeGreaterThan(0L);
        text.LineOf("임금명세서").ShouldBe("임금명세서 Payslip");
        text.LineOf("성명").ShouldBe("성명 Name 민준 김");
        text.LineOf("사원번호").ShouldBe("사원번호 Employee no. E-0042");
        text.LineOf("임금지급일").ShouldBe("임금지급일 Pay date 2026-10-25");
        text.LineOf("사업자등록번호").ShouldBe("사업자등록번호 Business registration no. 123-45-67891");
        text.LineOf("소재지").ShouldBe("소재지 Address 세종대로 110");
        text.Text.ShouldNotContain("850505");
        text.Text.ShouldNotContain("2345678");
        ShouldSayNoMoreThanThePage(text);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetPayslip_ForAProratedKrLine_ShouldShowTheCalculationDays(DatabaseProvider provider)
    {
        await using var app = await PayrollApp.StartAsync(provider);
        var (companyId, kim, _) = await app.SetUpKoreaCompanyAsync();
        var payroll = await ApprovedAsync(app, new CreatePayroll(
            companyId, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 25), "monthly",
            [KoreaSamples.KoreaLine(kim, new { basePay = 3_000_000, taxableAllowances = 100_000 })]));

        var payslip = (await app.SendAsync<Result<PayslipDto>>(new GetPayslip(companyId, payroll.Id, kim))).Value!;

        payslip.Sections.Select(s => s.Key).ShouldBe(["earnings", "taxes"]);
        payslip.Sections[1].Items.Select(i => i.Key).ShouldBe(
            ["nationalPension", "healthInsurance", "longTermCare", "employmentInsurance", "incomeTax", "localIncomeTax"]);
        payslip.Totals.NetPay.ShouldBe(payroll.Lines[0].NetPay);
        // No employee number: the birth date the 주민등록번호 900101-1234567 holds (1 in the seventh digit: the 1900s), never the number.
        (payslip.Employee.IdentifierLabel, payslip.Employee.Identifier).ShouldBe(("생년월일 Date of birth", "1990-01-01"));
        payslip.Employee.Identifier!.ShouldNotContain("1234567");
        payslip.Sections[0].Total.ShouldBe(payslip.Totals.GrossPay);
    }

    private static void ShouldShow(PdfText text, string label, decimal current, decimal yearToDate, int digits = 2)
    {
        var format = digits == 0 ? "#,##0" : "#,##0.00";
        var row = $"{label} {current.ToString(format, CultureInfo.InvariantCulture)} {yearToDate.ToString(format, CultureInfo.InvariantCulture)}";
        text.Lines.Select(l => l.Trim()).ShouldContain(row, $"the PDF reads:\n{text.Text}");
    }

    private static void ShouldShowWon(PdfText text, string label, long current, long yearToDate) => ShouldShow(text, label, current, yearToDate, digits: 0);

    /// <summary>Every word of the document information is on the page, apart from the names of the program that wrote it.</summary>
    private static void ShouldSayNoMoreThanThePage(PdfText text)
    {
        text.Information.Keys.ShouldBeSubsetOf(["Title", "Creator", "Producer"]);
        text.Information["Creator"].ShouldBe("PayrollPortal");
        text.Information["Producer"].ShouldStartWith("PDFsharp");
        foreach (var word in text.Information["Title"].Split(' '))
        {
            text.Text.ShouldContain(word);
        }

        // The XMP packet repeats the same: the title, the program names, when it was written and random document ids.
        text.XmpValues.ShouldContain(text.Information["Title"]);
        foreach (var value in text.XmpValues.Where(v => v != text.Information["Title"]))
        {
            (value == "PayrollPortal" || value.StartsWith("PDFsharp", StringComparison.Ordinal) || value.StartsWith("uuid:", StringComparison.Ordinal)
                || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, out _)).ShouldBeTrue($"XMP value '{value}'");
        }
    }

    private static (decimal Amount, decimal YearToDate) Item(PayslipDto payslip, string section, string key)
    {
        var item = payslip.Sections.Single(s => s.Key == section).Items.Single(i => i.Key == key);
        return (item.Amount, item.YearToDate);
    }

    private static long Deductions(KoreaPayrollLineDto kr) =>
        kr.NationalPension + kr.HealthInsurance + kr.LongTermCare + kr.EmploymentInsurance + kr.IncomeTax + kr.LocalIncomeTax;

    private static decimal Gross(PayrollLineDto line) => line.GrossWages + line.SupplementalWages;

    private static KoreaPayrollLineDto Kr(PayrollLineDto line) => (KoreaPayrollLineDto)line.RegimeMembers!["kr"]!;

    private static WithholdingPreTaxDeductions PreTax(PayrollLineDto line) => (WithholdingPreTaxDeductions)line.RegimeMembers!["preTaxDeductions"]!;

    private static async Task<(Guid CompanyId, Guid Ada)> UsCompanyAsync(PayrollApp app)
    {
        var company = await app.CompanyAsync();
        (await app.SendAsync<Result<CompanyDto>>(new UpdateCompany(
            company.Id, default, Optional<string?>.Of("12-3456789"), default, default, Optional<CompanyAddressDto?>.Of(Office)))).IsSuccess.ShouldBeTrue();
        var ada = await app.EmployeeAsync(company.Id, "123-45-6789");
        return (company.Id, ada.Id);
    }

    private static CreatePayroll UsPayroll(Guid companyId, int month, int payDay, PayrollLineRequest line) => new(
        companyId, new DateOnly(2026, month, 1), new DateOnly(2026, month, DateTime.DaysInMonth(2026, month)), new DateOnly(2026, month, payDay), "monthly", [line]);

    private static CreatePayroll KrPayroll(Guid companyId, int month, Guid kim, Guid lee, long bonus) => new(
        companyId, new DateOnly(2026, month, 1), new DateOnly(2026, month, DateTime.DaysInMonth(2026, month)), new DateOnly(2026, month, 25), "monthly",
        [
            KoreaSamples.KoreaLine(kim, new { basePay = 3_800_000, taxableAllowances = 200_000 }),
            KoreaSamples.KoreaLine(lee, new { basePay = 4_500_000, bonus, nonTaxable = new { meals = 250_000 } }),
        ]);

    private static async Task<PayrollDto> ApprovedAsync(PayrollApp app, CreatePayroll create)
    {
        var created = await app.SendAsync<Result<PayrollDto>>(create);
        created.IsSuccess.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var approved = await app.SendAsync<Result<PayrollDto>>(new ApprovePayroll(create.CompanyId, created.Value!.Id));
        approved.IsSuccess.ShouldBeTrue(string.Join("; ", approved.Errors.Select(e => e.Message)));
        return approved.Value!;
    }
}
