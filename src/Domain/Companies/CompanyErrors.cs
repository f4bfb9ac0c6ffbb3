using PayrollPortal.Domain.Common;

namespace PayrollPortal.Domain.Companies;

public static class CompanyErrors
{
    public static readonly Error NameRequired = Error.Validation("company.name_required", "Name is required.", "name");

    public static readonly Error NameTooLong = Error.Validation("company.name_too_long", $"Name must be at most {CompanyName.MaxLength} characters.", "name");

    public static readonly Error NameUnsafe = Error.Validation("company.name_invalid_characters", "Name " + UnsafeText.Message, "name");

    public static readonly Error SlugRequired = Error.Validation("company.slug_required", "Slug is required.", "slug");

    public static readonly Error SlugInvalid = Error.Validation(
        "company.slug_invalid",
        "Slug must be 3-63 characters of lowercase letters and digits, with single hyphens between them.",
        "slug");

    public static readonly Error EinInvalid = Error.Validation("company.ein_invalid", "EIN must look like NN-NNNNNNN.", "ein");

    public static readonly Error SlugImmutable = Error.Validation("company.slug_immutable", "The slug cannot be changed once the company exists.", "slug");

    public static readonly Error NotFound = Error.NotFound("company.not_found", "Company not found.");

    public static Error SlugTaken(string slug) => Error.Conflict("company.slug_taken", $"The slug '{slug}' is already in use.", "slug");
}
