namespace PayrollPortal.Application.Audit;

/// <summary>The audit trail's action names: <c>subject.verb_in_past_tense</c>.</summary>
public static class AuditActions
{
    public const string CompanyCreated = "company.created";
    public const string CompanyUpdated = "company.updated";
    public const string EmployeeCreated = "employee.created";
    public const string EmployeeUpdated = "employee.updated";
    public const string PayrollCreated = "payroll.created";
    public const string PayrollLinesReplaced = "payroll.lines_replaced";
    public const string PayrollApproved = "payroll.approved";
    public const string PayrollVoided = "payroll.voided";
    public const string ExportLinkIssued = "export.link_issued";
}
