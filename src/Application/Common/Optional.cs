namespace PayrollPortal.Application.Common;

/// <summary>
/// A value that may be absent, as distinct from present and null: a PATCH that omits a field leaves it alone,
/// while one that sends null clears it.
/// </summary>
public readonly record struct Optional<T>(bool HasValue, T Value)
{
    public static Optional<T> Absent => default;

    public static Optional<T> Of(T value) => new(true, value);

    public T GetValueOr(T fallback) => HasValue ? Value : fallback;
}
