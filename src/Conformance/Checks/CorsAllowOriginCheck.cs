using Conformance.Evidence;

namespace Conformance.Checks;

/// <summary>Every response carries the Access-Control-Allow-Origin value the standard requires.</summary>
public sealed class CorsAllowOriginCheck : Check
{
    public const string CheckId = "cors-allow-origin";
    public override string Id => CheckId;
    public override string Title => "CORS allows any origin";

    public override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context)
    {
        if (context.Profile.CorsAllowOrigin is not { } expected || !run.Answered.Any()) yield break;
        var problems = run.Answered
            .Select(e => (e, value: e.Header("Access-Control-Allow-Origin")))
            .Where(x => x.value?.Trim() != expected)
            .Select(x => (x.e, x.value is null
                ? "no Access-Control-Allow-Origin header"
                : $"Access-Control-Allow-Origin is '{x.value}', not '{expected}'"))
            .ToList();
        yield return Judge(run, problems, $"Every response carries Access-Control-Allow-Origin: {expected}.");
    }
}
