using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// Executes a plan against a base URL through the probe: the ordinary reads of each operation (<see cref="OrdinaryReads"/>: lists sampled,
/// ids chained from lists to /{id} endpoints), then the requests
/// each check declares for it (<see cref="CheckProbes"/>), then every check's judgement (<see cref="Judging"/>). It knows
/// no check by name. A target that does not answer at all stops the run early; the result is still complete enough to report.
/// </summary>
/// <param name="documents">Where documents the run reads besides the spec (the supplier's own OpenAPI document) may be read from.</param>
public sealed class Runner(Probe probe, RunOptions options, FetchPolicy? documents = null)
{
    /// <summary>The seed of this run's random page sample: given, or chosen once per run and reported.</summary>
    public int Seed { get; } = options.Seed ?? Random.Shared.Next(1, 1_000_000);

    public async Task<RunResult> RunAsync(Spec spec, Profile profile, Uri baseUrl, IProgress<RunProgress>? progress = null, CancellationToken stop = default)
    {
        using var stopping = new RunStop(stop, options.Deadline);
        var started = DateTimeOffset.UtcNow;
        var plan = Planner.Plan(spec, profile, GivenValues.From(options, probe.HeaderNames), options.Features, options.AllowWrites);
        var checks = options.Checks.Where(c => profile.ClauseFor(c.Id) is not null).ToList();
        var seen = new RunSoFar();
        var urls = new ProbeContext
        {
            Target = baseUrl, Spec = spec, Profile = profile, QueryValues = options.QueryValues, PathValues = options.PathValues,
            Listed = seen.Listed, Known = seen.Known, Runs = seen.Runs, WritesAllowed = options.AllowWrites,
        };
        // Judged on arrival with what is known of the secrets once the first request has been made.
        CheckContext OnArrival() => new(spec, profile, Secrets(baseUrl));
        var reads = new OrdinaryReads(options, seen, urls,
            new ListHarvest(new PageSampling(options, Seed), seen, checks.OfType<PageCheck>().ToList(), OnArrival));
        var probes = new CheckProbes(urls, options.OptIns, seen.Notes);
        Sending Sending(int index, int count, string operation) =>
            new(probe, purpose => progress?.Report(new RunProgress(index + 1, count, operation, purpose)), stopping.Token);

        string? aborted = null;
        for (var i = 0; i < plan.Count; i++)
        {
            var testCase = plan[i];
            if (aborted is not null)
            {
                seen.Runs.Add(NotTested(testCase, $"Not tested: {aborted}"));
                continue;
            }
            try
            {
                var sending = Sending(i, plan.Count, testCase.Operation.Id);
                var run = await reads.ReadAsync(testCase, new OperationRequests(sending, spec, testCase.Operation, testCase.Format, testCase.Values.Headers));
                run = await probes.SendAsync(run, checks.Where(c => c.ProbesWhen == ProbeStage.AfterOperation), sending);
                seen.Runs.Add(run);
                aborted = seen.Runs.SelectMany(r => r.Exchanges).All(e => !e.Answered) && run.Requests.Count > 0
                    ? RunStop.Unreachable(baseUrl, run.Requests[0].Exchange)
                    : RunStop.ReasonIn(run.Exchanges);
            }
            catch (OperationCanceledException)
            {
                aborted = stopping.Why();
                seen.Runs.Add(NotTested(testCase, $"Not tested: {aborted}"));
            }
            catch (Exception e) // whatever a server sends, one operation the harness cannot handle is never the end of the run
            {
                seen.Runs.Add(NotTested(testCase, $"The harness could not test this operation ({e.GetType().Name}: {e.Message})."));
            }
        }

        // Requests built from what every operation returned (filters take their values from records fetched whole).
        var late = checks.Where(c => c.ProbesWhen == ProbeStage.AfterAllOperations).ToList();
        for (var i = 0; i < seen.Runs.Count && aborted is null && late.Count > 0; i++)
        {
            try
            {
                seen.Runs[i] = await probes.SendAsync(seen.Runs[i], late, Sending(i, seen.Runs.Count, seen.Runs[i].Operation.Id));
                aborted = RunStop.ReasonIn(seen.Runs[i].Requests.Where(r => !r.IsOrdinary).Select(r => r.Exchange));
            }
            catch (OperationCanceledException)
            {
                aborted = stopping.Why();
            }
        }

        var context = new CheckContext(spec, profile, Secrets(baseUrl))
        {
            Runs = seen.Runs, Target = baseUrl, SupplierDocument = options.SupplierDocument, DocumentFetch = documents ?? new FetchPolicy(),
        };
        var results = Verdict.Settle(Judging.ResultsOf(seen.Runs, checks, context, seen.Streams), checks, aborted);
        var result = new RunResult
        {
            StandardId = profile.Id,
            StandardName = $"{profile.Name} {profile.Version}",
            Target = baseUrl.ToString(),
            SpecLocation = spec.Location.ToString(),
            SpecDigest = spec.Digest,
            SpecVersion = spec.OpenApiVersion,
            StartedAt = started,
            FinishedAt = DateTimeOffset.UtcNow,
            Results = results,
            Coverage = Coverage.Of(seen.Runs, results, context, checks),
            Diagnostics = spec.Diagnostics,
            ManualClauses = profile.ClausesOf(Side.Server).Where(c => c.IsManual).ToList(),
            Clauses = profile.Clauses,
            RequestsSent = probe.RequestsSent,
            Exchanges = Judging.AsReported(seen.Runs, results),
            Owners = Judging.OwnersOf(seen.Runs),
            Waited = probe.Waited,
            Seed = Seed,
            Secrets = Secrets(baseUrl), // again: tokens issued since are secrets too
            Aborted = aborted,
        };
        result.Notes.AddRange(seen.Notes);
        return result;
    }

    internal static OperationRun NotTested(TestCase testCase, string reason) =>
        new(testCase.Operation, testCase.Tier, testCase.Role, [], reason, testCase.Format);

    /// <summary>What must never be shown: the probe's secrets as known now (OAuth2 tokens join as issued), and values in the target's query.</summary>
    private List<string> Secrets(Uri baseUrl) => probe.Secrets.Concat(TargetUrls.QueryValues(baseUrl)).ToList();
}
