namespace Conformance.Checks;

/// <summary>
/// One conformance rule made executable. A check reads exchanges and never sends requests itself.
/// It returns no finding when it does not apply to an operation.
/// </summary>
public abstract class Check
{
    /// <summary>Stable kebab-case id: users put it in baselines, profiles cite it.</summary>
    public abstract string Id { get; }
    public abstract string Title { get; }

    public abstract IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context);

    protected const int MaxDetails = 20;

    /// <summary>
    /// An anonymous request refused with 401/403 where the standard does not promise open access: the
    /// harness was not given credentials, which is no fault of the vendor's.
    /// </summary>
    public static bool WantsCredentials(Http.Exchange exchange, CheckContext context) =>
        exchange.Status is 401 or 403 && exchange.Anonymous && context.Profile.Access != "open";

    protected Finding Satisfied(OperationRun run, string message, Http.Exchange? evidence = null) =>
        new(Id, run.Operation.Id, FindingKind.Satisfied, message, [], evidence ?? run.Primary);

    protected Finding Violated(OperationRun run, string message, IEnumerable<string> details, Http.Exchange? evidence) =>
        new(Id, run.Operation.Id, FindingKind.Violated, message, details.Take(MaxDetails).ToList(), evidence);

    protected Finding Skipped(OperationRun run, string reason) =>
        new(Id, run.Operation.Id, FindingKind.Skipped, reason, [], run.Primary);

    protected Finding Info(OperationRun run, string message, IEnumerable<string> details, Http.Exchange? evidence) =>
        new(Id, run.Operation.Id, FindingKind.Info, message, details.Take(MaxDetails).ToList(), evidence);

    protected Finding Error(OperationRun run, string reason, Http.Exchange? evidence = null) =>
        new(Id, run.Operation.Id, FindingKind.Error, reason, [], evidence ?? run.Primary);

    /// <summary>Satisfied when no exchange has a problem; otherwise violated, citing the first bad exchange.</summary>
    protected Finding Judge(OperationRun run, IReadOnlyList<(Http.Exchange Exchange, string Problem)> problems, string passMessage)
    {
        if (problems.Count == 0) return Satisfied(run, passMessage);
        var first = problems[0];
        var message = problems.Count == 1 ? first.Problem : $"{first.Problem} (and {problems.Count - 1} more)";
        return Violated(run, message, problems.Select(p => $"{p.Exchange.Purpose}: {p.Problem}"), first.Exchange);
    }
}
