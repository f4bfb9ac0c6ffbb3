namespace PayrollPortal.Application.Common.Persistence;

/// <summary>One database transaction around one command; owned by the unit-of-work pipeline behaviour.</summary>
public interface IUnitOfWork
{
    bool IsActive { get; }

    Task BeginAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);
}
