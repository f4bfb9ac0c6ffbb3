using System.Diagnostics.CodeAnalysis;

namespace PayrollPortal.Domain.Common;

/// <summary>Implemented by every result so that pipeline behaviours can inspect the outcome without knowing its value type.</summary>
public interface IResult
{
    bool IsSuccess { get; }

    IReadOnlyList<Error> Errors { get; }
}

/// <summary>
/// The outcome of a use case: a value, or one or more expected errors (several for validation, one otherwise).
/// Exceptions are reserved for bugs; see docs/decisions/0002-result-over-exceptions.md.
/// </summary>
public readonly struct Result<T> : IResult
{
    private readonly T? _value;
    private readonly Error[]? _errors;

    private Result(T value)
    {
        _value = value;
        _errors = null;
    }

    private Result(Error[] errors)
    {
        if (errors.Length == 0)
        {
            throw new ArgumentException("A failed result needs at least one error.", nameof(errors));
        }

        _value = default;
        _errors = errors;
    }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => _errors is null;

    public IReadOnlyList<Error> Errors => _errors ?? [];

    /// <summary>The first error; only meaningful on a failure.</summary>
    public Error FirstError => _errors is { Length: > 0 } e ? e[0] : throw new InvalidOperationException("The result is a success.");

    public T? Value => _value;

    public static Result<T> Success(T value) => new(value);

    public static Result<T> Failure(Error error) => new([error]);

    public static Result<T> Failure(IEnumerable<Error> errors) => new(errors.ToArray());

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new([error]);

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? Result<TOut>.Success(map(_value!)) : Result<TOut>.Failure(_errors!);
}
