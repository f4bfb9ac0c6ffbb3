namespace PayrollPortal.Api.Http.Idempotency;

/// <summary>
/// Lets the idempotency filter read a keyed request's body after the endpoint bound it: the fingerprint covers the body as
/// sent, and minimal APIs read it before any filter runs. Requests without the header are not buffered.
/// </summary>
internal sealed class BufferIdempotentBodiesMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(IdempotencyKeyHeader.Name))
        {
            context.Request.EnableBuffering();
        }

        return next(context);
    }
}
