using Conformance.Evidence;

namespace Conformance.Checks;

/// <summary>
/// An open standard's endpoints answer requests that carry no credentials: one refused (401, 403, 407), or sent
/// away to another origin (a login page) instead of served, breaks the rule.
/// </summary>
public sealed class AnonymousAccessCheck : Check
{
    public const string CheckId = "anonymous-access";
    public override string Id => CheckId;
    public override string Title => "Open access without credentials";

    public override bool JudgesUnfollowedRedirects => true;

    /// <summary>Where the user gave credentials (the first read carried them): a required endpoint's first read, again without them.</summary>
    public override IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context)
    {
        if (context.Profile.Access == Standards.Access.Open && run.Tier == Standards.Tier.Required
            && run.Primary is { Anonymous: false, Asked: { } asked })
            yield return new ProbeRequest("without credentials", asked) { Anonymous = true };
    }

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (context.Profile.Access != Standards.Access.Open) yield break;
        var anonymous = run.Answered.Concat(OwnRequests(run).Select(r => r.Exchange).Where(e => e.Answered)).Where(e => e.Anonymous).ToList();
        if (anonymous.Count == 0) yield break;
        // A redirect elsewhere is a refusal only where the same read with credentials was served: then it is about them.
        var servedWithCredentials = run.Answered.Any(e => !e.Anonymous && e.RedirectNotFollowed is null);
        var problems = anonymous
            .Where(e => e.Status is 401 or 403 or 407 || (e.RedirectNotFollowed is not null && servedWithCredentials))
            .Select(e => (e, e.RedirectNotFollowed is null
                ? $"a request without credentials was refused with {e.Status}"
                : $"a request without credentials was not served: it answered {e.Status} and {e.RedirectNotFollowed}"))
            .ToList();
        yield return Judge(run, problems, "Requests without credentials are served.");
    }
}
