using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;

namespace Conformance.Checks;

/// <summary>
/// A check that judges each ordinary answer on its own (its records, fields and schema) and across answers only
/// counts. The runner tells it each page of a list as the page arrives, then keeps only the page's envelope and ids
/// (<see cref="SentRequest.JudgedOnArrival"/>); what it did not tell it on arrival, the check reads from the run.
/// </summary>
public abstract class PageCheck : Check
{
    /// <summary>A judgement of one operation's answers, told none yet.</summary>
    public abstract Judgement Begin(SpecOperation operation, OperationRole role, CheckContext context);

    public sealed override IEnumerable<Finding> Evaluate(OperationRun run, CheckContext context) =>
        Conclude(run, Begin(run.Operation, run.Role, context));

    /// <summary>The findings of a judgement that may have been told some answers already: it is told the rest.</summary>
    public IEnumerable<Finding> Conclude(OperationRun run, Judgement judgement)
    {
        foreach (var read in run.Reads.Where(r => r.Exchange.Answered && !r.JudgedOnArrival)) judgement.Observe(read.Exchange);
        return judgement.Finish(run);
    }
}
