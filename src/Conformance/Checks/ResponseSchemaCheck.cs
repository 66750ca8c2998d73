using Conformance.Http;
using Conformance.Specs;
using Json.Schema;

namespace Conformance.Checks;

/// <summary>
/// Each response body is JSON that validates against the schema the spec documents for its status. A body the
/// harness refused to read (an XML DTD) could not be judged: an error, never a failure, unless another fails.
/// </summary>
public sealed class ResponseSchemaCheck : Check
{
    public override string Id => "response-schema";
    public override string Title => "Response body matches the documented schema";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var judged = 0;
        var problems = new List<(Exchange, string)>();
        string? cannotJudge = null;
        Exchange? refused = null;
        foreach (var exchange in run.Answered.Where(e => !WantsCredentials(e, context)))
        {
            var pointer = SchemaPointerFor(run.Operation, exchange);
            if (pointer is null) continue;
            var (schema, problem) = context.Spec.Schemas.At(pointer);
            if (schema is null)
            {
                cannotJudge ??= problem;
                continue;
            }
            if (exchange.BodyRefused)
            {
                refused ??= exchange;
                continue;
            }
            if (exchange.JsonElement is not { } body)
            {
                judged++;
                problems.Add((exchange, exchange.Xml is null ? $"the body is not valid JSON ({exchange.Json.Error})" : $"the body cannot be read: {exchange.Json.Error}"));
                continue;
            }
            EvaluationResults results;
            try
            {
                results = schema.Evaluate(body, ResponseSchemas.Evaluation);
            }
            catch (Exception e) when (e is not OperationCanceledException) // a late $ref, a format, a pattern: the harness cannot judge
            {
                cannotJudge ??= $"The spec's schema could not be applied: {e.Message}";
                continue;
            }
            judged++;
            // The evaluation decides; its messages only explain. A failed `not`, or a `oneOf` matched twice, fails
            // with no leaf message at all.
            if (!results.IsValid)
            {
                var errors = Errors(results).ToList();
                problems.AddRange((errors.Count > 0 ? errors : [Unexplained(results)]).Select(error => (exchange, error)));
            }
        }
        if (problems.Count == 0 && refused is not null)
            yield return Error(run, $"The harness could not judge the body: {refused.Json.Error}.", refused);
        else if (problems.Count > 0 || judged > 0)
            yield return Judge(run, problems, $"{judged} response(s) valid against the documented schema.");
        else if (cannotJudge is not null)
            yield return Error(run, cannotJudge);
    }

    private static string? SchemaPointerFor(SpecOperation operation, Exchange exchange)
    {
        var response = operation.ResponseFor(exchange.Status!.Value);
        if (response is null || response.Content.Count == 0) return null;
        var mediaType = exchange.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var content = response.Content.FirstOrDefault(c => c.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
                      ?? response.Content.FirstOrDefault(c => JsonContentTypeCheck.IsJson(c.MediaType))
                      ?? response.Content[0];
        return content.SchemaPointer;
    }

    /// <summary>Leaf errors as "at /contents/0/email: Value does not match format "email"".</summary>
    private static IEnumerable<string> Errors(EvaluationResults results) =>
        (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"at {Location(d.InstanceLocation.ToString())}: {e.Value} ({e.Key})"))
            .Distinct();

    private static string Unexplained(EvaluationResults results)
    {
        var deepest = (results.Details ?? []).Where(d => !d.IsValid).LastOrDefault() ?? results;
        return $"at {Location(deepest.InstanceLocation.ToString())}: the value does not satisfy the schema at {deepest.EvaluationPath}";
    }

    private static string Location(string pointer) => pointer.Length == 0 ? "/" : pointer;
}
