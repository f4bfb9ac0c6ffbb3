using System.Globalization;

namespace PayrollPortal.Application.Exports;

/// <summary>
/// <c>payroll-{slug}-{yyyy}-{mm}.{ext}</c> for a month, <c>payroll-{slug}-{yyyy}-q{n}.{ext}</c> for a quarter, and
/// <c>payroll-{slug}-{yyyy}-{mm}-{payrollId}.{ext}</c> for one payroll (its pay date's month), with <c>-DRAFT</c> before the
/// extension for a draft.
/// </summary>
public static class ExportFileNames
{
    public static string For(string slug, ExportScope scope, DateOnly? payDate, bool draft, string extension)
    {
        var period = scope.Kind switch
        {
            ExportScopeKind.Month => string.Create(CultureInfo.InvariantCulture, $"{scope.Year:D4}-{scope.Period:D2}"),
            ExportScopeKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{scope.Year:D4}-q{scope.Period}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{payDate!.Value.Year:D4}-{payDate.Value.Month:D2}-{scope.PayrollId:D}"),
        };
        return $"payroll-{slug}-{period}{(draft ? "-" + RegisterLayout.Draft : string.Empty)}.{extension}";
    }
}
