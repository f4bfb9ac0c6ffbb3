namespace PayrollPortal.Application.OpeningBalances;

public sealed record OpeningBalancesDto(IReadOnlyList<OpeningBalanceDto> Balances);
