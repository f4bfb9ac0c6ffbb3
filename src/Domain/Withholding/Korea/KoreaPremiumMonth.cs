namespace PayrollPortal.Domain.Withholding.Korea;

/// <summary>
/// The premiums of a month in which the employee became or stopped being a 직장가입자. Premiums are monthly, never per day:
/// <list type="bullet">
/// <item>국민건강보험법 제69조②: health premiums are collected from the month after the one in which the status was acquired
/// (the month itself when acquired on the 1st) through the month that holds the day before it was lost; status is lost the
/// day after employment ends (제10조①, 제9조①), so the month of leaving owes a full month. 노인장기요양보험법 제8조 collects
/// long-term care with the health premium, so it follows the same months.</item>
/// <item>국민연금법 제17조②: the pension's 가입기간, on which 연금보험료 is due (제88조), runs from the month after acquisition
/// (the month itself when acquired on the 1st, unless the status is lost again that month) through the month that holds the
/// day before loss (제12조①: lost the day after employment ends). The employee's option to pay for the acquisition month
/// is not offered.</item>
/// <item>고용보험 is charged on the pay actually paid in the month, so it follows the prorated pay and is not covered here.</item>
/// </list>
/// </summary>
/// <param name="Pension">Whether 국민연금 is due this month.</param>
/// <param name="Health">Whether 건강보험 (and so 장기요양보험) is due this month.</param>
/// <param name="PremiumPay">The monthly pay the due premiums are computed on: the full month's pay (보수월액), not the prorated
/// pay of the days employed.</param>
public sealed record KoreaPremiumMonth(bool Pension, bool Health, long PremiumPay)
{
    public const string AcquisitionMonth = "acquisition_month";
    public const string LossMonth = "loss_month";

    /// <summary>The rule for an employee hired or leaving inside the calendar month <paramref name="monthStart"/>, or null
    /// when neither happened in it (an ordinary month).</summary>
    /// <param name="fullMonthPay">The taxable pay of a whole month, the premium base for the month of leaving.</param>
    public static (KoreaPremiumMonth Rule, string Kind)? For(DateOnly monthStart, DateOnly hireDate, DateOnly? terminationDate, long fullMonthPay)
    {
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        var hiredThisMonth = hireDate >= monthStart && hireDate <= monthEnd;
        var leftThisMonth = terminationDate is { } left && left >= monthStart && left <= monthEnd;
        if (hiredThisMonth)
        {
            var onTheFirst = hireDate.Day == 1;
            return (new KoreaPremiumMonth(Pension: onTheFirst && !leftThisMonth, Health: onTheFirst, fullMonthPay), AcquisitionMonth);
        }

        return leftThisMonth ? (new KoreaPremiumMonth(Pension: true, Health: true, fullMonthPay), LossMonth) : null;
    }
}
