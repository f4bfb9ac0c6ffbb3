namespace PayrollPortal.Application.Identity;

/// <summary>One member of a company: who, with which role, since when.</summary>
public sealed record CompanyMemberDto(Guid UserId, string Email, string Role, DateTimeOffset Since);
