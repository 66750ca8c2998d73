using Conformance.Specs;

namespace Conformance.Standards;

/// <summary>Reads profile.yaml (snake_case keys) and checks it against itself and the known checks.</summary>
public static class ProfileLoader
{
    public static Profile Load(string file, IReadOnlyCollection<string> knownChecks)
    {
        static Exception Fail(string message, Exception? inner) => new ProfileException(message, inner);
        var node = YamlDocuments.ReadMapping(file, "id, name, version, spec, endpoints, clauses...", Fail);
        node["directory"] = Path.GetDirectoryName(Path.GetFullPath(file))!;
        node["digest"] = Digest(file);
        var profile = YamlDocuments.Deserialize<Profile>(file, node, Fail);
        try
        {
            Validate(file, profile, knownChecks);
        }
        catch (Exception e) when (e is not ProfileException) // e.g. a list left empty: still the profile's problem
        {
            throw new ProfileException($"{file}: {e.Message}", e);
        }
        return profile;
    }

    /// <summary>SHA-256 of the file's bytes, so a certificate names the exact rules a run was judged by.</summary>
    private static string Digest(string file)
    {
        try
        {
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProfileException($"{file}: {e.Message}", e);
        }
    }

    private static void Validate(string file, Profile profile, IReadOnlyCollection<string> knownChecks)
    {
        if (profile.Clauses is null || profile.Endpoints is null)
            throw new ProfileException($"{file}: 'clauses' and 'endpoints' must not be empty.");
        var clauses = profile.Clauses.ToList();
        for (var i = 0; i < clauses.Count; i++)
        {
            if (clauses.FindIndex(c => c.Id == clauses[i].Id) != i)
                throw new ProfileException($"{At(file, ["clauses", i])}: clause id '{clauses[i].Id}' is used more than once.");
            var checks = clauses[i].Checks.ToList();
            for (var j = 0; j < checks.Count; j++)
                if (!knownChecks.Contains(checks[j]))
                    throw new ProfileException($"{At(file, ["clauses", i, "checks", j])}: clause '{clauses[i].Id}' names unknown check '{checks[j]}' (known: {string.Join(", ", knownChecks.Order())}).");
        }
        var cited = profile.Clauses.SelectMany(c => c.Checks).GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (cited.Count > 0)
            throw new ProfileException($"{file}: check '{cited[0]}' is named by more than one clause; each check cites one clause.");
        for (var i = 0; i < profile.Filters.Count; i++)
            if (profile.Filters[i] is { Match: not null } f && f.Field is not { Count: > 0 })
                throw new ProfileException($"{At(file, ["filters", i])}: filter '{f.Parameter}' has a match, so it needs a field to judge it by.");
        var twice = profile.UniqueIds.SelectMany(u => u.Endpoints).GroupBy(e => e).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new ProfileException($"{file}: unique_ids names {twice.Key} more than once; a list has one id field.");
        if (profile.Pagination is { Contents.Count: 0 })
            throw new ProfileException($"{At(file, ["pagination", "contents"])}: pagination.contents names no field for a page's records.");
        if (!File.Exists(profile.TranscriptionPath))
            throw new ProfileException($"{file}: the transcription '{profile.Spec.Transcription}' does not exist.");
    }

