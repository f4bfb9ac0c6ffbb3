namespace PayrollPortal.Domain.Common;

/// <summary>An expected failure, returned as a value. <paramref name="Field"/> names the input it concerns, if any.</summary>
public sealed record Error(string Code, string Message, ErrorType Type, string? Field = null)
{
    public static Error Validation(string code, string message, string? field = null) => new(code, message, ErrorType.Validation, field);

    public static Error NotFound(string code, string message) => new(code, message, ErrorType.NotFound);

    public static Error Conflict(string code, string message, string? field = null) => new(code, message, ErrorType.Conflict, field);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorType.Forbidden);

    /// <summary>The caller is not authenticated (HTTP 401); distinct from <see cref="Forbidden"/>, an authenticated caller without the right.</summary>
    public static Error Unauthorized(string code, string message) => new(code, message, ErrorType.Unauthorized);

    public static Error TooManyRequests(string code, string message, string? field = null) => new(code, message, ErrorType.TooManyRequests, field);
}
