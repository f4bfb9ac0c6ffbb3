using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace PayrollPortal.Api.Http;

/// <summary>The API's JSON options, for the few writers (health reports) that do not go through minimal-API results.</summary>
internal sealed class JsonSerializerOptionsHolder(IOptions<JsonOptions> options)
{
    public JsonSerializerOptions Options { get; } = options.Value.SerializerOptions;
}
