using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.Korea;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Domain.Employees;

/// <summary>
/// A person on a company's payroll. The W-4 history is append-only by effective date, so an old payroll recomputes with
/// the form that was in effect on its pay date.
/// </summary>
public sealed class Employee
{
    private readonly List<EmployeeW4> _w4History;
    private readonly List<KoreaProfile> _koreaProfiles;

    public Employee(
        Guid id,
        Guid companyId,
        string firstName,
        string lastName,
        string ssnLast4,
        DateOnly hireDate,
        DateOnly? terminationDate,
        PayFrequency payFrequency,
        bool exempt,
        IEnumerable<EmployeeW4> w4History,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt,
        IEnumerable<KoreaProfile>? koreaProfiles = null)
    {
        Id = id;
        CompanyId = companyId;
        FirstName = firstName;
        LastName = lastName;
        SsnLast4 = ssnLast4;
        HireDate = hireDate;
        TerminationDate = terminationDate;
        PayFrequency = payFrequency;
        Exempt = exempt;
        _w4History = [.. w4History.OrderBy(w => w.EffectiveDate)];
        _koreaProfiles = [.. (koreaProfiles ?? []).OrderBy(p => p.EffectiveDate)];
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; }

    public Guid CompanyId { get; }

    public string FirstName { get; private set; }

    public string LastName { get; private set; }

    public string SsnLast4 { get; private set; }

    public DateOnly HireDate { get; private set; }

    public DateOnly? TerminationDate { get; private set; }

    public PayFrequency PayFrequency { get; private set; }

    /// <summary>Claims exemption from federal income tax withholding (as on the W-4); FICA still applies.</summary>
    public bool Exempt { get; private set; }

    public IReadOnlyList<EmployeeW4> W4History => _w4History;

    /// <summary>The kr withholding profile history; empty for an employee of a us-federal company, whose W-4 history is never empty.</summary>
    public IReadOnlyList<KoreaProfile> KoreaProfiles => _koreaProfiles;

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Employee Hire(
        Guid companyId, string firstName, string lastName, Ssn ssn, DateOnly hireDate, DateOnly? terminationDate,
        PayFrequency payFrequency, bool exempt, FormW4 w4, DateOnly w4EffectiveDate, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), companyId, firstName.Trim(), lastName.Trim(), ssn.Last4, hireDate, terminationDate, payFrequency, exempt,
            [new EmployeeW4(w4EffectiveDate, w4)], now, now);

    /// <summary>An employee of a kr company: paid monthly, with a 주민등록번호 in place of the SSN and a kr profile in place of the W-4.</summary>
    public static Employee HireKorea(
        Guid companyId, string firstName, string lastName, ResidentRegistrationNumber rrn, DateOnly hireDate, DateOnly? terminationDate,
        KoreaProfile profile, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), companyId, firstName.Trim(), lastName.Trim(), rrn.Last4, hireDate, terminationDate, PayFrequency.Monthly, false,
            [], now, now, [profile]);

    /// <summary>The kr profile in effect on a date: the latest effective on or before it.</summary>
    public KoreaProfile? KoreaProfileOn(DateOnly date) => _koreaProfiles.LastOrDefault(p => p.EffectiveDate <= date);

    /// <summary>The W-4 in effect on a date: the latest entry effective on or before it.</summary>
    public EmployeeW4? W4On(DateOnly date)
    {
        EmployeeW4? found = null;
        foreach (var entry in _w4History)
        {
            if (entry.EffectiveDate <= date)
            {
                found = entry;
            }
        }

        return found;
    }

    public EmployeeW4 CurrentW4 => _w4History[^1];

    public bool IsTerminatedBefore(DateOnly date) => TerminationDate is { } terminated && terminated < date;

    public void Rename(string firstName, string lastName, DateTimeOffset now)
    {
        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        UpdatedAt = now;
    }

    public void ChangeSsn(Ssn ssn, DateTimeOffset now)
    {
        SsnLast4 = ssn.Last4;
        UpdatedAt = now;
    }

    /// <summary>A corrected 주민등록번호 (kr employees); only its last four digits are kept here, like the SSN's.</summary>
    public void ChangeResidentRegistrationNumber(ResidentRegistrationNumber rrn, DateTimeOffset now)
    {
        SsnLast4 = rrn.Last4;
        UpdatedAt = now;
    }

    /// <summary>
    /// Records a new kr profile from its effective date on, like <see cref="ChangeW4"/>: payrolls before that date keep the
    /// profile they were computed with; a second change with the same effective date replaces the first.
    /// </summary>
    public void ChangeKoreaProfile(KoreaProfile profile, DateTimeOffset now)
    {
        _koreaProfiles.RemoveAll(p => p.EffectiveDate == profile.EffectiveDate);
        _koreaProfiles.Add(profile);
        _koreaProfiles.Sort((a, b) => a.EffectiveDate.CompareTo(b.EffectiveDate));
        UpdatedAt = now;
    }

    public Result<Employee> ChangeEmployment(DateOnly hireDate, DateOnly? terminationDate, PayFrequency payFrequency, bool exempt, DateTimeOffset now)
    {
        if (terminationDate is { } end && end < hireDate)
        {
            return EmployeeErrors.TerminationBeforeHire;
        }

        HireDate = hireDate;
        TerminationDate = terminationDate;
        PayFrequency = payFrequency;
        Exempt = exempt;
        UpdatedAt = now;
        return this;
    }

    /// <summary>Records a new W-4 from a date on. A second change with the same effective date replaces the first.</summary>
    public void ChangeW4(FormW4 form, DateOnly effectiveDate, DateTimeOffset now)
    {
        _w4History.RemoveAll(w => w.EffectiveDate == effectiveDate);
        _w4History.Add(new EmployeeW4(effectiveDate, form));
        _w4History.Sort((a, b) => a.EffectiveDate.CompareTo(b.EffectiveDate));
        UpdatedAt = now;
    }
}
