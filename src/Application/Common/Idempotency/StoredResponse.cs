namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>The response a key's first execution gave, exactly as sent: replays write these bytes (the body as UTF-8) again.</summary>
public sealed record StoredResponse(int Status, string? Location, string? ContentType, byte[] Body);
