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
            var node = YamlToJson.Convert(File.ReadAllText(file)) ?? throw new ProfileException($"{file}: the profile is empty.");
            node["directory"] = directory;
            profile = node.Deserialize<Profile>(Options) ?? throw new ProfileException($"{file}: the profile is empty.");
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException or IOException or SpecLoadException)
        {
            throw new ProfileException($"{file}: {e.Message}", e);
        }
        Validate(file, profile, knownChecks);
        return profile;
    }

    private static void Validate(string file, Profile profile, IReadOnlyCollection<string> knownChecks)
    {
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
