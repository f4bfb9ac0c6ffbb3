using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Regimes;

/// <summary>
/// A validated national identifier (SSN, 주민등록번호). The core encrypts it, blind-indexes it for the per-company duplicate
/// check and keeps only <see cref="Last4"/> in clear, the same way for every regime.
/// </summary>
/// <param name="Taken">The error when another employee of the company has the identifier.</param>
public sealed record NationalId(string Digits, string Last4, Error Taken);
