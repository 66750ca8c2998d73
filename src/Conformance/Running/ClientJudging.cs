using Conformance.Checks;
using Conformance.Clients;
using Conformance.Clients.Checks;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// A stand-in session judged: every client check the profile's client clauses cite, over the requests recorded, as
/// results under those clauses (every request the client chose to send is held to its rules: the tier is required);
/// the scenario's steps as coverage (a step not done is a gap, so a run that did not complete is inconclusive, never a
/// pass); the exchanges as evidence. The same result as a server run's, for the same reporters and certificate.
/// </summary>
public static class ClientJudging
{
    public static RunResult Judge(StandInSession session, IReadOnlyList<ClientCheck>? checks = null, string? target = null)
    {
        var exchanges = session.Exchanges;
        var secrets = session.Secrets;
        var context = new ClientContext(session.Spec, session.Profile, session.Scenario, session.Progress, session.Reference, session.Settings, secrets);
        var results = new List<CheckResult>();
        foreach (var check in (checks ?? ClientCheckCatalogue.All).Where(c => session.Profile.ClauseFor(c.Id) is { Side: Side.Client }))
        {
            var clause = session.Profile.ClauseFor(check.Id)!;
            foreach (var finding in Evaluate(check, exchanges, context))
                results.Add(new CheckResult(check.Id, clause.Id, clause.Level, finding.Operation, Tier.Required,
                    Verdict.OutcomeOf(finding.Kind, clause.Level, Tier.Required), finding.Message, finding.Details, finding.Evidence));
        }
        var scenario = session.Scenario;
        var result = new RunResult
        {
            StandardId = session.Profile.Id,
            StandardName = $"{session.Profile.Name} {session.Profile.Version}",
            Target = target ?? $"a client of the stand-in, playing {scenario.Id}",
            SpecLocation = session.Spec.Location.ToString(),
            SpecDigest = session.Spec.Digest,
            SpecVersion = session.Spec.OpenApiVersion,
            StartedAt = session.StartedAt,
            FinishedAt = DateTimeOffset.UtcNow,
            Results = results,
            Diagnostics = session.Spec.Diagnostics,
            ManualClauses = session.Profile.ClausesOf(Side.Client).Where(c => c.IsManual).ToList(),
            Clauses = session.Profile.ClausesOf(Side.Client).ToList(),
            RequestsSent = exchanges.Count,
            Exchanges = exchanges.Select(e => e.Exchange).ToList(),
            Secrets = secrets,
            Coverage = Coverage(exchanges, context),
            Client = new ClientUnderTest(scenario.Role, scenario.Id, scenario.Title, scenario.Asks),
        };
        result.Notes.Add($"The stand-in played {scenario.Id} ({scenario.Title}) for a {scenario.Role}: {scenario.Asks}");
        if (scenario.Manners.Count > 0)
            result.Notes.Add($"Manners probed on purpose: {string.Join("; ", scenario.Manners.Select(m => $"{Word(m.Kind)} on step {m.Step}"))}.");
        result.Notes.AddRange(session.Notes);
        return result;
    }

    /// <summary>A check that throws has a bug or met something unforeseen: an error result, never a dead judgement.</summary>
    private static List<Finding> Evaluate(ClientCheck check, IReadOnlyList<ClientExchange> exchanges, ClientContext context)
    {
        try
        {
            return check.Evaluate(exchanges, context).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [new Finding(check.Id, ClientExchange.NoOperation, FindingKind.Error, $"The check could not judge the requests ({e.GetType().Name}: {e.Message}).", [], null)];
        }
    }

    /// <summary>Each step of the scenario as a required part of the run: done, or a gap saying what the stand-in saw and what stays unproven.</summary>
    private static List<OperationCoverage> Coverage(IReadOnlyList<ClientExchange> exchanges, ClientContext context) =>
        context.Scenario.Steps.Select(step =>
        {
            var asked = exchanges.Where(e => step.Requests.Contains(e.Operation)).ToList();
            var done = context.Progress.Done.ContainsKey(step.Id);
            var gap = done ? null
                : $"not done ({step.Does}): {ScenarioCompleteCheck.WhyNot(step, asked, context)}"
                  + (step.Proves.Count > 0 ? $" Unproven: {string.Join(", ", step.Proves)}." : "");
            return new OperationCoverage($"{ScenarioCompleteCheck.OperationOf(step)}: {string.Join(" or ", step.Requests)}", Tier.Required,
                asked.Count, asked.Count(e => e.Exchange.Answered), 0, 0, gap, Read: false);
        }).ToList();

    private static string Word(MannerKind kind) => kind switch
    {
        MannerKind.RetryAfter => "429 with Retry-After",
        MannerKind.ServerError => "503 for a while",
        MannerKind.Paging => "small pages",
        MannerKind.TokenExpiry => "an expired token",
        _ => "409 for a stale version",
    };
}
