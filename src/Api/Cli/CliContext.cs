namespace PayrollPortal.Api.Cli;

/// <summary>What a verb reads (the environment, as the server does) and where it writes; tests pass their own.</summary>
internal sealed record CliContext(IConfiguration Configuration, TextWriter Out, TextWriter Error, TextReader? In = null)
{
    /// <summary>Standard input (<c>--password-stdin</c>); tests pass their own.</summary>
    public TextReader Input => In ?? Console.In;
}
