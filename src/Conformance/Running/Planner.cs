using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// Turns a spec's operations and a profile into test cases. Never touches the network: lists come before
/// the /{id} endpoints that take their ids, and anything that cannot be called says why.
/// </summary>
public static class Planner
{
    public static IReadOnlyList<TestCase> Plan(Spec spec, Profile profile, IReadOnlyDictionary<string, string>? pathValues = null,
        IReadOnlyDictionary<string, string>? queryValues = null, IReadOnlyDictionary<string, Vendors.FeatureState>? features = null, bool allowWrites = false) =>
        Plan(spec, profile, new GivenValues { Path = pathValues ?? new Dictionary<string, string>(), Query = queryValues ?? new Dictionary<string, string>() },
            features, allowWrites);

    /// <param name="given">The values the user gave, by place and per operation; the document's own fill what must be filled.</param>
    public static IReadOnlyList<TestCase> Plan(Spec spec, Profile profile, GivenValues given,
        IReadOnlyDictionary<string, Vendors.FeatureState>? features = null, bool allowWrites = false)
    {
        features ??= new Dictionary<string, Vendors.FeatureState>();
        var operations = spec.Operations.SelectMany(o => InEachFormat(o, profile.Formats)).ToList();
        var lists = operations
            .Where(o => o.Operation.Method == "GET" && !o.Operation.HasPathParameters && IsPaginated(o.Operation, profile) && !DotSegments.In(o.Operation.Path))
            .Select(o => o.Operation.Path)
            .ToHashSet();
        // Any read without parameters can supply ids to the /{id} operation beneath it.
        var idSources = operations
            .Where(o => o.Operation.Method == "GET" && !o.Operation.HasPathParameters && o.Operation.PathTemplate != profile.Discovery?.Path && !DotSegments.In(o.Operation.Path))
            .Select(o => o.Operation.Path)
            .ToHashSet();
        var cases = operations.Select(o => DotSegments.In(o.Operation.PathTemplate) ? NeverRequested(o.Operation, o.Format, profile)
            : o.Operation.Method == "GET"
            ? Declared(Decide(o.Operation, o.Format, profile, lists, idSources, given), (features.TryGetValue(o.Operation.PathTemplate, out var state) ? state : null))
            : Write(o.Operation, o.Format, profile, allowWrites)).ToList();
        return cases.OrderBy(c => c.Role switch
        {
            OperationRole.Discovery => 0,
            OperationRole.List => 1,
            OperationRole.Other => 2,
            OperationRole.Item => 3,
            _ => 4, // writes last: they take values from the lists
        }).ThenBy(c => c.Tier).ThenBy(c => c.Format is null ? 0 : profile.Formats!.Values.ToList().IndexOf(c.Format))
          .ThenBy(c => c.Operation.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A spec path with a dot segment ("/../x", "/%2e%2e/x", "/a/../../x") is never requested: it could address a path
    /// outside the base URL's, with the run's credentials. The spec's diagnostics say so too.
    /// </summary>
    private static TestCase NeverRequested(SpecOperation operation, ResponseFormat? format, Profile profile) =>
        new(operation, format?.Tier == Tier.Optional ? Tier.Optional : profile.TierOf(operation.PathTemplate), OperationRole.Other,
            SkipReason: $"Never requested: the spec's path {operation.PathTemplate} has a dot segment ('.' or '..', plain or as %2E), so a request to it could leave the base URL's path.",
            Format: format);

    /// <summary>
    /// A write is made only when the profile says how, the vendor allowed writes on a test environment, and in
    /// the one format every server offers (one request created, not one per format); otherwise it says why not.
    /// </summary>
    private static TestCase Write(SpecOperation operation, ResponseFormat? format, Profile profile, bool allowWrites)
    {
        var tier = format?.Tier == Tier.Optional ? Tier.Optional : profile.TierOf(operation.PathTemplate);
        var recipe = profile.Writes.FirstOrDefault(w => w.Endpoint == operation.PathTemplate && w.Method == operation.Method);
        string? reason = recipe is null ? $"{operation.Method} is a write, and the profile has no recipe for it: it is never sent."
            : !allowWrites ? $"{operation.Method} is a write: it is sent only with --allow-writes to a vendor profile whose environment is test."
            : format is not null && format != profile.Formats?.Required ? $"One write is enough: it is made in .{profile.Formats?.Required?.Extension} only."
            : null;
        return new TestCase(operation, tier, reason is null ? OperationRole.Write : OperationRole.Other, SkipReason: reason, Format: format);
    }

    /// <summary>
    /// What the vendor declared of an optional endpoint: implemented, it is held to the bar of a required one;
    /// not implemented, it is still asked once, and must refuse properly. Writes stay unsent either way.
    /// </summary>
    private static TestCase Declared(TestCase testCase, Vendors.FeatureState? feature) => feature switch
    {
        Vendors.FeatureState.Implemented => testCase with { Tier = Tier.Required },
        Vendors.FeatureState.NotImplemented => testCase with { Tier = Tier.Required, Role = OperationRole.Other, IdSource = null, SkipReason = null, DeclaredAbsent = true },
        _ => testCase,
    };

    /// <summary>
    /// An operation whose path carries the format parameter (/services.{response_format}) becomes one operation
    /// per format (/services.xml, /services.json); any other operation stays as it is.
    /// </summary>
    public static IEnumerable<(SpecOperation Operation, ResponseFormat? Format)> InEachFormat(SpecOperation operation, ResponseFormats? formats)
    {
        var placeholder = formats is null ? null : "{" + formats.Parameter + "}";
        if (placeholder is null || !operation.Path.Contains(placeholder))
        {
            yield return (operation, null);
            yield break;
        }
        foreach (var format in formats!.Values)
            yield return (operation with
            {
                Path = operation.Path.Replace(placeholder, format.Extension),
                Parameters = operation.Parameters.Where(p => !(p.In == "path" && p.Name == formats.Parameter)).ToList(),
                Template = operation.Path,
            }, format);
    }

    private static TestCase Decide(SpecOperation operation, ResponseFormat? format, Profile profile, HashSet<string> lists,
        HashSet<string> idSources, GivenValues given)
    {
        var (values, unknown) = given.Settle(operation, profile.Pagination);
        return DecideRole(operation, format?.Tier == Tier.Optional ? Tier.Optional : profile.TierOf(operation.PathTemplate), // an optional format makes its endpoints optional
            profile, lists, idSources, values, unknown) with { Format = format, Values = values };
    }

    private static TestCase DecideRole(SpecOperation operation, Tier tier, Profile profile, HashSet<string> lists, HashSet<string> idSources,
        RequestValues values, List<SpecParameter> unknown)
    {
        if (unknown.Count > 0)
            return new TestCase(operation, tier, OperationRole.Other,
                SkipReason: $"{operation.Id} requires {string.Join(", ", unknown.Select(p => $"{p.Name} ({p.In})"))}, and no value is known "
                            + $"(give {(unknown.Any(p => p.In == "header") ? "a header with --header, or values" : "values")} under operation_parameters"
                            + $"{(unknown.Any(p => p.In == "header") ? ", header_parameters" : "")} or query_parameters in a vendor profile).");
        if (profile.Discovery is { } discovery && operation.PathTemplate == discovery.Path)
            return new TestCase(operation, tier, OperationRole.Discovery);
        if (lists.Contains(operation.Path))
            return new TestCase(operation, tier, OperationRole.List);
        if (!operation.HasPathParameters)
            return new TestCase(operation, tier, OperationRole.Other);
        // Ids from the list above come first: they prove lookups; fixed values only fill what no list supplies.
        var parent = TargetUrls.ParentList(operation.Path);
        if (parent is not null && idSources.Contains(parent))
            return new TestCase(operation, tier, OperationRole.Item, IdSource: parent);
        if (TargetUrls.ParameterNames(operation.Path).All(values.Path.ContainsKey))
            return new TestCase(operation, tier, OperationRole.Other);
        return new TestCase(operation, tier, OperationRole.Item,
            SkipReason: $"No value is known for the path parameters of {operation.Path} (give them as path_parameters, or for this operation under operation_parameters, in a vendor profile).");
    }

    private static bool IsPaginated(SpecOperation operation, Profile profile) =>
        profile.Pagination is { } p && operation.Parameters.Any(x => x.In == "query" && x.Name == p.PageParameter);
}
