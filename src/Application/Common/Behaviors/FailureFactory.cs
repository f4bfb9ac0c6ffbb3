using System.Reflection;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Behaviors;

/// <summary>
/// Builds a failed <typeparamref name="TResponse"/> when it is a <see cref="Result{T}"/>. Resolved once per response type,
/// so behaviours stay generic without reflection on the hot path.
/// </summary>
internal static class FailureFactory<TResponse>
{
    private static readonly Func<IEnumerable<Error>, TResponse>? Create = Build();

    public static bool CanCreate => Create is not null;

    public static TResponse Failure(IEnumerable<Error> errors) =>
        Create is null
            ? throw new InvalidOperationException($"{typeof(TResponse)} is not a Result<T>; a validated message must return a Result.")
            : Create(errors);

    private static Func<IEnumerable<Error>, TResponse>? Build()
    {
        var type = typeof(TResponse);
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Result<>))
        {
            return null;
        }

        var method = type.GetMethod(nameof(Result<int>.Failure), BindingFlags.Public | BindingFlags.Static, [typeof(IEnumerable<Error>)])!;
        return method.CreateDelegate<Func<IEnumerable<Error>, TResponse>>();
    }
}
