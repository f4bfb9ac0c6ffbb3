namespace PayrollPortal.Domain.Withholding.UsFederal;

/// <summary>A Form W-4 from 2019 or earlier, still valid for employees who have not given a newer one.</summary>
public sealed record FormW4Before2020(
    Pre2020MaritalStatus MaritalStatus,
    int Allowances = 0,
    decimal ExtraWithholding = 0m,
    bool Exempt = false) : FormW4(Exempt);
