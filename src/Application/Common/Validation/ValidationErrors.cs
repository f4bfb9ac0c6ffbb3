using System.Text.Json;
using FluentValidation.Results;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Common.Validation;

/// <summary>FluentValidation failures as the API's validation errors, one per field, named as the client's JSON names them.</summary>
public static class ValidationErrors
{
    /// <param name="prefix">Where the validated object sits in the request (<c>lines[2].</c>), or empty.</param>
    public static IEnumerable<Error> From(IEnumerable<ValidationFailure> failures, string prefix = "") =>
        failures.Select(failure => Error.Validation(
            string.IsNullOrEmpty(failure.ErrorCode) ? "validation" : failure.ErrorCode,
            failure.ErrorMessage,
            failure.PropertyName.Length == 0 ? prefix.TrimEnd('.') : prefix + ToJsonPath(failure.PropertyName)));

    /// <summary>"W4.FilingStatus" becomes "w4.filingStatus", matching the camelCase JSON a client sent.</summary>
    public static string ToJsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
