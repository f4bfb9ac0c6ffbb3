namespace PayrollPortal.Application.Identity;

/// <summary>
/// The per-client sign-in limit, counted where every instance sees the same count (the database), so N instances allow
/// what one does.
/// </summary>
public interface ISignInAttempts
{
    /// <summary>Counts this attempt from <paramref name="client"/>; null when within <paramref name="limit"/> a minute, else how long to wait.</summary>
    Task<TimeSpan?> CountAsync(string client, int limit, CancellationToken cancellationToken);
}
