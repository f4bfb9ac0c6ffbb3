using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PayrollPortal.Infrastructure.Persistence;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Api.Tests;

/// <summary>The OpenAPI document and the reference page at /api/docs speak for this product, and show a body for every request.</summary>
public sealed class ApiDocumentationTests
{
    [Fact]
    public async Task OpenApiDocument_ShouldCarryTheProductsTitleAndVersionAndAnExampleForEveryRequestBody()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        var meta = await client.GetFromJsonAsync<JsonElement>("/api/meta");
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var info = document.GetProperty("info");
        info.GetProperty("title").GetString().ShouldBe("Payroll Portal API");
        info.GetProperty("version").GetString().ShouldBe(meta.GetProperty("version").GetString());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var bodies = new List<string>();
        var missing = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("requestBody", out _)))
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                bodies.Add(name);
                var content = operation.Value.GetProperty("requestBody").GetProperty("content");
                if (!content.EnumerateObject().Any(c => c.Name.Contains("json", StringComparison.Ordinal)))
                {
                    // A file upload (an employee import's CSV or XLSX): its body is the file, not JSON to exemplify.
                    content.EnumerateObject().Select(c => c.Name).ShouldAllBe(t => t == "text/csv" || t.StartsWith("application/vnd.openxmlformats", StringComparison.Ordinal), name);
                    continue;
                }

                var schema = content.EnumerateObject().First(c => c.Name.Contains("json", StringComparison.Ordinal)).Value.GetProperty("schema");
                if (schema.TryGetProperty("$ref", out var reference))
                {
                    schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
                }

                if (!schema.TryGetProperty("examples", out var examples) || examples.GetArrayLength() == 0)
                {
                    missing.Add(name);
                }
            }
        }

        bodies.Count.ShouldBeGreaterThan(15);
        missing.ShouldBeEmpty("every request body shows an example a client can send");
        var createPayroll = document.GetProperty("paths").GetProperty("/api/companies/{companyId}/payrolls").GetProperty("post");
        createPayroll.GetProperty("requestBody").ToString().ShouldNotBeEmpty();

        // A line is read by its own converter; the document still says what it holds: the employee and the regime's fields.
        var line = schemas.GetProperty("CreatePayrollRequest").GetProperty("properties").GetProperty("lines").GetProperty("items");
        if (line.TryGetProperty("$ref", out var lineReference))
        {
            line = schemas.GetProperty(lineReference.GetString()!.Split('/')[^1]);
        }

        line.GetProperty("properties").GetProperty("employeeId").GetProperty("format").GetString().ShouldBe("uuid");
        line.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["employeeId"]);
        line.GetProperty("additionalProperties").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public async Task ReferencePage_ShouldBeTitledForTheProductWithoutTheVendorsAgentOrDeveloperTools()
    {
        await using var app = await PayrollApp.StartAsync(DatabaseProvider.Sqlite);
        using var response = await app.CreateAnonymousClient().GetAsync("/api/docs");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<title>Payroll Portal API</title>");
        html.ShouldContain("\"agent\":{\"disabled\":true}");
        html.ShouldContain("\"showDeveloperTools\":\"never\"");
        html.ShouldContain("\"hideClientButton\":true");
    }
}
