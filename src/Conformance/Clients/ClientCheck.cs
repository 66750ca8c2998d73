using Conformance.Checks;
using Conformance.Http;

namespace Conformance.Clients;

/// <summary>
/// One rule a client must keep, judged over the requests the stand-in recorded: as a server's check, one id, one
/// clause (a profile's `side: client` clause cites it), a finding per operation the client asked for (or per step of
/// the scenario), each citing the exchange that shows it. It returns nothing where the rule has nothing to judge.
/// </summary>
public abstract class ClientCheck
{
    public abstract string Id { get; }
    public abstract string Title { get; }

    public abstract IEnumerable<Finding> Evaluate(IReadOnlyList<ClientExchange> exchanges, ClientContext context);

    /// <summary>
    /// A finding per operation: satisfied where no request of it has a problem, else violated with every distinct rule
    /// broken named once, counted, and the first occurrences as details.
    /// </summary>
    protected IEnumerable<Finding> PerOperation(IEnumerable<ClientExchange> judged, Func<ClientExchange, IEnumerable<Problem>> problems,
        Func<int, string> passed)
    {
        foreach (var operation in judged.GroupBy(e => e.Operation))
        {
            var tally = new ProblemTally();
            foreach (var exchange in operation)
                foreach (var problem in problems(exchange)) tally.Add(exchange.Exchange, problem);
            var count = operation.Count();
            yield return tally.Count == 0
                ? Satisfied(operation.Key, passed(count), operation.First().Exchange)
                : Violated(operation.Key, tally.Summary(), tally.Details, tally.Rules[0].Evidence);
        }
    }

    protected Finding Satisfied(string operation, string message, Exchange? evidence) =>
        new(Id, operation, FindingKind.Satisfied, message, [], evidence);

    protected Finding Violated(string operation, string message, IEnumerable<string> details, Exchange? evidence) =>
        new(Id, operation, FindingKind.Violated, message, details.Take(Check.MaxDetails).ToList(), evidence);

    protected Finding Skipped(string operation, string reason, Exchange? evidence = null) =>
        new(Id, operation, FindingKind.Skipped, reason, [], evidence);

    protected static string Requests(int count) => count == 1 ? "1 request" : $"{count} requests";
}
