namespace PayrollPortal.Application.Exports;

public enum ExportAccessOutcome
{
    Granted,
    Unauthenticated,
    Forbidden,
}
