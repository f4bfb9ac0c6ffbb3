namespace PayrollPortal.Application.Common;

/// <summary>Who and what is calling: the correlation id of the current HTTP request or CLI run, and the caller's name.</summary>
public interface IRequestContext
{
    string RequestId { get; }

    /// <summary>The caller's name for the audit trail (<see cref="Identity.Caller.Actor"/>).</summary>
    string Actor { get; }
}
