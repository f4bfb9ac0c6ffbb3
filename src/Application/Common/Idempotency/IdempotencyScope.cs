namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>Where a key lives: the same key from another caller, or on another method or route template, is another key.</summary>
public sealed record IdempotencyScope(string Caller, string Method, string Route, string Key);
