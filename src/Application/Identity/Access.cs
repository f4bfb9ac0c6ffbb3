namespace PayrollPortal.Application.Identity;

/// <summary>Who may send a message; every message declares one with <see cref="RequiresAttribute"/>.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not (login, build metadata).</summary>
    Public,

    /// <summary>
    /// The HTTP endpoint has already decided (a verified signed export link, or <see cref="Exports.IExportAccess"/>); the
    /// message itself carries what was granted.
    /// </summary>
    CheckedByEndpoint,

    /// <summary>Any authenticated caller; the handler limits what it sees to the caller's own companies.</summary>
    SignedIn,

    /// <summary>The global administrator only.</summary>
    Admin,

    /// <summary>A member of the message's company with at least <see cref="CompanyRole.Viewer"/>.</summary>
    Viewer,

    /// <summary>A member of the message's company with at least <see cref="CompanyRole.PayrollManager"/>.</summary>
    PayrollManager,

    /// <summary>A member of the message's company with <see cref="CompanyRole.CompanyAdmin"/>.</summary>
    CompanyAdmin,
}
