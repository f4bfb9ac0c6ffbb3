using PayrollPortal.Application.Exports;

namespace PayrollPortal.Application.Tests.Exports;

/// <summary>The registered set of formats as the link request sees it: names, messages, and what a payslips format may export.</summary>
public sealed class ExportFormatsTests
{
    private static readonly ExportFormats Formats = new([new Writer("csv", ExportSource.Register), new Writer("slips", ExportSource.Payslips)]);

    [Fact]
    public void IssueLink_WhenAPayslipsFormatIsAskedForAMonth_ShouldRefuseTheScopeAndAcceptOnePayroll()
    {
        var validator = new IssueExportLink.Validator(Formats);

        var month = validator.Validate(new IssueExportLink(Guid.NewGuid(), new ExportScopeRequest(Year: 2026, Month: 1), "slips"));
        var payroll = validator.Validate(new IssueExportLink(Guid.NewGuid(), new ExportScopeRequest(PayrollId: Guid.NewGuid()), "slips"));
        var registerMonth = validator.Validate(new IssueExportLink(Guid.NewGuid(), new ExportScopeRequest(Year: 2026, Month: 1), "csv"));

        month.Errors.Select(e => e.ErrorCode).ShouldBe(["export.scope_invalid"]);
        month.Errors[0].ErrorMessage.ShouldBe("format \"slips\" exports one payroll: scope must be {\"payrollId\"}.");
        payroll.IsValid.ShouldBeTrue();
        registerMonth.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Registration_WhenTwoWritersClaimOneName_ShouldFailAtStartUp()
    {
        var twice = Should.Throw<InvalidOperationException>(() => new ExportFormats([new Writer("csv", ExportSource.Register), new Writer("csv", ExportSource.Register)]));

        twice.Message.ShouldContain("'csv'");
        Formats.Names(quoted: false).ShouldBe("csv or slips");
    }

    private sealed record Writer(string Name, ExportSource Source) : IExportWriter
    {
        public ExportFormat Format => new(Name);

        public string ContentType => "application/octet-stream";

        public string FileExtension => Name;
    }
}
