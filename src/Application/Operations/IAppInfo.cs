namespace PayrollPortal.Application.Operations;

/// <summary>What this running build is and where it runs; provided by the host.</summary>
public interface IAppInfo
{
    string Version { get; }

    string? Commit { get; }

    string? BuildTime { get; }

    string Environment { get; }

    /// <summary><c>sqlite</c> or <c>postgresql</c>.</summary>
    string Database { get; }
}
