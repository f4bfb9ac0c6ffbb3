using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Regimes;
using PayrollPortal.Domain.Withholding;

namespace PayrollPortal.Domain.Employees;

/// <summary>
/// A person on a company's payroll. What the company's withholding regime needs to know about them (a W-4, a kr profile)
/// is the regime's <see cref="TaxProfile"/>, with its own history; the national identifier (SSN, 주민등록번호) is kept
/// here only as its last four digits.
/// </summary>
public sealed class Employee
{
    public Employee(
        Guid id,
        Guid companyId,
        string firstName,
        string lastName,
        string ssnLast4,
        DateOnly hireDate,
        DateOnly? terminationDate,
        PayFrequency payFrequency,
        IEmployeeTaxProfile taxProfile,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt)
    {
        Id = id;
        CompanyId = companyId;
        FirstName = firstName;
        LastName = lastName;
        SsnLast4 = ssnLast4;
        HireDate = hireDate;
        TerminationDate = terminationDate;
        PayFrequency = payFrequency;
        TaxProfile = taxProfile;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; }

    public Guid CompanyId { get; }

    public string FirstName { get; private set; }

    public string LastName { get; private set; }

    /// <summary>The last four digits of the national identifier of the company's regime (the SSN, the 주민등록번호).</summary>
    public string SsnLast4 { get; private set; }

    public DateOnly HireDate { get; private set; }

    public DateOnly? TerminationDate { get; private set; }

    public PayFrequency PayFrequency { get; private set; }

    public IEmployeeTaxProfile TaxProfile { get; }

    /// <summary>The company's own number for the person (payslips, hours files and imports name people by it); unique in the company.</summary>
    public string? EmployeeNumber { get; private set; }

    /// <summary>The pay schedule the employee is paid on; a run of the schedule generates the employee's line.</summary>
    public Guid? PayScheduleId { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Employee Hire(
        Guid companyId, string firstName, string lastName, string nationalIdLast4, DateOnly hireDate, DateOnly? terminationDate,
        PayFrequency payFrequency, IEmployeeTaxProfile taxProfile, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), companyId, firstName.Trim(), lastName.Trim(), nationalIdLast4, hireDate, terminationDate, payFrequency,
            taxProfile, now, now);

    /// <summary>Sets the number and schedule (on hire, on update, or when read back from storage).</summary>
    public Employee WithNumberAndSchedule(string? employeeNumber, Guid? payScheduleId)
    {
        EmployeeNumber = employeeNumber;
        PayScheduleId = payScheduleId;
        return this;
    }

    /// <summary>Assigns the employee to a schedule, whose frequency becomes the employee's.</summary>
    public void AssignSchedule(Guid payScheduleId, PayFrequency frequency, DateTimeOffset now)
    {
        PayScheduleId = payScheduleId;
        PayFrequency = frequency;
        UpdatedAt = now;
    }

    public void ChangeNumber(string? employeeNumber, DateTimeOffset now)
    {
        EmployeeNumber = employeeNumber;
        UpdatedAt = now;
    }

    public bool IsTerminatedBefore(DateOnly date) => TerminationDate is { } terminated && terminated < date;

    public void Rename(string firstName, string lastName, DateTimeOffset now)
    {
        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        UpdatedAt = now;
    }

    /// <summary>A corrected national identifier; only its last four digits are kept here.</summary>
    public void ChangeNationalId(string last4, DateTimeOffset now)
    {
        SsnLast4 = last4;
        UpdatedAt = now;
    }

    public Result<Employee> ChangeEmployment(DateOnly hireDate, DateOnly? terminationDate, PayFrequency payFrequency, DateTimeOffset now)
    {
        if (terminationDate is { } end && end < hireDate)
        {
            return EmployeeErrors.TerminationBeforeHire;
        }

        HireDate = hireDate;
        TerminationDate = terminationDate;
        PayFrequency = payFrequency;
        UpdatedAt = now;
        return this;
    }
}
