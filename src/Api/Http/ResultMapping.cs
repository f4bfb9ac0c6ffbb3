using Microsoft.AspNetCore.Http.HttpResults;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Api.Http;

/// <summary>Maps expected failures to problem details. This is the only place an <see cref="ErrorType"/> becomes a status code.</summary>
internal static class ResultMapping
{
    public static ProblemHttpResult ToProblem<T>(this Result<T> result, HttpContext context) => ToProblem(result.Errors, context);

    public static ProblemHttpResult ToProblem(IReadOnlyList<Error> errors, HttpContext context)
    {
        var first = errors[0];
        if (first.Type == ErrorType.Validation)
        {
            var fields = errors
                .GroupBy(e => e.Field ?? "body", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
            var validation = ProblemResponses.CreateValidation(context, fields);
            validation.Extensions["codes"] = errors.Select(e => e.Code).Distinct().ToArray();
            return TypedResults.Problem(validation);
        }

        var (status, type, title) = first.Type switch
        {
            ErrorType.NotFound => (StatusCodes.Status404NotFound, "not-found", "Not found"),
            ErrorType.Conflict => (StatusCodes.Status409Conflict, "conflict", "Conflict"),
            ErrorType.Forbidden => (StatusCodes.Status403Forbidden, "forbidden", "Forbidden"),
            ErrorType.Unauthorized => (StatusCodes.Status401Unauthorized, "unauthorized", "Unauthorized"),
            ErrorType.TooManyRequests => (StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests"),
            _ => (StatusCodes.Status500InternalServerError, "unexpected", "Unexpected error"),
        };
        var problem = ProblemResponses.Create(context, status, type, title, first.Message);
        problem.Extensions["code"] = first.Code;
        if (first.Field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [first.Field] = [first.Message] };
        }

        return TypedResults.Problem(problem);
    }
}
