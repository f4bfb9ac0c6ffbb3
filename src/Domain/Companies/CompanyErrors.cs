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

    public static readonly Error RegistrationNumberInvalid = Error.Validation(
        "company.registration_number_invalid", "Business registration number must look like ###-##-#####.", "registrationNumber");

    public static readonly Error RegistrationNumberCheckDigit = Error.Validation(
        "company.registration_number_check_digit", "Business registration number's last digit does not match the others; check it for a typo.", "registrationNumber");

    public static readonly Error AddressCountryInvalid = Error.Validation(
        "company.address_country_invalid", "Country must be a two-letter ISO 3166 code such as US or KR.", "address.country");

    public static Error AddressFieldRequired(string field) =>
        Error.Validation("company.address_field_required", $"Address {field} is required.", "address." + field);

    public static Error AddressFieldTooLong(string field, int maxLength) =>
        Error.Validation("company.address_field_too_long", $"Address {field} must be at most {maxLength} characters.", "address." + field);

    public static Error AddressFieldUnsafe(string field) =>
        Error.Validation("company.address_field_invalid_characters", $"Address {field} " + UnsafeText.Message, "address." + field);

    public static readonly Error SlugImmutable = Error.Validation("company.slug_immutable", "The slug cannot be changed once the company exists.", "slug");

    public static readonly Error NotFound = Error.NotFound("company.not_found", "Company not found.");

    public static Error SlugTaken(string slug) => Error.Conflict("company.slug_taken", $"The slug '{slug}' is already in use.", "slug");
}
