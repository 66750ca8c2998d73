using Conformance.Evidence;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>A response's Content-Type is one the spec documents for that operation and status.</summary>
public sealed class ContentTypeDocumentedCheck : Check
{
    public const string CheckId = "content-type-documented";
    public override string Id => CheckId;
    public override string Title => "Media type is documented in the spec";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var judged = run.Answered.Where(e => e.Body.Length > 0 && run.Operation.ResponseFor(e.Status!.Value) is { Content.Count: > 0 }).ToList();
        if (judged.Count == 0) yield break;
        var problems = new List<(Exchange, string)>();
        foreach (var exchange in judged)
        {
            var documented = run.Operation.ResponseFor(exchange.Status!.Value)!.Content.Select(c => c.MediaType).ToList();
            var actual = exchange.ContentType is { } declared ? Specs.MediaTypes.Base(declared) : null;
            if (actual is null) problems.Add((exchange, "no Content-Type header"));
            else if (!documented.Any(d => Specs.MediaTypes.Covers(d, actual)))
                problems.Add((exchange, $"Content-Type is '{actual}', documented: {string.Join(", ", documented)}"));
        }
        yield return Judge(run, problems, "Every response carries a documented media type.");
    }
}
