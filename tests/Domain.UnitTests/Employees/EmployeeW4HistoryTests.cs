using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Domain.UnitTests.Employees;

public sealed class EmployeeW4HistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void W4On_WhenFormsChangeOverTime_ShouldPickTheOneInEffectOnEachDate()
    {
        var employee = Employee.Hire(Guid.CreateVersion7(), "Ada", "Lovelace", Ssn.Create("123-45-6789").Value!, new DateOnly(2026, 1, 5), null,
            PayFrequency.Biweekly, false, new FormW4From2020(FilingStatus.Single), new DateOnly(2026, 1, 5), Now);
        employee.ChangeW4(new FormW4From2020(FilingStatus.MarriedFilingJointly), new DateOnly(2026, 6, 1), Now);

        employee.W4On(new DateOnly(2026, 1, 4)).ShouldBeNull();
        employee.W4On(new DateOnly(2026, 5, 31))!.Form.ShouldBe(new FormW4From2020(FilingStatus.Single));
        employee.W4On(new DateOnly(2026, 6, 1))!.Form.ShouldBe(new FormW4From2020(FilingStatus.MarriedFilingJointly));
        employee.W4History.Count.ShouldBe(2);
    }

    [Fact]
    public void ChangeW4_WhenSameEffectiveDate_ShouldReplaceThatEntry()
    {
        var employee = Employee.Hire(Guid.CreateVersion7(), "Ada", "Lovelace", Ssn.Create("123-45-6789").Value!, new DateOnly(2026, 1, 5), null,
            PayFrequency.Weekly, false, new FormW4From2020(FilingStatus.Single), new DateOnly(2026, 1, 5), Now);

        employee.ChangeW4(new FormW4Before2020(Pre2020MaritalStatus.Married, 2), new DateOnly(2026, 1, 5), Now);

        employee.W4History.ShouldHaveSingleItem().Form.ShouldBe(new FormW4Before2020(Pre2020MaritalStatus.Married, 2));
    }

    [Fact]
    public void ChangeEmployment_WhenTerminationBeforeHire_ShouldRefuse()
    {
        var employee = Employee.Hire(Guid.CreateVersion7(), "Ada", "Lovelace", Ssn.Create("123-45-6789").Value!, new DateOnly(2026, 1, 5), null,
            PayFrequency.Weekly, false, new FormW4From2020(FilingStatus.Single), new DateOnly(2026, 1, 5), Now);

        var result = employee.ChangeEmployment(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 4), PayFrequency.Weekly, false, Now);

        result.FirstError.ShouldBe(EmployeeErrors.TerminationBeforeHire);
    }
}
