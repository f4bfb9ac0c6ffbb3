namespace PayrollPortal.Api.Http;

/// <summary>
/// Endpoint metadata: the body is an uploaded import file, limited by <c>MAX_IMPORT_BYTES</c> (20 MB by default) instead of
/// <c>MAX_REQUEST_BODY_BYTES</c> (<see cref="BodySizeLimitMiddleware"/>).
/// </summary>
public sealed class ImportBody
{
    public static readonly ImportBody Instance = new();

    private ImportBody()
    {
    }
}
