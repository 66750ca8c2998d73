using Conformance.Checks;
using Conformance.Standards;

namespace Conformance.Clients.Checks;

/// <summary>
/// The client carried its scenario through: each step done by a request the reference answered with success, after the
/// steps it comes after, naming what an earlier step created where it must. A step not done is not a failure (the client
/// may be slow, or stopped): it is skipped with what the stand-in saw instead, and the run's coverage makes it inconclusive.
/// </summary>
public sealed class ScenarioCompleteCheck : ClientCheck
{
    public const string CheckId = "scenario-complete";
    public override string Id => CheckId;
    public override string Title => "The client carries the scenario through";

    /// <summary>The operation a step's result is reported under.</summary>
    public static string OperationOf(ScenarioStep step) => $"step {step.Id}";

    public override IEnumerable<Finding> Evaluate(IReadOnlyList<ClientExchange> exchanges, ClientContext context)
    {
        foreach (var step in context.Scenario.Steps)
        {
            if (context.Progress.Done.TryGetValue(step.Id, out var number))
            {
                var by = exchanges.First(e => e.Number == number);
                yield return Satisfied(OperationOf(step), $"Done: {step.Does}, by request {number} ({by.Operation}).", by.Exchange);
                continue;
            }
            var asked = exchanges.Where(e => step.Requests.Contains(e.Operation)).ToList();
            yield return Skipped(OperationOf(step), $"Not done: {step.Does}. {WhyNot(step, asked, context)}", asked.LastOrDefault()?.Exchange);
        }
    }

    /// <summary>What the stand-in saw of the step instead.</summary>
    public static string WhyNot(ScenarioStep step, IReadOnlyList<ClientExchange> asked, ClientContext context)
    {
        if (asked.Count == 0) return $"The client never asked for {string.Join(" or ", step.Requests)}.";
        var before = step.After.Where(a => !context.Progress.Done.ContainsKey(a)).ToList();
        if (before.Count > 0) return $"It must come after {string.Join(", ", before)}, which {(before.Count == 1 ? "was" : "were")} not done.";
        var succeeded = asked.Where(e => e.Succeeded).ToList();
        if (succeeded.Count > 0 && step.Names is { } named)
            return $"{Requests(succeeded.Count)} succeeded, but none named what step {named} created ({string.Join(", ", context.Progress.CreatedBy(named).Select(context.Quoted).DefaultIfEmpty("nothing"))}).";
        var statuses = string.Join(", ", asked.GroupBy(e => e.Status).Select(g => $"{g.Count()} answered {g.Key?.ToString() ?? "nothing"}"));
        return $"The client asked {asked.Count} time{(asked.Count == 1 ? "" : "s")}: {statuses}.";
    }
}
