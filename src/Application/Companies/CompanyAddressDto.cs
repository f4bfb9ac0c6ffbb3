using PayrollPortal.Domain.Common;
using PayrollPortal.Domain.Companies;

namespace PayrollPortal.Application.Companies;

/// <summary>A company's postal address, as sent and as shown: line 1, city and country (ISO 3166-1 alpha-2) are required.</summary>
public sealed record CompanyAddressDto(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country)
{
    public static CompanyAddressDto? From(CompanyAddress? address) =>
        address is null ? null : new(address.Line1, address.Line2, address.City, address.Region, address.PostalCode, address.Country);

    public Result<CompanyAddress> ToAddress() => CompanyAddress.Create(Line1, Line2, City, Region, PostalCode, Country);
}
