using System.Text.Json.Nodes;
using System.Text.Json;
using Json.Schema;

namespace Conformance.Tests.Reports;

/// <summary>
/// docs/report.schema.json, held against every report.json the tests write (linked into the integration tests, which
/// call it after each run of the program): the schema must describe what is written, and each result's evidence
/// must name an exchange of the report.
/// </summary>
public static class ReportSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "report.schema.json")));
        return JsonSchema.Build(document.RootElement.Clone(), new BuildOptions(), new Uri("urn:conformance:report-schema"));
    });

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The report.json in a folder a run wrote into, when there is one.</summary>
    public static void AssertValidIn(string directory)
    {
        var path = Path.Combine(directory, "report.json");
        if (File.Exists(path)) AssertValid(File.ReadAllText(path), path);
    }

    public static void AssertValid(string reportJson, string where = "report.json") =>
        Assert.That(Problems(reportJson), Is.Empty, $"{where} does not match docs/report.schema.json");

    /// <summary>Where the report breaks the schema, and evidence that names no exchange; empty when it is valid.</summary>
    public static List<string> Problems(string reportJson)
    {
        using var report = JsonDocument.Parse(reportJson);
        var results = Schema.Value.Evaluate(report.RootElement, Evaluation);
        var problems = results.IsValid ? []
            : (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).DefaultIfEmpty("invalid").ToList();
        var node = JsonNode.Parse(reportJson)!;
        var ids = (node["exchanges"] as JsonArray ?? []).Select(e => e?["id"]?.ToString()).ToList();
        if (ids.Distinct().Count() != ids.Count) problems.Add("exchange ids are not unique");
        problems.AddRange((node["results"] as JsonArray ?? []).Select(r => r?["evidence"]?.ToString()).OfType<string>()
            .Where(id => !ids.Contains(id)).Distinct().Select(id => $"evidence {id} names no exchange"));
        return problems;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln"))) return dir.FullName;
        throw new InvalidOperationException("Conformance.sln not found above the test folder.");
    }
}
