using Conformance.Evidence;
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
    public const string CheckId = "response-schema";
    public override string Id => CheckId;
    public override string Title => "Response body matches the documented schema";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var judged = 0;
        var problems = new List<(Exchange, Problem)>();
        var records = 0;
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
                problems.Add((exchange, new Problem(exchange.Xml is null ? $"the body is not valid JSON ({exchange.Json.Error})" : $"the body cannot be read: {exchange.Json.Error}")));
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
            records += exchange.IsSuccess ? RecordsIn.Of(exchange, run.Role, context.Profile.Pagination).Count : 0;
            // The evaluation decides; its messages only explain (a failed `not`, or a `oneOf` matched twice, has none).
            if (!results.IsValid)
                problems.AddRange(SchemaProblems.Of(results, exchange, run.Role, context.Profile.Pagination, context.Masked, context.Spec.Schemas.NodeAt).Select(p => (exchange, p)));
        }
        if (problems.Count == 0 && refused is not null)
            yield return Error(run, $"The harness could not judge the body: {refused.Json.Error}.", refused);
        else if (problems.Count > 0 || judged > 0)
            yield return Judge(run, problems, $"{judged} response(s) valid against the documented schema.", records);
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

}
