namespace PayrollPortal.Application.Identity;

public sealed record MembershipDto(Guid CompanyId, string CompanyName, string Role);
