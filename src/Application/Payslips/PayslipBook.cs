using PayrollPortal.Application.Common.Security;
using PayrollPortal.Application.Companies;
using PayrollPortal.Application.OpeningBalances;
using PayrollPortal.Application.Payrolls;
using PayrollPortal.Application.Regimes;
using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;
using PayrollPortal.Domain.Payrolls;

namespace PayrollPortal.Application.Payslips;

/// <summary>
/// Opens a payroll's payslips: checks that the payroll's status allows them (approved, or a preview of a draft or a voided
/// payroll), adds up each employee's year to date from the earlier approved payrolls and the opening balances carried in
/// before the pay date (through the regime's <see cref="IOpeningBalanceFields"/>), and builds each payslip from the
/// stored line through the regime's <see cref="IPayslips"/> part, one at a time as they are asked for.
/// </summary>
public sealed class PayslipBook(
    ICompanyQueries companies, IPayrollRepository payrolls, IPayslipSource source, RegimeParts<IPayslips> payslips, RegimeParts<IPayrollLines> lines,
    IPiiProtector pii, IOpeningBalanceStore openingBalances, RegimeParts<IOpeningBalanceFields> balanceFields)
{
    public const string Draft = "DRAFT";
    public const string Void = "VOID";

    /// <param name="employeeId">One employee's payslip, or every line's when null.</param>
    public async Task<Result<PayslipRun>> OpenAsync(Guid companyId, Guid payrollId, Guid? employeeId, bool preview, CancellationToken cancellationToken)
    {
        if (await companies.GetAsync(companyId, cancellationToken) is not { } company)
        {
            return CompanyErrors.NotFound;
        }

        // One employee's payslip reads only that employee's line of this payroll and of the earlier ones.
        Task<Payroll?> Load(Guid id) => employeeId is { } one
            ? payrolls.GetWithLineOfAsync(companyId, id, one, cancellationToken)
            : payrolls.GetAsync(companyId, id, cancellationToken);
        if (await Load(payrollId) is not { } payroll)
        {
            return PayrollErrors.NotFound;
        }

        string? watermark = null;
        if (payroll.Status != PayrollStatus.Approved)
        {
            if (!preview)
            {
                return payroll.Status == PayrollStatus.Draft ? PayslipErrors.PayrollDraft : PayslipErrors.PayrollVoided;
            }

            watermark = payroll.Status == PayrollStatus.Draft ? Draft : Void;
        }

        var wanted = employeeId is { } id ? payroll.Lines.Where(l => l.EmployeeId == id).ToArray() : [.. payroll.Lines];
        if (employeeId is not null && wanted.Length == 0)
        {
            return PayslipErrors.NotFound;
        }

        var part = payslips.Find(payroll.Regime);
        var yearToDate = wanted.ToDictionary(l => l.EmployeeId, _ => new YearToDate());
        var earlier = await source.EarlierPayrollsAsync(companyId, payroll.Id, payroll.TaxYear, payroll.PayDate, payroll.ApprovedAt, employeeId, cancellationToken);
        foreach (var earlierId in earlier)
        {
            var previous = await Load(earlierId);
            foreach (var line in previous?.Lines ?? [])
            {
                if (yearToDate.TryGetValue(line.EmployeeId, out var sums))
                {
                    sums.Add(ItemsOf(part, line));
                }
            }
        }

        if (balanceFields.Find(payroll.Regime) is { } carried)
        {
            foreach (var balance in await openingBalances.EffectiveAsync(companyId, payroll.TaxYear, yearToDate.Keys, cancellationToken))
            {
                if (balance.AsOf < payroll.PayDate)
                {
                    yearToDate[balance.EmployeeId].Add(carried.PayslipItems(balance.Amounts));
                }
            }
        }

        var identities = await source.IdentitiesAsync(companyId, payroll.Id, employeeId, cancellationToken);
        return new PayslipRun(payroll, watermark, wanted, line => Build(company, payroll, part, line, identities.GetValueOrDefault(line.EmployeeId), yearToDate[line.EmployeeId], watermark));
    }

    private PayslipDocument Build(CompanyDto company, Payroll payroll, IPayslips? part, PayrollLine line, PayslipIdentity? identity, YearToDate earlier, string? watermark)
    {
        var currency = lines.For(payroll.Regime).Currency;
        var labels = part?.Labels ?? PayslipLabels.Neutral;
        var items = ItemsOf(part, line);
        var total = earlier.With(items);
        var sections = new List<PayslipSectionDto>();
        foreach (var section in Enum.GetValues<PayslipSection>())
        {
            var rows = total.Keys
                .Where(k => k.Section == section)
                .Select(k => (k, Amount: items.FirstOrDefault(i => i.Key == k.Key)?.Amount ?? 0, Calculation: items.FirstOrDefault(i => i.Key == k.Key)?.Calculation))
                .Where(r => section == PayslipSection.Taxes || r.Amount != 0 || total.Sums[r.k.Key] != 0)
                .Select(r => new PayslipItemDto(r.k.Key, r.k.Label, Amount(r.Amount), Amount(total.Sums[r.k.Key]), r.Calculation))
                .ToArray();
            if (rows.Length > 0)
            {
                sections.Add(new PayslipSectionDto(
                    KeyOf(section), labels.Sections[section], rows, Amount(items.Where(i => i.Section == section).Sum(i => i.Amount)),
                    Amount(total.Keys.Where(k => k.Section == section).Sum(k => total.Sums[k.Key]))));
            }
        }

        var gross = items.Where(i => i.Section == PayslipSection.Earnings).Sum(i => i.Amount);
        var deductions = items.Where(i => i.Section != PayslipSection.Earnings).Sum(i => i.Amount);
        if (gross - deductions != line.NetPay.Cents)
        {
            throw new InvalidOperationException(
                $"The {payroll.Regime} payslip of line {line.LineNumber} does not add up to its net pay ({gross} - {deductions} <> {line.NetPay.Cents}).");
        }

        var grossToDate = total.Keys.Where(k => k.Section == PayslipSection.Earnings).Sum(k => total.Sums[k.Key]);
        var deductionsToDate = total.Keys.Where(k => k.Section != PayslipSection.Earnings).Sum(k => total.Sums[k.Key]);
        var employeeNumber = identity?.EmployeeNumber;
        var identifier = part?.EmployeeIdentifier(line, employeeNumber, () => identity is null ? string.Empty : pii.Unprotect(identity.ProtectedNationalId));
        var payslip = new PayslipDto(
            company.Id, payroll.Id, payroll.Status.ToString().ToLowerInvariant(), payroll.Regime, currency.Code, payroll.PeriodStart, payroll.PeriodEnd, payroll.PayDate,
            new PayslipEmployerDto(company.Name, labels.EmployerIdentifier, part?.EmployerIdentifier(company), company.Address),
            new PayslipEmployeeDto(line.EmployeeId, line.EmployeeName, employeeNumber, identifier?.Label, identifier?.Value),
            sections,
            new PayslipTotalsDto(Amount(gross), Amount(grossToDate), Amount(deductions), Amount(deductionsToDate), Amount(gross - deductions), Amount(grossToDate - deductionsToDate)),
            LineEarningsDto.From(line.Earnings, currency));
        return new PayslipDocument(payslip, labels, watermark, PayslipFileNames.For(payroll.PayDate, employeeNumber, line.EmployeeName));

        decimal Amount(long minor) => currency.ToAmount(new Money(minor));
    }

    private static IReadOnlyList<PayslipItem> ItemsOf(IPayslips? part, PayrollLine line) => part?.Items(line) ?? NeutralItems(line);

    private static PayslipItem[] NeutralItems(PayrollLine line) =>
    [
        new(PayslipSection.Earnings, "grossWages", "Gross wages", line.GrossWages.Cents),
        new(PayslipSection.Earnings, "supplementalWages", "Supplemental wages", line.SupplementalWages.Cents),
        new(PayslipSection.PreTaxDeductions, "preTaxDeductions", "Pre-tax deductions", line.Details.PreTaxDeductions.Cents),
        new(PayslipSection.Taxes, "taxes", "Taxes withheld", line.EmployeeTaxes.Cents),
        new(PayslipSection.PostTaxDeductions, "postTaxDeductions", "Post-tax deductions", line.PostTaxDeductions.Cents),
    ];

    private static string KeyOf(PayslipSection section) => section switch
    {
        PayslipSection.Earnings => "earnings",
        PayslipSection.PreTaxDeductions => "preTaxDeductions",
        PayslipSection.Taxes => "taxes",
        _ => "postTaxDeductions",
    };

    /// <summary>An employee's sums per item key, with each key's section and label in the order they were first seen.</summary>
    private sealed class YearToDate
    {
        public List<(PayslipSection Section, string Key, string Label)> Keys { get; } = [];

        public Dictionary<string, long> Sums { get; } = new(StringComparer.Ordinal);

        public void Add(IEnumerable<PayslipItem> items)
        {
            foreach (var item in items)
            {
                if (Sums.TryGetValue(item.Key, out var sum))
                {
                    Sums[item.Key] = sum + item.Amount;
                }
                else
                {
                    Sums[item.Key] = item.Amount;
                    Keys.Add((item.Section, item.Key, item.Label));
                }
            }
        }

        /// <summary>These sums plus this payroll's items, this payroll's keys first (its labels are the current ones).</summary>
        public YearToDate With(IReadOnlyList<PayslipItem> items)
        {
            var total = new YearToDate();
            total.Add(items);
            foreach (var (section, key, label) in Keys)
            {
                total.Add([new PayslipItem(section, key, label, Sums[key])]);
            }

            return total;
        }
    }
}
