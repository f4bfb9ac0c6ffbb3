using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using PayrollPortal.Application.Imports;
using SpreadCheetah;

namespace PayrollPortal.TestSupport;

/// <summary>Import files for the import tests: CSV text, and XLSX workbooks written with SpreadCheetah (a formula where asked).</summary>
public static class ImportSamples
{
    public const string UsHeader =
        "employeeNumber,firstName,lastName,ssn,hireDate,paySchedule,w4Version,filingStatus,step3Dependents,w4EffectiveDate,payType,annualSalary,hourlyRate,retirementPercent,compensationEffectiveFrom";

    /// <summary>A us-federal header with the work state and state certificate columns, paid by frequency rather than schedule.</summary>
    public const string UsStateHeader =
        "employeeNumber,firstName,lastName,ssn,hireDate,payFrequency,w4Version,filingStatus,workState,stateFilingStatus,stateAllowances,stateSecondaryAllowances,"
        + "stateAdditionalWithholding,statePersonalExemptions,stateDependentExemptions,stateRateSchedule,stateEffectiveDate,payType,annualSalary";

    public const string KrHeader =
        "employeeNumber,firstName,lastName,residentRegistrationNumber,hireDate,paySchedule,dependents,childrenAged8To20,withholdingRatio,meals,krEffectiveDate,payType,monthlyBase,taxableAllowances,compensationEffectiveFrom";

    public static ImportFile Csv(string text, bool bom = false) =>
        File(ImportFileKind.Csv, bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));

    public static ImportFile File(ImportFileKind kind, byte[] bytes) => new(kind, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    /// <summary>A workbook whose first sheet holds the rows; a cell starting with <c>=</c> is written as a formula.</summary>
    public static async Task<byte[]> XlsxAsync(IReadOnlyList<string[]> rows)
    {
        using var output = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(output))
        {
            await spreadsheet.StartWorksheetAsync("Employees");
            foreach (var row in rows)
            {
                await spreadsheet.AddRowAsync(row.Select(c => c.StartsWith('=') ? new Cell(new Formula(c[1..])) : new Cell(c)).ToArray());
            }

            await spreadsheet.FinishAsync();
        }

        return output.ToArray();
    }

    /// <summary>A ZIP of one highly compressible entry: 16 MiB of zeros in a few kilobytes.</summary>
    public static byte[] ZipBomb()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 16; i++)
            {
                entry.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
