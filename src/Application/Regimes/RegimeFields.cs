using System.Buffers;
using FluentValidation;
using System.Text.Json;
using PayrollPortal.Application.Common;
using PayrollPortal.Application.Common.Validation;
using PayrollPortal.Domain.Common;

namespace PayrollPortal.Application.Regimes;

/// <summary>
/// The members of a request that belong to the company's regime (a line's <c>grossWages</c>, an employee's <c>w4</c>), kept
/// as JSON until the regime is known. The regime reads them into its own request type with the API's JSON rules (web
/// defaults, numbers as strings, absent versus null), so they behave as in any other request.
/// </summary>
public sealed class RegimeFields
{
    private static readonly JsonSerializerOptions Defaults = new(JsonSerializerDefaults.Web) { Converters = { new OptionalJsonConverterFactory() } };

    private readonly IReadOnlyDictionary<string, JsonElement>? _values;
    private readonly JsonElement _posted;
    private readonly string? _coreMember;

    public RegimeFields(IReadOnlyDictionary<string, JsonElement>? values)
    {
        _values = values ?? new Dictionary<string, JsonElement>();
    }

    private RegimeFields(JsonElement posted, string coreMember)
    {
        _posted = posted;
        _coreMember = coreMember;
    }

    /// <summary>The members of a posted object besides <paramref name="coreMember"/> (a line's <c>employeeId</c>), read in place.</summary>
    public static RegimeFields Of(JsonElement posted, string coreMember) => new(posted, coreMember);

    /// <summary>The members of an object as a request would send them (camelCase), for senders that are not HTTP: the CLI, tests.</summary>
    public static Dictionary<string, JsonElement> Members(object shape) =>
        JsonSerializer.SerializeToElement(shape, Defaults).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

    /// <summary>
    /// Reads the members into <typeparamref name="T"/>. A member that <typeparamref name="T"/> does not have is a 400 on that
    /// member (a request shaped for another regime must not be half-applied), and so is a value of the wrong JSON type;
    /// every error is reported at once.
    /// </summary>
    /// <param name="prefix">Where these members sit in the request, for the error's field (<c>lines[3].</c>).</param>
    /// <param name="unknown">The error for a member the regime does not take.</param>
    /// <param name="validator">The regime's rules for <typeparamref name="T"/>, run once it is read.</param>
    public Result<T> Read<T>(string prefix, Func<string, Error> unknown, IValidator<T>? validator = null)
        where T : class
    {
        var known = RegimeFieldNames.Of<T>(Defaults);
        if (_values is null && Members().All(m => known.Contains(m.Name)))
        {
            // A posted object with only the regime's members (and the core's, which T does not have) reads as it is.
            return Validated(Deserialize(() => _posted.Deserialize<T>(Defaults), prefix), prefix, validator, []);
        }

        var errors = new List<Error>();

        // The known members as one JSON object, written straight from the elements (a payroll reads this once per line).
        var json = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            foreach (var (name, element) in Members())
            {
                if (!known.Contains(name))
                {
                    errors.Add(unknown(prefix + name));
                    continue;
                }

                writer.WritePropertyName(name);
                element.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Validated(Deserialize(() => JsonSerializer.Deserialize<T>(json.WrittenSpan, Defaults), prefix), prefix, validator, errors);
    }

    private IEnumerable<(string Name, JsonElement Value)> Members() =>
        _values is not null
            ? _values.Select(v => (v.Key, v.Value))
            : _posted.EnumerateObject().Where(m => !m.Name.Equals(_coreMember, StringComparison.OrdinalIgnoreCase)).Select(m => (m.Name, m.Value));

    /// <summary>Runs <paramref name="read"/> (the serializer over the posted element or the rewritten bytes); a type error names its member.</summary>
    private static Result<T> Deserialize<T>(Func<T?> read, string prefix)
        where T : class
    {
        try
        {
            return read()!;
        }
        catch (JsonException exception)
        {
            return TypeError<T>(exception, prefix);
        }
    }

    private static Result<T> TypeError<T>(JsonException exception, string prefix)
    {
        var field = exception.Path is null or "$" ? prefix.TrimEnd('.') : prefix + exception.Path.TrimStart('$').TrimStart('.');
        return Result<T>.Failure([JsonTypeErrors.From(field, exception, typeof(T))]);
    }

    /// <summary>Every error at once: the unknown members, a value of the wrong JSON type, the regime's rules.</summary>
    private static Result<T> Validated<T>(Result<T> read, string prefix, IValidator<T>? validator, List<Error> errors)
        where T : class
    {
        if (!read.IsSuccess)
        {
            return Result<T>.Failure([.. errors, .. read.Errors]);
        }

        if (validator?.Validate(read.Value!) is { IsValid: false } invalid)
        {
            errors.AddRange(ValidationErrors.From(invalid.Errors, prefix));
        }

        return errors.Count > 0 ? Result<T>.Failure(errors) : read;
    }
}
