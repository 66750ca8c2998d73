using Conformance.Evidence;

namespace Conformance.Checks;

/// <summary>
/// One conformance rule made executable. A check judges the ordinary reads of an operation and, where it needs
/// more, declares its own requests (<see cref="Probes"/>): the runner sends them, and only this check sees the
/// answers (it owns them: <see cref="RequestOwner"/>). Requests the user must ask for are a group it declares
/// (<see cref="OptIn"/>). It returns no finding when it does not apply to an operation.
/// </summary>
public abstract class Check : RequestOwner
{
    public abstract string Title { get; }

    public abstract IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context);

    /// <summary>The requests this check needs for an operation beyond its ordinary reads (none, for most checks).</summary>
    public virtual IEnumerable<ProbeRequest> Probes(OperationRun run, ProbeContext context) => [];

    /// <summary>When <see cref="Probes"/> is asked: after the operation's reads, or after every operation's.</summary>
    public virtual ProbeStage ProbesWhen => ProbeStage.AfterOperation;

    /// <summary>
    /// The group of requests the user or the vendor must ask for before <see cref="Probes"/> is asked at all (null: its
    /// requests are always sent). The check declares it; the runner only compares names.
    /// </summary>
    public virtual OptIn? OptIn => null;

    /// <summary>Whether this check's verdict on an operation says its records were validated (what coverage counts).</summary>
    public virtual bool ValidatesRecords => false;

    /// <summary>
    /// Whether the check judges a redirect the harness would not follow (to another origin) itself; for every other
    /// check a finding resting on one is the harness's error, not the vendor's fault.
    /// </summary>
    public virtual bool JudgesUnfollowedRedirects => false;

    /// <summary>The requests this check declared for an operation, as sent, in order.</summary>
    protected IEnumerable<SentRequest> OwnRequests(OperationRun run) => run.SentFor(this);

    /// <summary>The requests of a kind others made that this check declares it uses (<see cref="RequestOwner.Uses"/>).</summary>
    protected IEnumerable<SentRequest> Used(OperationRun run, RequestKind kind) => Uses.Contains(kind)
        ? run.Requests.Where(r => r.Kind == kind)
        : throw new InvalidOperationException($"{Id} reads '{kind}' requests without declaring that it uses them (Uses).");

    public const int MaxDetails = 20;

    /// <summary>
    /// An anonymous request refused with 401/403 where the standard does not promise open access: the
    /// harness was not given credentials, which is no fault of the vendor's.
    /// </summary>
    public static bool WantsCredentials(Http.Exchange exchange, CheckContext context) =>
        exchange.Status is 401 or 403 && exchange.Anonymous && context.Profile.Access != Standards.Access.Open;

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
    protected Finding Judge(OperationRun run, IReadOnlyList<(Http.Exchange Exchange, string Problem)> problems, string passMessage) =>
        Judge(run, problems.Select(p => (p.Exchange, new Problem(p.Problem))).ToList(), passMessage);

    protected Finding Judge(OperationRun run, IReadOnlyList<(Http.Exchange Exchange, Problem Problem)> problems, string passMessage, int? records = null)
    {
        var tally = new ProblemTally();
        foreach (var (exchange, problem) in problems) tally.Add(exchange, problem);
        return Judge(run, tally, passMessage, records);
    }

    /// <summary>
    /// Satisfied when there is no problem; otherwise violated, with every distinct rule broken named in the message
    /// (never hidden behind "and N more"), the most widespread first, each with how many records (of
    /// <paramref name="records"/>) or responses it touched, the value found and the hint; the first occurrences
    /// (up to 20) are kept as details, and the counts say how many there were in all.
    /// </summary>
    protected Finding Judge(OperationRun run, ProblemTally tally, string passMessage, int? records = null) =>
        tally.Count == 0 ? Satisfied(run, passMessage) : Violated(run, tally.Summary(records), tally.Details, tally.Rules[0].Evidence);
}
