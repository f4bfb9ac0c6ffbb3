namespace PayrollPortal.Application.Common.Idempotency;

/// <summary>
/// The key a sender attaches to the command it is about to send: where the key lives (with the caller, added by the
/// pipeline), and the fingerprint of the request, so that the same key with another request is refused.
/// </summary>
/// <param name="Method">The operation's verb (HTTP method, or a verb of the sender's own).</param>
/// <param name="Route">The operation (the route template, not the path: the route values are in the fingerprint).</param>
public sealed record IdempotencyRequest(string Method, string Route, string Key, string Fingerprint);
