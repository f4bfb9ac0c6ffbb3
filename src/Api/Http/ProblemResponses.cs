using Microsoft.AspNetCore.Mvc;

namespace PayrollPortal.Api.Http;

/// <summary>The single place that shapes RFC 9457 problem details for this API.</summary>
internal static class ProblemResponses
{
    public const string TypeBase = "https://payrollportal.dev/problems/";

    public static ProblemDetails Create(HttpContext context, int status, string type, string title, string? detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypeBase + type,
            Title = title,
            Detail = detail,
            Instance = context.Request.Path,
        };
        problem.Extensions["requestId"] = context.TraceIdentifier;
        return problem;
    }

    public static HttpValidationProblemDetails CreateValidation(HttpContext context, IDictionary<string, string[]> errors, string? detail = null)
    {
        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Type = TypeBase + "validation",
            Title = "One or more fields are invalid",
            Detail = detail,
            Instance = context.Request.Path,
        };
        problem.Extensions["requestId"] = context.TraceIdentifier;
        return problem;
    }

    public static Task WriteAsync(HttpContext context, int status, string type, string title, string? detail) =>
        WriteAsync(context, Create(context, status, type, title, detail));

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }
}
