using System.Text.RegularExpressions;
using Conformance.Specs;

namespace Conformance.Standards;

/// <summary>
/// Reads a standard's scenarios (standards/ID/scenarios/NAME.yaml, snake_case keys) and holds them to the profile they
/// sit beside: each step's requests are operations of the spec, the steps it names come before it, the clauses it proves
/// are the client's, and each manner probes a step of the scenario.
/// </summary>
public static partial class ScenarioLoader
{
    public const string Folder = "scenarios";

    /// <summary>The scenarios installed beside a profile, by name.</summary>
    public static IReadOnlyList<string> Names(Profile profile)
    {
        var folder = Path.Combine(profile.Directory, Folder);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>
    /// The scenario of that name (none named: the profile's own choice, or its only one), checked against the profile;
    /// one that does not exist is refused naming those that do.
    /// </summary>
    public static Scenario Load(Profile profile, string? name)
    {
        var names = Names(profile);
        if (names.Count == 0) throw new ProfileException($"{profile.Name} {profile.Version} ({profile.Id}) has no client scenarios: no stand-in can judge a client of it.");
        name ??= profile.Client.Scenario ?? (names.Count == 1 ? names[0]
            : throw new ProfileException($"Name a scenario of {profile.Id} with --scenario: {string.Join(", ", names)}."));
        if (!SafeName().IsMatch(name) || !names.Contains(name))
            throw new ProfileException($"{profile.Id} has no scenario '{name}' (it has: {string.Join(", ", names)}).");
        return Read(Path.Combine(profile.Directory, Folder, name + ".yaml"), profile);
    }

    /// <summary>A scenario file, checked against itself and the profile's clauses.</summary>
    public static Scenario Read(string file, Profile profile)
    {
        static Exception Fail(string message, Exception? inner) => new ProfileException(message, inner);
        var node = YamlDocuments.ReadMapping(file, "id, title, role, asks, steps...", Fail);
        node["source"] = file;
        var scenario = YamlDocuments.Deserialize<Scenario>(file, node, Fail);
        try
        {
            Validate(file, scenario, profile);
        }
        catch (Exception e) when (e is not ProfileException)
        {
            throw new ProfileException($"{file}: {e.Message}", e);
        }
        return scenario;
    }

    private static void Validate(string file, Scenario scenario, Profile profile)
    {
        if (scenario.Id != Path.GetFileNameWithoutExtension(file))
            throw new ProfileException($"{At(file, ["id"])}: the scenario's id '{scenario.Id}' must be its file's name.");
        if (scenario.Steps is not { Count: > 0 }) throw new ProfileException($"{file}: 'steps' must list at least one step.");
        if (scenario.TimeLimitSeconds is < 1 or > 86_400)
            throw new ProfileException($"{At(file, ["time_limit_seconds"])}: time_limit_seconds must be from 1 to 86400.");
        var clientClauses = profile.ClausesOf(Side.Client).Select(c => c.Id).ToHashSet();
        var seen = new HashSet<string>();
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            if (!seen.Add(step.Id)) throw new ProfileException($"{At(file, ["steps", i])}: step id '{step.Id}' is used more than once.");
            if (step.Requests is not { Count: > 0 }) throw new ProfileException($"{At(file, ["steps", i])}: step '{step.Id}' names no requests.");
            for (var j = 0; j < step.Requests.Count; j++)
                if (OperationOf(step.Requests[j]) is null)
                    throw new ProfileException($"{At(file, ["steps", i, "requests", j])}: '{step.Requests[j]}' is not METHOD /path.");
            foreach (var earlier in step.After.Append(step.Names).OfType<string>())
                if (!seen.Contains(earlier) || earlier == step.Id)
                    throw new ProfileException($"{At(file, ["steps", i])}: step '{step.Id}' names '{earlier}', which is no earlier step.");
            if (step.Names is { } named && scenario.Step(named)!.Creates.Count == 0)
                throw new ProfileException($"{At(file, ["steps", i, "names"])}: step '{named}' creates nothing for '{step.Id}' to name (give it creates:).");
            for (var j = 0; j < step.Proves.Count; j++)
                if (!clientClauses.Contains(step.Proves[j]))
                    throw new ProfileException($"{At(file, ["steps", i, "proves", j])}: '{step.Proves[j]}' is no client clause of {profile.Id}.");
        }
        for (var i = 0; i < scenario.Manners.Count; i++)
        {
            var manner = scenario.Manners[i];
            if (scenario.Step(manner.Step) is null)
                throw new ProfileException($"{At(file, ["manners", i, "step"])}: manner {manner.Kind} names step '{manner.Step}', which the scenario does not have.");
            if (manner.Seconds is < 1 or > 600) throw new ProfileException($"{At(file, ["manners", i, "seconds"])}: seconds must be from 1 to 600.");
            if (manner.MostRetries is < 0 or > 100) throw new ProfileException($"{At(file, ["manners", i, "most_retries"])}: most_retries must be from 0 to 100.");
            if (manner.PageSize is < 1 or > 1000) throw new ProfileException($"{At(file, ["manners", i, "page_size"])}: page_size must be from 1 to 1000.");
        }
        if (scenario.Manners.GroupBy(m => m.Step).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ProfileException($"{file}: step '{twice.Key}' is probed by more than one manner; probe each on a step of its own.");
    }

    /// <summary>Every request a scenario names is an operation of the spec it is played with.</summary>
    public static void ValidateAgainst(Scenario scenario, Spec spec)
    {
        for (var i = 0; i < scenario.Steps.Count; i++)
            for (var j = 0; j < scenario.Steps[i].Requests.Count; j++)
                if (OperationOf(scenario.Steps[i].Requests[j]) is not var (method, path) || spec.Find(method, path) is null)
                    throw new ProfileException($"{At(scenario.Source, ["steps", i, "requests", j])}: '{scenario.Steps[i].Requests[j]}' is not an operation of '{spec.Location}'.");
    }

    /// <summary>"POST /requests.{response_format}" as method and path; null when it is not so written.</summary>
    public static (string Method, string Path)? OperationOf(string request) =>
        Operation().Match(request) is { Success: true } m ? (m.Groups["method"].Value, m.Groups["path"].Value) : null;

    private static string At(string file, IEnumerable<object> path) =>
        YamlLocator.LineOf(file, path) is { } line ? $"{file}, line {line}" : file;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^(?<method>GET|HEAD|POST|PUT|PATCH|DELETE) (?<path>/[^ ]*)$")]
    private static partial Regex Operation();
}
