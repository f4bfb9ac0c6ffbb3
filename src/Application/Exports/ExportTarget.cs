namespace PayrollPortal.Application.Exports;

/// <summary>Exactly what one download link grants: one company's register, for one scope, in one format.</summary>
public sealed record ExportTarget(Guid CompanyId, ExportScope Scope, ExportFormat Format);
