namespace PayrollPortal.Application.Identity;

/// <summary>The signed-in user and the companies they may act in.</summary>
public sealed record MeDto(UserDto User, IReadOnlyList<MembershipDto> Memberships);
