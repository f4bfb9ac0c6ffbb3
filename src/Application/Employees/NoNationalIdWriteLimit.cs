using PayrollPortal.Application.Identity;

namespace PayrollPortal.Application.Employees;

/// <summary>No budget: the verbs send messages as the operator, whom <see cref="NationalIdGuard"/> never limits anyway.</summary>
public sealed class NoNationalIdWriteLimit : INationalIdWriteLimiter
{
    public bool TryAcquire(Caller caller, Guid companyId) => true;
}
