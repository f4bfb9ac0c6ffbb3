using System.Diagnostics.CodeAnalysis;

namespace PayrollPortal.Application.Identity;

/// <summary>The wire and database names of the roles: <c>viewer</c>, <c>payroll_manager</c>, <c>company_admin</c>, and the global <c>admin</c>.</summary>
public static class CompanyRoles
{
    public const string Employee = "employee";
    public const string Viewer = "viewer";
    public const string PayrollManager = "payroll_manager";
    public const string CompanyAdmin = "company_admin";

    /// <summary>The global administrator: not a company role, but accepted wherever a role name is (tokens, the CLI).</summary>
    public const string Admin = "admin";

    public static string Name(this CompanyRole role) => role switch
    {
        CompanyRole.Employee => Employee,
        CompanyRole.Viewer => Viewer,
        CompanyRole.PayrollManager => PayrollManager,
        CompanyRole.CompanyAdmin => CompanyAdmin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out CompanyRole? role)
    {
        role = name switch
        {
            Employee => CompanyRole.Employee,
            Viewer => CompanyRole.Viewer,
            PayrollManager => CompanyRole.PayrollManager,
            CompanyAdmin => CompanyRole.CompanyAdmin,
            _ => null,
        };
        return role is not null;
    }

    public static CompanyRole Parse(string name) =>
        TryParse(name, out var role) ? role.Value : throw new FormatException($"'{name}' is not a company role.");
}
