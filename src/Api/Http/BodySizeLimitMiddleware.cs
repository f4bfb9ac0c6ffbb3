using Microsoft.AspNetCore.Http.Features;

namespace PayrollPortal.Api.Http;

/// <summary>
/// Refuses bodies over the limit (1 MB by default, <c>MAX_REQUEST_BODY_BYTES</c>) with 413 before anything reads them.
/// A declared Content-Length is checked here; a chunked body is cut off by the server's own limit, set to the same value.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, long maxBytes)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "payload-too-large", "Request body too large",
                $"The request body is larger than the limit of {maxBytes} bytes.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        return next(context);
    }
}
