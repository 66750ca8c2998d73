using Conformance.Evidence;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>
/// Each endpoint answers at the URL its documentation gives, not through a redirect. The probe follows redirects
/// within the origin and the final answer is judged by every other check; this check only says the endpoint
/// moved. A redirect the probe would not follow is endpoint-answers' to report (the harness could not judge).
/// </summary>
public sealed class NoRedirectCheck : Check
{
    public const string CheckId = "no-redirect";
    public override string Id => CheckId;
    public override string Title => "Served at its documented URL, without a redirect";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        var served = run.Answered.Where(e => e.RedirectNotFollowed is null).ToList();
        if (served.Count == 0) yield break;
        var problems = served.Where(e => e.Redirects.Count > 0)
            .Select(e => (e, $"{e.Url} was redirected ({string.Join(", ", e.Redirects.Select(r => $"{r.Status} → {r.Location}"))}) before it answered {e.Status}"))
            .ToList();
        yield return Judge(run, problems, "Served at the documented URL, without a redirect.");
    }
}
