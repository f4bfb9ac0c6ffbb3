namespace PayrollPortal.Domain.Common;

/// <summary>The kind of an expected failure; the HTTP host maps each kind to one status code.</summary>
public enum ErrorType
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unauthorized,

    /// <summary>A limit on how often the caller may do this was reached (HTTP 429).</summary>
    TooManyRequests,
    Unexpected,
}
