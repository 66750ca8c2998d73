using Conformance.Evidence;

namespace Conformance.Checks;

/// <summary>The discovery document carries every field the standard requires, URIs where it says so.</summary>
public sealed class RootDocumentCheck : Check
{
    public const string CheckId = "root-document";
    public override string Id => CheckId;
    public override string Title => "Discovery document is complete";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (run.Role != OperationRole.Discovery || context.Profile.Discovery is not { } discovery) yield break;
        if (run.Primary is not { IsSuccess: true } exchange)
        {
            yield return Skipped(run, "The discovery document could not be fetched (see endpoint-answers).");
            yield break;
        }
        if (exchange.Json.Error is not null)
        {
            yield return Skipped(run, "The discovery document cannot be read (see response-schema).");
            yield break;
        }
        if (exchange.Json.Node is not System.Text.Json.Nodes.JsonObject document)
        {
            yield return Violated(run, "The discovery document is not a JSON object.", [], exchange);
            yield break;
        }
        var problems = new List<string>();
        foreach (var field in discovery.Fields)
        {
            var value = document[field];
            if (value is null) problems.Add($"'{field}' is missing");
            else if (value is System.Text.Json.Nodes.JsonArray { Count: 0 }) problems.Add($"'{field}' is an empty list");
            else if (value is System.Text.Json.Nodes.JsonValue && (value.GetValueKind() != System.Text.Json.JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetValue<string>())))
                problems.Add($"'{field}' is not a non-empty string");
        }
        foreach (var field in discovery.UriFields)
            if (document[field] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text)
                && !string.IsNullOrWhiteSpace(text) && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                problems.Add($"'{field}' is not an absolute http(s) URI ('{text}')");
        yield return problems.Count == 0
            ? Satisfied(run, $"The discovery document has {string.Join(", ", discovery.Fields)}.", exchange)
            : Violated(run, $"The discovery document is incomplete: {string.Join("; ", problems)}.", problems, exchange);
    }
}
