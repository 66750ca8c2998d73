using Conformance.Evidence;

namespace Conformance.Checks;

/// <summary>Successful responses declare a JSON media type (application/json or a +json type).</summary>
public sealed class ContentTypeJsonCheck : Check
{
    public const string CheckId = "content-type-json";
    public override string Id => CheckId;
    public override string Title => "Responses are labelled as JSON";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var successes = run.Answered.Where(e => e.IsSuccess).ToList();
        if (successes.Count == 0) yield break;
        var problems = successes
            .Where(e => !IsJson(e.ContentType))
            .Select(e => (e, e.ContentType is null ? "no Content-Type header" : $"Content-Type is '{e.ContentType}', not application/json"))
            .ToList();
        yield return Judge(run, problems, "Every successful response is labelled application/json.");
    }

    public static bool IsJson(string? contentType)
    {
        if (contentType is null) return false;
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType == "application/json" || (mediaType.StartsWith("application/") && mediaType.EndsWith("+json"));
    }
}
