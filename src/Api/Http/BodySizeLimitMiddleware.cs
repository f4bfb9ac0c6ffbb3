using Microsoft.AspNetCore.Http.Features;

namespace PayrollPortal.Api.Http;

/// <summary>
/// Refuses bodies over the limit (1 MB by default, <c>MAX_REQUEST_BODY_BYTES</c>; for an endpoint marked <see cref="ImportBody"/>,
/// 20 MB by default, <c>MAX_IMPORT_BYTES</c>) with 413 before anything reads them. A declared Content-Length is checked here; a
/// chunked body is cut off by the server's own limit, set to the same value for the request.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, long maxRequestBytes, long maxImportBytes)
{
    public Task InvokeAsync(HttpContext context)
    {
        var maxBytes = context.GetEndpoint()?.Metadata.GetMetadata<ImportBody>() is null ? maxRequestBytes : maxImportBytes;
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
