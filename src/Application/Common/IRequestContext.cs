namespace PayrollPortal.Application.Common;

/// <summary>Who and what is calling: the correlation id of the current HTTP request or CLI run, and the caller.</summary>
public interface IRequestContext
{
    /// <summary>The caller's name for the audit trail ("anonymous" until identity exists).</summary>
    public const string Anonymous = "anonymous";

    string RequestId { get; }

    string Actor { get; }
}
