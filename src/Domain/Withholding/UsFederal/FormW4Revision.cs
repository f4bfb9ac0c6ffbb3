namespace PayrollPortal.Domain.Withholding.UsFederal;

public enum FormW4Revision
{
    From2020,
    Before2020,
}
