using System.Threading.RateLimiting;
using PayrollPortal.Application.Employees;
using PayrollPortal.Application.Identity;

namespace PayrollPortal.Api.Identity;

/// <summary>
/// The per-user and per-company budgets of SSN and 주민등록번호 writes, as sliding windows of one hour held in this process
/// (ADR 0012: a restart or another instance grants a fresh budget, which speeds a guesser up by that factor at most).
/// </summary>
internal sealed class NationalIdWriteLimiter : INationalIdWriteLimiter, IDisposable
{
    public const int DefaultPerUser = 10;
    public const int DefaultPerCompany = 50;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly PartitionedRateLimiter<(string User, Guid Company)> _limiter;

    public NationalIdWriteLimiter(int perUserPerHour, int perCompanyPerHour)
    {
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string User, Guid Company), string>(key =>
                RateLimitPartition.GetSlidingWindowLimiter(key.User, _ => Options(perUserPerHour))),
            PartitionedRateLimiter.Create<(string User, Guid Company), Guid>(key =>
                RateLimitPartition.GetSlidingWindowLimiter(key.Company, _ => Options(perCompanyPerHour))));
    }

    public bool TryAcquire(Caller caller, Guid companyId)
    {
        using var lease = _limiter.AttemptAcquire((caller.UserId?.ToString("D") ?? caller.Id, companyId));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static SlidingWindowRateLimiterOptions Options(int permits) => new()
    {
        PermitLimit = permits,
        Window = Window,
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
