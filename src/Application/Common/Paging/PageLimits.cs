namespace PayrollPortal.Application.Common.Paging;

public static class PageLimits
{
    public const int Default = 50;
    public const int Max = 500;
}
