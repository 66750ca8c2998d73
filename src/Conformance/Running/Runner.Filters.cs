using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>The filter probes: requests that show whether a list's filters filter (judged by filters-filter).</summary>
public sealed partial class Runner
{
    /// <summary>Filtered pages read while looking for the record a filter's value came from.</summary>
    private const int FilterPages = 5;

    /// <summary>
    /// For each list with filters the profile can judge: one request per filter, with a value taken from a record
    /// already fetched, and one with two filters at once. The requests belong to filters-filter alone.
    /// </summary>
    private async Task ProbeFiltersAsync(Spec spec, Profile profile, Uri baseUrl, List<OperationRun> runs,
        Dictionary<string, List<JsonObject>> harvested, Dictionary<string, List<JsonObject>> known, CancellationToken cancel)
    {
        foreach (var endpoint in profile.Filters.Where(f => f.Match is not null).SelectMany(f => f.Endpoints).Distinct())
        {
            var index = runs.FindIndex(r => r.Operation.Method == "GET" && r.Operation.PathTemplate == endpoint && !r.DeclaredAbsent
                                            && r.Format == profile.Formats?.Required && r.Primary is { IsSuccess: true });
            if (index < 0) continue; // the list itself failed: other checks say why
            var run = runs[index];
            var path = run.Operation.Path;
            var whole = known.GetValueOrDefault(path) ?? [];
            var pool = whole.Concat(harvested.GetValueOrDefault(path) ?? []).ToList();
            var item = runs.FirstOrDefault(r => r.Role == OperationRole.Item && Paths.ParentList(r.Operation.Path) == path);
            var idParameter = item is null ? "id" : Paths.ParameterNames(item.Operation.Path).Last();
            var xml = run.Format is { IsXml: true } ? new XmlShape(spec.Root, run.Operation) : null;
            var accept = run.Format?.MediaTypes[0] ?? "application/json";

            async Task<FilterProbe> Send(IReadOnlyList<FilterCondition> conditions, JsonObject? source)
            {
                var probeRun = new FilterProbe(conditions, source is null ? null : IdOf(source, idParameter), idParameter, [], whole, Excludes: source is null);
                var filters = string.Join("&", conditions.Select(c => $"{Uri.EscapeDataString(c.Filter.Parameter)}={Uri.EscapeDataString(c.Value)}"));
                var responses = new List<Exchange>();
                for (var page = run.FirstPage; page < run.FirstPage + FilterPages; page++)
                {
                    var paging = profile.Pagination is { } p ? $"{p.PageParameter}={page}" : "";
                    var response = await probe.GetAsync(run.Operation.Id, $"filter {probeRun.Describe()}" + (page > run.FirstPage ? $" (page {page})" : ""),
                        Url(baseUrl, path, query: Join(FixedQuery(), filters, paging)), anonymous: false, cancel, accept, xml, "filters-filter");
                    responses.Add(response);
                    // Stop once the source record is seen, or the results end; a value no record has needs one page.
                    if (source is null || !response.IsSuccess || profile.Pagination is null || IsLastPage(response, profile.Pagination)
                        || RecordsOn(response, profile.Pagination).Any(r => IdOf(r, idParameter) == probeRun.SourceId))
                        break;
                }
                return probeRun with { Responses = responses };
            }

            var probes = new List<FilterProbe>();
            var judged = profile.Filters.Where(f => f.Match is not null && f.Endpoints.Contains(endpoint)).ToList();
            foreach (var filter in judged)
            {
                var source = pool.Select(r => (Record: r, Value: FilterMatching.ValueFrom(r, filter))).FirstOrDefault(x => x.Value is not null);
                probes.Add(source.Value is null
                    ? new FilterProbe([new FilterCondition(filter, "")], null, idParameter, [], whole,
                        $"{filter.Parameter} could not be tested: no record fetched has a value for {filter.FieldName}")
                    : await Send([new FilterCondition(filter, source.Value)], source.Record));
                // A filter that is ignored returns its source record too: only a value no record has shows it excludes.
                // Asked of a list that has records, with a value the parameter allows (a listed one no record has).
                var allowed = run.Operation.Parameters.FirstOrDefault(p => p.In == "query" && p.Name == filter.Parameter)?.Enum;
                var seen = pool.SelectMany(r => filter.Field!.SelectMany(f => FilterMatching.Values(r, f))).Select(Specs.JsonText.Of).OfType<string>().ToHashSet();
                if (RecordsOn(run.Primary!, profile.Pagination).Count > 0 && FilterMatching.NoRecordHas(filter, source.Value, allowed, seen) is { } nothing)
                    probes.Add(await Send([new FilterCondition(filter, nothing)], null));
            }
            // Filters given together are cumulative: a record that has two values is asked for by both at once.
            var pair = pool.Select(r => (Record: r, Conditions: judged.Where(f => f.Match == FilterMatch.Same)
                    .Select(f => FilterMatching.ValueFrom(r, f) is { } v ? new FilterCondition(f, v) : null).OfType<FilterCondition>().Take(2).ToList()))
                .FirstOrDefault(x => x.Conditions.Count == 2);
            if (pair.Record is not null) probes.Add(await Send(pair.Conditions, pair.Record));
            runs[index] = run with { Exchanges = run.Exchanges.Concat(probes.SelectMany(p => p.Responses)).ToList(), Filters = probes };
        }
    }

    /// <summary>Whether a page says it is the last (by its flag, or its number against the page count).</summary>
    public static bool IsLastPage(Exchange page, Pagination p) => page.Json.Node is JsonObject body
        && (body[p.LastPage] is JsonValue flag && flag.TryGetValue<bool>(out var last) ? last
            : JsonNumbers.WholeNumber(body[p.PageNumber]) is { } number && JsonNumbers.WholeNumber(body[p.TotalPages]) is { } total && number >= total);
}
