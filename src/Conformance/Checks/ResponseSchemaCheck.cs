using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Json.Schema;

namespace Conformance.Checks;

/// <summary>
/// Each response body is JSON that validates against the schema the spec documents for its status. A body the
/// harness refused to read (an XML DTD) could not be judged: an error, never a failure, unless another fails.
/// </summary>
public sealed class ResponseSchemaCheck : PageCheck
{
    public const string CheckId = "response-schema";
    public override string Id => CheckId;
    public override string Title => "Response body matches the documented schema";

    /// <summary>Its verdict on an operation is what says the operation's records were validated.</summary>
    public override bool ValidatesRecords => true;

    public override Judgement Begin(SpecOperation operation, OperationRole role, CheckContext context) => new Bodies(this, operation, role, context);

    private sealed class Bodies(ResponseSchemaCheck check, SpecOperation operation, OperationRole role, CheckContext context) : Judgement
    {
        private int _judged;
        private int _records;
        private string? _cannotJudge;
        private Exchange? _refused;
        private readonly ProblemTally _problems = new();

        public override void Observe(Exchange exchange)
        {
            if (WantsCredentials(exchange, context)) return;
            var pointer = SchemaPointerFor(operation, exchange);
            if (pointer is null) return;
            var (schema, problem) = context.Spec.Schemas.At(pointer);
            if (schema is null)
            {
                _cannotJudge ??= problem;
                return;
            }
            if (exchange.BodyRefused)
            {
                _refused ??= exchange;
                return;
            }
            if (exchange.JsonElement is not { } body)
            {
                _judged++;
                // Plain words for the finding; the parser's own words (line and byte positions) are for the evidence.
                _problems.Add(exchange, exchange.Xml is not null ? new Problem("the body cannot be read as XML", Detail: $"the body cannot be read: {exchange.Json.Error}")
                    : WebPage.Is(exchange) ? new Problem("the body is a web page (HTML), not JSON", Detail: $"the body is not valid JSON: {exchange.Json.Error}")
                    : new Problem(exchange.JsonProblem!, Detail: $"the body is not valid JSON: {exchange.Json.Error}"));
                return;
            }
            EvaluationResults results;
            try
            {
                results = schema.Evaluate(body, ResponseSchemas.Decision);
                if (!results.IsValid) results = schema.Evaluate(body, ResponseSchemas.Evaluation);
            }
            catch (Exception e) when (e is not OperationCanceledException) // a late $ref, a format, a pattern: the harness cannot judge
            {
                _cannotJudge ??= $"The spec's schema could not be applied: {e.Message}";
                return;
            }
            _judged++;
            _records += exchange.IsSuccess ? OrdinaryRecords.Of(exchange, role, context.Profile.Pagination).Count : 0;
            // The evaluation decides; its messages only explain (a failed `not`, or a `oneOf` matched twice, has none).
            if (!results.IsValid)
                foreach (var p in SchemaProblems.Of(results, exchange, role, context.Profile.Pagination, context.Masked, context.Spec.Schemas.NodeAt))
                    _problems.Add(exchange, p);
        }

        public override IEnumerable<Finding> Finish(OperationRun run)
        {
            if (_problems.Count == 0 && _refused is not null)
                yield return check.Error(run, $"The harness could not judge the body: {_refused.Json.Error}.", _refused);
            else if (_problems.Count > 0 || _judged > 0)
                yield return check.Judge(run, _problems, $"{_judged} response(s) valid against the documented schema.", _records);
            else if (_cannotJudge is not null)
                yield return check.Error(run, _cannotJudge);
        }
    }

    /// <summary>
    /// The schema an answer is judged by: the one documented for the media type it declares. A body declared as a type
    /// the document gives that is not JSON (text/csv, image/png, an SDMX XML type) is not read as JSON; one that declares
    /// no type, or one the document does not give, is judged by the JSON schema documented for its status. XML asked for in a standard's format is read as JSON by its shape.
    /// </summary>
    private static string? SchemaPointerFor(SpecOperation operation, Exchange exchange)
    {
        var response = operation.ResponseFor(exchange.Status!.Value);
        if (response is null || response.Content.Count == 0) return null;
        var declared = exchange.ContentType;
        if (exchange.Xml is not null)
            return (response.Content.FirstOrDefault(c => declared is not null && MediaTypes.Base(c.MediaType) == MediaTypes.Base(declared))
                    ?? response.Content.FirstOrDefault(c => MediaTypes.IsJson(c.MediaType)) ?? response.Content[0]).SchemaPointer;
        // A documented type that is not JSON (a table, a picture) is not read as JSON; a body labelled with a type the
        // document does not have (JSON sent as text/html) is judged by the JSON schema all the same: its label is
        // content-type's to judge, and its records are still evidence.
        if (declared is not null && !MediaTypes.IsJson(declared) && response.Content.Any(c => MediaTypes.Covers(c.MediaType, declared))) return null;
        var content = response.Content.FirstOrDefault(c => declared is not null && MediaTypes.Base(c.MediaType) == MediaTypes.Base(declared))
                      ?? response.Content.FirstOrDefault(c => MediaTypes.IsJson(c.MediaType))
                      ?? response.Content.FirstOrDefault(c => declared is not null && MediaTypes.Covers(c.MediaType, declared));
        return content?.SchemaPointer;
    }
}
