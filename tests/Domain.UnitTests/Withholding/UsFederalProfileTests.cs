using PayrollPortal.Domain.Employees;
using PayrollPortal.Domain.Withholding;
using PayrollPortal.Domain.Withholding.UsFederal;

namespace PayrollPortal.Domain.UnitTests.Withholding;

public sealed class UsFederalProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void W4On_WhenFormsChangeOverTime_ShouldPickTheOneInEffectOnEachDate()
    {
        var profile = new UsFederalProfile(false, [new EmployeeW4(new DateOnly(2026, 1, 5), new FormW4From2020(FilingStatus.Single))]);
        profile.ChangeW4(new FormW4From2020(FilingStatus.MarriedFilingJointly), new DateOnly(2026, 6, 1));

        profile.W4On(new DateOnly(2026, 1, 4)).ShouldBeNull();
        profile.W4On(new DateOnly(2026, 5, 31))!.Form.ShouldBe(new FormW4From2020(FilingStatus.Single));
        profile.W4On(new DateOnly(2026, 6, 1))!.Form.ShouldBe(new FormW4From2020(FilingStatus.MarriedFilingJointly));
        profile.W4History.Count.ShouldBe(2);
    }

    [Fact]
    public void ChangeW4_WhenSameEffectiveDate_ShouldReplaceThatEntry()
    {
        var profile = new UsFederalProfile(false, [new EmployeeW4(new DateOnly(2026, 1, 5), new FormW4From2020(FilingStatus.Single))]);

        profile.ChangeW4(new FormW4Before2020(Pre2020MaritalStatus.Married, 2), new DateOnly(2026, 1, 5));

        profile.W4History.ShouldHaveSingleItem().Form.ShouldBe(new FormW4Before2020(Pre2020MaritalStatus.Married, 2));
    }

    [Fact]
    public void New_WhenNoW4_ShouldRefuse() =>
        Should.Throw<ArgumentException>(() => new UsFederalProfile(false, []));

    [Fact]
    public void ChangeEmployment_WhenTerminationBeforeHire_ShouldRefuse()
    {
        var profile = new UsFederalProfile(false, [new EmployeeW4(new DateOnly(2026, 1, 5), new FormW4From2020(FilingStatus.Single))]);
        var employee = Employee.Hire(Guid.CreateVersion7(), "Ada", "Lovelace", "6789", new DateOnly(2026, 1, 5), null, PayFrequency.Weekly, profile, Now);

        var result = employee.ChangeEmployment(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 4), PayFrequency.Weekly, Now);

        result.FirstError.ShouldBe(EmployeeErrors.TerminationBeforeHire);
        employee.TerminationDate.ShouldBeNull();
    }
}
