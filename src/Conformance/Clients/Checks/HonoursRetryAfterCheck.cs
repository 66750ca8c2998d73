using System.Globalization;
using Conformance.Checks;
using Conformance.Standards;

namespace Conformance.Clients.Checks;

/// <summary>
/// After the stand-in's 429 with Retry-After (a manner of the scenario), the client sends nothing until that many
/// seconds have passed since the answer. Measured on the stand-in's own clock, from the answer to the next request's
/// arrival, which a client that waited from when it read the answer can only exceed (50 ms are allowed for timers that
/// fire a little early).
/// </summary>
public sealed class HonoursRetryAfterCheck : ClientCheck
{
    public const string CheckId = "honours-retry-after";
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(50);
    public override string Id => CheckId;
    public override string Title => "The client waits as long as Retry-After says";

    public override IEnumerable<Finding> Evaluate(IReadOnlyList<ClientExchange> exchanges, ClientContext context)
    {
        foreach (var manner in context.Scenario.Manners.Where(m => m.Kind == MannerKind.RetryAfter))
        {
            var step = context.Scenario.Step(manner.Step)!;
            if (exchanges.FirstOrDefault(e => e.Manner == MannerKind.RetryAfter && step.Requests.Contains(e.Operation)) is not { } throttled)
            {
                yield return Skipped(step.Requests[0], $"the client never asked for {string.Join(" or ", step.Requests)}, so the stand-in never answered 429 with Retry-After.");
                continue;
            }
            var seconds = int.TryParse(throttled.Exchange.Header("Retry-After"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : manner.Seconds;
            var next = exchanges.FirstOrDefault(e => e.Number > throttled.Number);
            if (next is null)
            {
                yield return Satisfied(throttled.Operation, $"After a 429 with Retry-After: {seconds} (request {throttled.Number}), the client sent nothing more.", throttled.Exchange);
                continue;
            }
            var waited = next.Arrived - throttled.Answered;
            var words = $"after a 429 with Retry-After: {seconds} (request {throttled.Number}), request {next.Number} came {Seconds(waited)} later";
            yield return waited + Slack >= TimeSpan.FromSeconds(seconds)
                ? Satisfied(throttled.Operation, $"The client waited: {words}.", next.Exchange)
                : Violated(throttled.Operation, $"The client did not wait as Retry-After said: {words}",
                    [$"request {throttled.Number}: {throttled.Exchange.Method} answered 429, Retry-After: {seconds}", $"request {next.Number}: {next.Exchange.Method} {Seconds(waited)} later"],
                    next.Exchange);
        }
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s";
}
