namespace PayrollPortal.Application.Common;

/// <summary>Who and what is calling: the correlation id of the current HTTP request or CLI run.</summary>
public interface IRequestContext
{
    string RequestId { get; }
}
