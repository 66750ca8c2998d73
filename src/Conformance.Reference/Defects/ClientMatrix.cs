using Conformance.Door;
using Conformance.Reference.StandIns;
using Conformance.Running;
using Conformance.Standards;

namespace Conformance.Reference.Defects;

/// <summary>
/// Runs every client of the catalogue against its standard's stand-in and says whether each was judged as it must be:
/// a conforming client passes cleanly; a defective one is caught by its check with the outcome declared, blamed on no
/// other check, and reaches the verdict declared (a client that never completes: inconclusive).
/// </summary>
public static class ClientMatrix
{
    public static async Task<IReadOnlyList<ClientMatrixRow>> RunAsync(StandardCatalogue catalogue, IProgress<string>? progress = null,
        CancellationToken cancel = default, IReadOnlyCollection<string>? standards = null)
    {
        var rows = new List<ClientMatrixRow>();
        foreach (var client in ClientDefects.All.Where(d => standards is null || standards.Contains(d.Standard)))
        {
            progress?.Report($"{client.Standard}: client {client.Name}");
            rows.Add(await RunOneAsync(catalogue, client, cancel));
        }
        return rows;
    }

    public static async Task<ClientMatrixRow> RunOneAsync(StandardCatalogue catalogue, ClientDefect client, CancellationToken cancel = default)
    {
        var door = new StandInDoor { Catalogue = catalogue, Hosting = new StandIns.StandIns(catalogue) };
        using var standIn = door.Open(new StandInOverrides { Standard = client.Standard, Scenario = client.Scenario });
        await client.Client(new StandInAddress(standIn.Url, standIn.Credentials, standIn.Values), cancel);
        var result = standIn.Judge();
        var outcomes = result.Results.GroupBy(r => r.Check).ToDictionary(g => g.Key, g => g.Select(r => r.Outcome).MaxBy(Severity));
        return new ClientMatrixRow(client, result.Verdict, outcomes, Judge(client, result));
    }

    private static List<string> Judge(ClientDefect client, RunResult result)
    {
        var problems = new List<string>();
        var bad = result.Results.Where(r => r.Outcome is Outcome.Fail or Outcome.Warning or Outcome.Error).ToList();
        if (!client.MustPass && !result.Results.Any(r => r.Check == client.Check && r.Outcome == client.Expected))
        {
            var found = result.Results.Where(r => r.Check == client.Check).Select(r => r.Outcome).DefaultIfEmpty().MaxBy(Severity);
            problems.Add($"missed: {client.Check} gave {(result.Results.Any(r => r.Check == client.Check) ? found.ToString().ToLowerInvariant() : "no finding")}, not {client.Expected.ToString().ToLowerInvariant()}");
        }
        problems.AddRange(bad.Where(r => r.Check != client.Check && !client.AlsoCaughtBy.ContainsKey(r.Check))
            .Select(r => $"false blame: {r.Check} on {r.Operation}: {r.Message}"));
        if (result.Verdict != client.Verdict) problems.Add($"verdict {result.Verdict}, not {client.Verdict}");
        return problems;
    }

    /// <summary>Worst first, as the server matrix counts them, with a step not done (skipped) above a pass.</summary>
    public static int Severity(Outcome outcome) => outcome switch
    {
        Outcome.Fail => 5,
        Outcome.Warning => 4,
        Outcome.Error => 3,
        Outcome.Skipped => 2,
        _ => 1,
    };
}

/// <summary>One client run of the matrix: the client, its verdict, the worst outcome of every check, and what went wrong with the judgement.</summary>
public sealed record ClientMatrixRow(ClientDefect Client, string Verdict, IReadOnlyDictionary<string, Outcome> Outcomes, IReadOnlyList<string> Problems)
{
    public bool Holds => Problems.Count == 0;
}
