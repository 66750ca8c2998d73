using System.Globalization;
using Conformance.Checks;
using Conformance.Standards;

namespace Conformance.Clients.Checks;

/// <summary>
/// While the stand-in answers a step's requests 503 on purpose (a manner of the scenario, for some seconds, without
/// Retry-After), the client asks again at most the scenario's number of times: a bounded client spaces its retries out;
/// a storm asks again as fast as it is answered.
/// </summary>
public sealed class BoundedRetriesCheck : ClientCheck
{
    public const string CheckId = "bounded-retries";
    public override string Id => CheckId;
    public override string Title => "The client retries a 503 a bounded number of times";

    public override IEnumerable<Finding> Evaluate(IReadOnlyList<ClientExchange> exchanges, ClientContext context)
    {
        foreach (var manner in context.Scenario.Manners.Where(m => m.Kind == MannerKind.ServerError))
        {
            var step = context.Scenario.Step(manner.Step)!;
            var refused = exchanges.Where(e => e.Manner == MannerKind.ServerError && step.Requests.Contains(e.Operation)).ToList();
            if (refused.Count == 0)
            {
                yield return Skipped(step.Requests[0], $"the client never asked for {string.Join(" or ", step.Requests)}, so the stand-in never answered 503.");
                continue;
            }
            var retries = refused.Count - 1;
            var span = (refused[^1].Arrived - refused[0].Arrived).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            var words = $"while the stand-in answered 503 for {manner.Seconds} s, the client asked again {retries} time{(retries == 1 ? "" : "s")} in {span} s";
            yield return retries <= manner.MostRetries
                ? Satisfied(refused[0].Operation, $"The client's retries were bounded: {words} (at most {manner.MostRetries}).", refused[0].Exchange)
                : Violated(refused[0].Operation, $"The client retried without bound: {words}, where at most {manner.MostRetries} spaced out would do",
                    refused.Take(Check.MaxDetails).Select(e => $"request {e.Number} at {e.Arrived.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s: answered 503"),
                    refused[manner.MostRetries + 1].Exchange);
        }
    }
}
