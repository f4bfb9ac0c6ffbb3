namespace PayrollPortal.Application.Identity;

/// <summary>A member's role in one company; each role includes the rights of the roles below it.</summary>
public enum CompanyRole
{
    /// <summary>Sees only their own payslips (through the membership's employee binding); every staff resource is refused.</summary>
    Employee = 0,

    /// <summary>Reads the company's employees, payrolls and reports.</summary>
    Viewer = 1,

    /// <summary>Also writes employees and payrolls, approves, voids and exports.</summary>
    PayrollManager = 2,

    /// <summary>Also manages the company itself, its members and its API tokens.</summary>
    CompanyAdmin = 3,
}
