using Conformance.Running;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Reference.Defects;

/// <summary>
/// Runs the harness against every reference implementation, plain and with each defect and trap of the
/// catalogue, and says whether each was judged as it must be: the reference and every trap pass cleanly;
/// every defect is caught by its intended check (fail or warning, as declared) and by no other check save
/// those it names as also catching it.
/// </summary>
public static class DefectMatrix
{
    /// <summary>Where a run takes its spec: null for our transcription, else a published document and its ref map.</summary>
    public delegate (string? Spec, RefMap Map) SpecChoice(string standard);

    public static async Task<IReadOnlyList<MatrixRow>> RunAsync(StandardCatalogue catalogue, SpecChoice? specFor = null,
        IProgress<string>? progress = null, CancellationToken cancel = default, IReadOnlyCollection<string>? standards = null)
    {
        specFor ??= _ => (null, new RefMap());
        var rows = new List<MatrixRow>();
        foreach (var standard in ReferenceImplementations.Standards.Where(s => standards is null || standards.Contains(s)))
            foreach (var defect in new Defect?[] { null }.Concat(DefectCatalogue.For(standard)))
            {
                progress?.Report($"{standard}: {defect?.Name ?? "reference"}");
                rows.Add(await RunOneAsync(catalogue, standard, defect, specFor(standard), cancel));
            }
        return rows;
    }

    public static async Task<MatrixRow> RunOneAsync(StandardCatalogue catalogue, string standard, Defect? defect, (string? Spec, RefMap Map) spec,
        CancellationToken cancel = default)
    {
        using var server = ReferenceImplementations.Start(catalogue, standard, defects: defect is null ? [] : [defect]);
        var request = new RunRequest
        {
            StandardId = standard, Target = new Uri(server.Url), SpecOverride = spec.Spec, SpecFetch = new FetchPolicy(spec.Map),
            Environment = Vendors.TargetEnvironment.Test, // a reference implementation: writes may go there
            Probe = new Http.ProbeSettings
            {
                Timeout = TimeSpan.FromSeconds(10),
                // A reference that wants credentials is reached with its own demo client.
                Credentials = server.Client is { } client
                    ? Vendors.Credentials.Resolve(client.Auth, client.Environment(_ => null), TimeSpan.FromSeconds(10)) : Http.ProbeCredentials.None,
            },
        };
        request = defect?.Prepare(request) ?? request;
        var result = await ConformanceRun.ExecuteAsync(request, catalogue, cancel: cancel);
        var outcomes = result.Results.GroupBy(r => r.Check).ToDictionary(g => g.Key, g => g.Select(r => r.Outcome).MaxBy(Severity));
        return new MatrixRow(standard, defect, result.Verdict, outcomes, Judge(defect, result));
    }

    private static List<string> Judge(Defect? defect, RunResult result)
    {
        var problems = new List<string>();
        var bad = result.Results.Where(r => r.Outcome is Outcome.Fail or Outcome.Warning or Outcome.Error).ToList();
        if (defect is null || defect.IsTrap)
        {
            problems.AddRange(bad.Select(r => $"false blame: {r.Check} on {r.Operation}: {r.Message}"));
            if (result.Verdict != Verdict.Pass) problems.Add($"verdict {result.Verdict}, not pass");
            return problems;
        }
        var caught = bad.Where(r => r.Check == defect.Check).ToList();
        if (!caught.Any(r => r.Outcome == defect.Expected))
            problems.Add($"missed: {defect.Check} gave {(caught.Count == 0 ? "no failure" : caught[0].Outcome.ToString().ToLowerInvariant())}, not {defect.Expected.ToString().ToLowerInvariant()}");
        problems.AddRange(bad.Where(r => r.Check != defect.Check && !defect.AlsoCaughtBy.ContainsKey(r.Check))
            .Select(r => $"false blame: {r.Check} on {r.Operation}: {r.Message}"));
        return problems;
    }

    /// <summary>Worst first: a failure outweighs a warning, which outweighs an error, a skip and a pass.</summary>
    public static int Severity(Outcome outcome) => outcome switch
    {
        Outcome.Fail => 4,
        Outcome.Warning => 3,
        Outcome.Error => 2,
        Outcome.Pass or Outcome.Info => 1,
        _ => 0,
    };
}
