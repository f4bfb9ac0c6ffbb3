namespace PayrollPortal.Api.Identity;

/// <summary>Endpoint metadata: what a 429 from the rate limiter says for this endpoint (the default speaks of sign-ins).</summary>
public sealed record RateLimitMessage(string Title, string Detail);
