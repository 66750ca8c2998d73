using Conformance.Evidence;
using Conformance.Http;

namespace Conformance.Checks;

/// <summary>
/// What a check that judges answers one at a time (<see cref="PageCheck"/>) has made of an operation's answers so
/// far: it is told each answer as it arrives and keeps only its tally, so a page need not be kept whole for it.
/// </summary>
public abstract class Judgement
{
    /// <summary>One ordinary read of the operation, with its body.</summary>
    public abstract void Observe(Exchange answer);

    /// <summary>The findings, once every answer has been observed; <paramref name="run"/> is the operation's run as kept.</summary>
    public abstract IEnumerable<Finding> Finish(OperationRun run);
}