    /// <summary>Every endpoint the profile names must be in the spec it is used with.</summary>
    public static void ValidateAgainst(Profile profile, Spec spec)
    {
        var paths = spec.Operations.Select(o => o.Path).ToHashSet();
        foreach (var (tier, list) in new[] { ("required", profile.Endpoints.Required), ("optional", profile.Endpoints.Optional) })
            for (var i = 0; i < list.Count; i++)
                if (!paths.Contains(list[i]))
                    throw new ProfileException(
                        $"{At(Path.Combine(profile.Directory, "profile.yaml"), ["endpoints", tier, i])}: endpoint {list[i]} is not a path of the spec '{spec.Location}'.");
        var file = Path.Combine(profile.Directory, "profile.yaml");
        var named = new List<(string Path, object[] At)>();
        if (profile.Jurisdiction is { } j) named.Add((j.Endpoint, ["jurisdiction", "endpoint"]));
        named.AddRange(profile.Lookups.Select((l, i) => (l.Endpoint, new object[] { "lookups", i, "endpoint" })));
        named.AddRange(profile.Feeds.Select((f, i) => (f, new object[] { "feeds", i })));
        named.AddRange(profile.Writes.Select((w, i) => (w.Endpoint, new object[] { "writes", i, "endpoint" })));
        named.AddRange(profile.Writes.Where(w => w.FormFromRecord is not null).Select((w, i) => (w.FormFromRecord!.List, new object[] { "writes", i, "form_from_record", "list" })));
        named.AddRange(profile.RequiredFields.SelectMany((r, i) => r.Endpoints.Select((e, j) => (e, new object[] { "required_fields", i, "endpoints", j }))));
        named.AddRange(profile.UniqueIds.SelectMany((u, i) => u.Endpoints.Select((e, j) => (e, new object[] { "unique_ids", i, "endpoints", j }))));
        if (profile.Geography is { } g)
        {
            named.Add((g.Places, ["geography", "places"]));
            named.AddRange(g.Lists.Select((l, i) => (l.Endpoint, new object[] { "geography", "lists", i, "endpoint" })));
        }
        named.AddRange(profile.Filters.Select((f, i) => (f.Through?.List, new object[] { "filters", i, "through", "list" }))
            .Where(x => x.List is not null).Select(x => (x.List!, x.Item2)));
        named.AddRange((profile.TimeWindows?.Lists ?? []).Select((l, i) => (l.Endpoint, new object[] { "time_windows", "lists", i, "endpoint" })));
        named.AddRange((profile.ChangesSince?.Endpoints ?? []).Select((e, i) => (e, new object[] { "changes_since", "endpoints", i })));
        named.AddRange((profile.References?.Links ?? []).SelectMany((l, i) =>
            new[] { (l.From, new object[] { "references", "links", i, "from" }), (l.To, new object[] { "references", "links", i, "to" }) }));
        named.AddRange((profile.Versions?.Endpoints ?? []).Select((e, i) => (e, new object[] { "versions", "endpoints", i })));
        named.AddRange((profile.Expand?.Endpoints.Keys ?? []).Select(e => (e, new object[] { "expand", "endpoints", e })));
        foreach (var (path, at) in named)
            if (!paths.Contains(path))
                throw new ProfileException($"{At(file, at)}: endpoint {path} is not a path of the spec '{spec.Location}'.");
        if (profile.Formats is { Values.Count: 0 })
            throw new ProfileException($"{At(file, ["formats"])}: formats lists no values.");
        ValidateClientRules(profile, spec, file);
    }

    /// <summary>The client rules name operations of the spec, and parameters they declare.</summary>
    private static void ValidateClientRules(Profile profile, Spec spec, string file)
    {
        var rules = profile.Client;
        SpecOperation Operation(string request, object[] at) =>
            ScenarioLoader.OperationOf(request) is var (method, path) && spec.Find(method, path) is { } found ? found
                : throw new ProfileException($"{At(file, at)}: '{request}' is not an operation of the spec '{spec.Location}'.");
        for (var i = 0; i < rules.FormCarriesQuery.Count; i++) Operation(rules.FormCarriesQuery[i], ["client", "form_carries_query", i]);
        for (var i = 0; i < rules.AtLeastOneOf.Count; i++)
        {
            var operation = Operation(rules.AtLeastOneOf[i].Operation, ["client", "at_least_one_of", i, "operation"]);
            foreach (var name in rules.AtLeastOneOf[i].Groups.SelectMany(g => g))
                if (operation.Parameters.All(p => p.Name != name))
                    throw new ProfileException($"{At(file, ["client", "at_least_one_of", i])}: '{name}' is not a parameter of {operation.Id}.");
        }
        for (var i = 0; i < rules.References.Count; i++)
        {
            var reference = rules.References[i];
            if ((reference.List is null) == (reference.Lookup is null) || (reference.List is null) != (reference.Field is null))
                throw new ProfileException($"{At(file, ["client", "references", i])}: a reference gives either list and field, or lookup.");
            for (var j = 0; j < reference.Operations.Count; j++)
                if (Operation(reference.Operations[j], ["client", "references", i, "operations", j]).Parameters.All(p => p.Name != reference.Parameter))
                    throw new ProfileException($"{At(file, ["client", "references", i, "operations", j])}: {reference.Operations[j]} has no parameter '{reference.Parameter}'.");
        }
    }

    /// <summary>Every filter names a query parameter the spec documents on each endpoint it lists.</summary>
    public static void ValidateFilters(Profile profile, Spec spec)
    {
        var file = Path.Combine(profile.Directory, "profile.yaml");
        for (var i = 0; i < profile.Filters.Count; i++)
        {
            var filter = profile.Filters[i];
            foreach (var path in filter.Endpoints)
                if (spec.Find("GET", path) is not { } operation || !operation.Parameters.Any(p => p.In == "query" && p.Name == filter.Parameter))
                    throw new ProfileException($"{At(file, ["filters", i])}: filter '{filter.Parameter}' is not a query parameter of GET {path} in '{spec.Location}'.");
        }
    }

    /// <summary>"file, line N" where the path can be found in the file, else the file alone.</summary>
    private static string At(string file, IEnumerable<object> path) =>
        YamlLocator.LineOf(file, path) is { } line ? $"{file}, line {line}" : file;
}
