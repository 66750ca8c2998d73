using System.Text.Json;
using System.Text.Json.Serialization;
using Conformance.Specs;

namespace Conformance.Standards;

/// <summary>Reads profile.yaml (snake_case keys) and checks it against itself and the known checks.</summary>
public static class ProfileLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static Profile Load(string file, IReadOnlyCollection<string> knownChecks)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
        Profile profile;
        try
        {
            if (YamlToJson.Convert(File.ReadAllText(file)) is not System.Text.Json.Nodes.JsonObject node)
                throw new ProfileException($"{file}: a profile is a mapping of keys (id, name, version, spec, endpoints, clauses...).");
            node["directory"] = directory;
            profile = node.Deserialize<Profile>(Options) ?? throw new ProfileException($"{file}: the profile is empty.");
            Validate(file, profile, knownChecks);
            return profile;
        }
        catch (ProfileException)
        {
            throw;
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ProfileException($"{file}, line {e.Start.Line}: {e.Message}", e);
        }
        catch (Exception e) // a profile can be wrong in many ways; each is the profile's problem, named with its file
        {
            throw new ProfileException($"{file}: {e.Message}", e);
        }
    }

    private static void Validate(string file, Profile profile, IReadOnlyCollection<string> knownChecks)
    {
        if (profile.Clauses is null || profile.Endpoints is null)
            throw new ProfileException($"{file}: 'clauses' and 'endpoints' must not be empty.");
        if (profile.Access is not ("open" or "secured"))
            throw new ProfileException($"{file}: access must be 'open' or 'secured', not '{profile.Access}'.");
        var duplicates = profile.Clauses.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            throw new ProfileException($"{file}: clause id '{duplicates[0]}' is used more than once.");
        foreach (var clause in profile.Clauses)
            foreach (var check in clause.Checks.Where(c => !knownChecks.Contains(c)))
                throw new ProfileException($"{file}: clause '{clause.Id}' names unknown check '{check}' (known: {string.Join(", ", knownChecks.Order())}).");
        var cited = profile.Clauses.SelectMany(c => c.Checks).GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (cited.Count > 0)
            throw new ProfileException($"{file}: check '{cited[0]}' is named by more than one clause; each check cites one clause.");
        if (!File.Exists(profile.TranscriptionPath))
            throw new ProfileException($"{file}: the transcription '{profile.Spec.Transcription}' does not exist.");
    }

    /// <summary>Every endpoint the profile names must be in the spec it is used with.</summary>
    public static void ValidateAgainst(Profile profile, Spec spec)
    {
        var paths = spec.Operations.Select(o => o.Path).ToHashSet();
        var missing = profile.Endpoints.Required.Concat(profile.Endpoints.Optional).Where(p => !paths.Contains(p)).ToList();
        if (missing.Count > 0)
            throw new ProfileException($"Profile '{profile.Id}' names endpoint(s) {string.Join(", ", missing)} that the spec '{spec.Location}' does not have.");
    }
}
