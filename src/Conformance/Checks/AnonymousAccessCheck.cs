namespace Conformance.Checks;

/// <summary>An open standard's endpoints answer requests that carry no credentials.</summary>
public sealed class AnonymousAccessCheck : Check
{
    public override string Id => "anonymous-access";
    public override string Title => "Open access without credentials";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (context.Profile.Access != "open") yield break;
        var anonymous = run.Answered.Where(e => e.Anonymous).ToList();
        if (anonymous.Count == 0) yield break;
        var problems = anonymous
            .Where(e => e.Status is 401 or 403 or 407)
            .Select(e => (e, $"a request without credentials was refused with {e.Status}"))
            .ToList();
        yield return Judge(run, problems, "Requests without credentials are served.");
    }
}
