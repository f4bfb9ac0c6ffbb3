namespace PayrollPortal.Application.Audit;

/// <summary>The audit trail's action names: <c>subject.verb_in_past_tense</c>.</summary>
public static class AuditActions
{
    public const string CompanyCreated = "company.created";
    public const string CompanyUpdated = "company.updated";
    public const string HolidaysReplaced = "company.holidays_replaced";
    public const string EmployeeCreated = "employee.created";
    public const string EmployeeUpdated = "employee.updated";
    public const string EmployeesImported = "employees.imported";
    public const string OpeningBalanceRecorded = "opening_balance.recorded";
    public const string PayrollCreated = "payroll.created";
    public const string PayrollLinesReplaced = "payroll.lines_replaced";
    public const string PayrollApproved = "payroll.approved";
    public const string PayrollVoided = "payroll.voided";
    public const string PayScheduleCreated = "pay_schedule.created";
    public const string CompensationRecorded = "employee.compensation_recorded";
    public const string PayRunStarted = "payroll.run_started";
    public const string OneOffsCopied = "payroll.one_offs_copied";
    public const string PeriodClosed = "period.closed";
    public const string PeriodReopened = "period.reopened";
    public const string BusinessIncomePayeeCreated = "business_income.payee_created";
    public const string BusinessIncomeSheetCreated = "business_income.sheet_created";
    public const string BusinessIncomeSheetApproved = "business_income.sheet_approved";
    public const string BusinessIncomeSheetVoided = "business_income.sheet_voided";
    public const string ExportLinkIssued = "export.link_issued";
    public const string PayslipsExported = "payslips.exported";
    public const string PayslipViewed = "payslip.viewed";
    public const string UserCreated = "user.created";
    public const string MembershipAdded = "membership.added";
    public const string MembershipChanged = "membership.changed";
    public const string MembershipRemoved = "membership.removed";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string TokensRevokedAll = "token.revoked_all";

    // The security chain (AuditChains.Security): sign-ins and refusals, which belong to no company's own history.
    public const string LoginSucceeded = "auth.login_succeeded";
    public const string LoginFailed = "auth.login_failed";
    public const string UserLockedOut = "auth.locked_out";
    public const string LoggedOut = "auth.logged_out";
    public const string PasswordChanged = "auth.password_changed";
    public const string PasswordChangeFailed = "auth.password_change_failed";
    public const string PasswordSet = "auth.password_set_by_operator";
    public const string AccessDenied = "auth.access_denied";
    public const string NationalIdDuplicate = "employee.national_id_duplicate";
    public const string NationalIdWritesLimited = "employee.national_id_writes_limited";
}
