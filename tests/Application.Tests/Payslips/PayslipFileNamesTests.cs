using PayrollPortal.Application.Payslips;

namespace PayrollPortal.Application.Tests.Payslips;

/// <summary>The ZIP's entry names: a hostile name makes a safe one, and a repeated one is numbered.</summary>
public sealed class PayslipFileNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd", "2026-01-30_etcpasswd.pdf")]
    [InlineData("..\\..\\boot.ini", "2026-01-30_bootini.pdf")]
    [InlineData("Ada\0Lovelace", "2026-01-30_AdaLovelace.pdf")]
    [InlineData("Ada \u202Efdp.exe", "2026-01-30_Ada_fdpexe.pdf")]
    [InlineData("Ada\u200F Lovelace", "2026-01-30_Ada_Lovelace.pdf")]
    [InlineData("김 민준", "2026-01-30_김_민준.pdf")]
    [InlineData("../", "2026-01-30_employee.pdf")]
    public void For_WhenTheNameHasPathOrControlOrBidiCharacters_ShouldKeepOnlyLettersDigitsDashesAndUnderscores(string name, string expected)
    {
        var fileName = PayslipFileNames.For(new DateOnly(2026, 1, 30), null, name);

        fileName.ShouldBe(expected);
        fileName.IndexOfAny(['/', '\\', '\0', '\u202E', '\u200F']).ShouldBe(-1);
    }

    [Fact]
    public void Unique_WhenANameRepeats_ShouldNumberTheRepeatsFromTwo()
    {
        var names = new PayslipFileNames.Unique();

        string[] given = [names.Next("2026-01-30_Ada.pdf"), names.Next("2026-01-30_Ada.pdf"), names.Next("2026-01-30_ada.pdf"), names.Next("2026-01-30_Bob.pdf")];

        given.ShouldBe(["2026-01-30_Ada.pdf", "2026-01-30_Ada_2.pdf", "2026-01-30_ada_3.pdf", "2026-01-30_Bob.pdf"]);
    }

    [Fact]
    public void For_WhenTheEmployeeHasANumber_ShouldNameTheFileByTheNumber() =>
        PayslipFileNames.For(new DateOnly(2026, 10, 25), "E-0042", "김 민준").ShouldBe("2026-10-25_E-0042.pdf");
}
