namespace PayrollPortal.Application.Identity;

/// <summary>Where an API token was created, as <c>GET /api/tokens</c> shows it.</summary>
public static class ApiTokenSources
{
    /// <summary>A signed-in portal session (the only way over HTTP: a token cannot mint tokens).</summary>
    public const string Session = "session";

    /// <summary>The trusted operator, in-process on the server.</summary>
    public const string Operator = "operator";

    public static string Of(Caller caller) => caller.Id.StartsWith("system:", StringComparison.Ordinal) ? Operator : Session;
}
