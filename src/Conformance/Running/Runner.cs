using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// Executes a plan against a base URL through the probe, chaining ids from lists to /{id} endpoints, then
/// lets every check judge the exchanges. A target that does not answer at all stops the run early; the
/// result is still complete enough to report.
/// </summary>
public sealed partial class Runner(Probe probe, RunOptions options)
{
    public async Task<RunResult> RunAsync(Spec spec, Profile profile, Uri baseUrl, IProgress<RunProgress>? progress = null, CancellationToken stop = default)
    {
        // The run's own deadline stops it like a cancellation, and says so.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        if (options.Deadline is { } limit) deadline.CancelAfter(limit);
        var cancel = deadline.Token;
        string Stopped() => stop.IsCancellationRequested || options.Deadline is null
            ? "the run was cancelled."
            : $"the run reached its deadline ({options.Deadline.Value.TotalSeconds:0.#} s, --deadline) before it could test everything.";
        var started = DateTimeOffset.UtcNow;
        var plan = Planner.Plan(spec, profile, options.PathValues, options.QueryValues, options.Features, options.AllowWrites);
        var runs = new List<OperationRun>();
        var notes = new List<string>();
        var harvested = new Dictionary<string, List<JsonObject>>(); // records seen on each list, for id chaining
        var known = new Dictionary<string, List<JsonObject>>(); // records fetched whole by id, by the list that named them
        string? aborted = null;

        for (var i = 0; i < plan.Count; i++)
        {
            var testCase = plan[i];
            if (aborted is not null)
            {
                runs.Add(new OperationRun(testCase.Operation, testCase.Tier, testCase.Role, [], $"Not tested: {aborted}", testCase.Format));
                continue;
            }
            void Report(string purpose) => progress?.Report(new RunProgress(i + 1, plan.Count, testCase.Operation.Id, purpose));
            try
            {
                var run = await RunOneAsync(testCase, spec, profile, baseUrl, harvested, known, notes, Report, cancel);
                runs.Add(run);
                if (runs.SelectMany(r => r.Exchanges).All(e => !e.Answered) && run.Exchanges.Count > 0)
                    aborted = $"{baseUrl} could not be reached ({run.Exchanges[0].TransportError}).";
                else aborted = Stopper(run.Exchanges);
            }
            catch (OperationCanceledException)
            {
                aborted = Stopped();
                runs.Add(new OperationRun(testCase.Operation, testCase.Tier, testCase.Role, [], $"Not tested: {aborted}", testCase.Format));
            }
            catch (Exception e) // whatever a server sends, one operation the harness cannot handle is never the end of the run
            {
                runs.Add(new OperationRun(testCase.Operation, testCase.Tier, testCase.Role, [],
                    $"The harness could not test this operation ({e.GetType().Name}: {e.Message}).", testCase.Format));
            }
        }

        if (aborted is null && profile.Filters.Any(f => f.Match is not null))
        {
            try
            {
                await ProbeFiltersAsync(spec, profile, baseUrl, runs, harvested, known, cancel);
            }
            catch (OperationCanceledException)
            {
                aborted = Stopped();
            }
            catch (Exception e)
            {
                notes.Add($"Filters could not be tested ({e.GetType().Name}: {e.Message}).");
            }
            aborted ??= Stopper(runs.SelectMany(r => r.Filters).SelectMany(f => f.Responses));
        }

        var secrets = probe.Secrets.Concat(QueryValues(baseUrl)).ToList();
        var context = new CheckContext(spec, profile, secrets);
        var results = runs.SelectMany(run => Judge(run, context, profile)).ToList();
        // What the harness could not do is never the vendor's fault: a request never answered in a stopped run,
        // one the server throttled beyond what the harness waits for, or a redirect it would not follow, can only be an error.
        // A pass resting on a redirect it would not follow judged a page that is not the answer: an error too. Only
        // anonymous-access judges such a redirect itself: a request without credentials sent away was not served.
        results = results.Select(r => r.Evidence is { RedirectNotFollowed: { } why } && r.Outcome is Outcome.Pass or Outcome.Fail or Outcome.Warning
                                      && !(r.Check == "anonymous-access" && r.Evidence.Anonymous)
                ? r with { Outcome = Outcome.Error, Message = $"{r.Message} (not judged: {why})" }
            : r.Outcome is not (Outcome.Fail or Outcome.Warning) ? r
            : r.Evidence is { Throttled: true } || (aborted is not null && r.Evidence is { Answered: false }) ? r with { Outcome = Outcome.Error }
            : r).ToList();
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
            Coverage = Coverage.Of(runs, results, context),
            Diagnostics = spec.Diagnostics,
            ManualClauses = profile.Clauses.Where(c => c.IsManual).ToList(),
            RequestsSent = probe.RequestsSent,
            Waited = probe.Waited,
            Seed = Seed,
            Secrets = probe.Secrets.Concat(QueryValues(baseUrl)).ToList(), // again: tokens issued since are secrets too
            Aborted = aborted,
        };
        result.Notes.AddRange(notes);
        return result;
    }

    private static IEnumerable<CheckResult> Judge(OperationRun run, CheckContext context, Profile profile)
    {
        foreach (var check in CheckCatalogue.All)
        {
            if (profile.ClauseFor(check.Id) is not { } clause) continue;
            foreach (var finding in Evaluate(check, run, context))
                yield return new CheckResult(check.Id, clause.Id, clause.Level, finding.Operation, run.Tier,
                    Verdict.OutcomeOf(finding.Kind, clause.Level, run.Tier), finding.Message, finding.Details, finding.Evidence);
        }
    }

    /// <summary>A check that throws has a bug or met something unforeseen: an error result, never a dead run.</summary>
    private static List<Finding> Evaluate(Check check, OperationRun run, CheckContext context)
    {
        try
        {
            return check.Evaluate(run, context).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [new Finding(check.Id, run.Operation.Id, FindingKind.Error,
                $"The check could not judge this operation ({e.GetType().Name}: {e.Message}).", [], run.Primary)];
        }
    }

    private async Task<OperationRun> RunOneAsync(TestCase testCase, Spec spec, Profile profile, Uri baseUrl,
        Dictionary<string, List<JsonObject>> harvested, Dictionary<string, List<JsonObject>> known, List<string> notes, Action<string> report,
        CancellationToken cancel)
    {
        var operation = testCase.Operation;
        var pagination = profile.Pagination;
        if (testCase.SkipReason is not null)
            return new OperationRun(operation, testCase.Tier, testCase.Role, [], testCase.SkipReason, testCase.Format);

        var exchanges = new List<Exchange>();
        var accept = testCase.Format?.MediaTypes[0] ?? "application/json";
        var xml = testCase.Format is { IsXml: true } ? new XmlShape(spec.Root, operation) : null;
        Uri? firstUrl = null; // as sent, before credentials: the anonymous probe repeats it without them
        async Task<Exchange> Get(string purpose, Uri url, long? page = null, string? id = null, string? ownedBy = null)
        {
            report(purpose);
            firstUrl ??= url;
            var exchange = await probe.GetAsync(operation.Id, purpose, url, anonymous: false, cancel, accept, xml, ownedBy) with { Page = page, RecordId = id };
            exchanges.Add(exchange);
            return exchange;
        }

        if (testCase.DeclaredAbsent)
        {
            var parameters = Paths.ParameterNames(operation.Path).ToList();
            var real = parameters.Count == 0 || Paths.ParentList(operation.Path) is not { } parent ? null
                : IdsFor(harvested.GetValueOrDefault(parent) ?? [], parameters[^1]).FirstOrDefault();
            var url = Url(baseUrl, Fill(operation.Path, options.PathValues), parameters.Count > 0 ? real ?? AbsentId : null, FixedQuery());
            await Get("declared not implemented", url, ownedBy: "declared-not-implemented");
            return new OperationRun(operation, testCase.Tier, testCase.Role, exchanges, Format: testCase.Format, DeclaredAbsent: true);
        }

        long firstPage = 1; // a list's first page: 1, or 0 where the feed counts from 0
        switch (testCase.Role)
        {
            case OperationRole.Write:
                var recipe = profile.Writes.First(w => w.Endpoint == operation.PathTemplate && w.Method == operation.Method);
                var form = recipe.Form.ToList();
                if (recipe.FormFromRecord is { } from)
                {
                    var list = Planner.InEachFormat(spec.Find("GET", from.List)!, profile.Formats).First(o => o.Format == testCase.Format).Operation.Path;
                    var record = (harvested.GetValueOrDefault(list) ?? []).FirstOrDefault(r =>
                        RecordCondition.Holds(r, from.OnlyWhere) && from.Fields.Values.All(f => IdOf(r, f) is not null));
                    if (record is null)
                        return new OperationRun(operation, testCase.Tier, testCase.Role, [],
                            $"No record from GET {list} can supply {string.Join(", ", from.Fields.Keys)} for the write.", testCase.Format);
                    form.AddRange(from.Fields.Select(f => KeyValuePair.Create(f.Key, IdOf(record, f.Value)!)));
                }
                report("write");
                exchanges.Add(await probe.GetAsync(operation.Id, "write (--allow-writes)", Url(baseUrl, operation.Path, query: FixedQuery()),
                    anonymous: false, cancel, accept, xml, ownedBy: "write-accepted", form: form));
                return new OperationRun(operation, testCase.Tier, testCase.Role, exchanges, Format: testCase.Format);
            case OperationRole.List:
                firstPage = await SampleListAsync(testCase, pagination!, baseUrl, exchanges, (purpose, url, page, owner) => Get(purpose, url, page, ownedBy: owner),
                    harvested, notes);
                if (exchanges[0].IsSuccess && exchanges[0].Json.Node is JsonObject envelope && pagination!.ContentsOf(envelope) is var named && named != pagination.Contents[0])
                    notes.Add($"{operation.Id} keeps its records under '{named}', not '{pagination.Contents[0]}' (the profile accepts either).");
                if (profile.ClauseFor(PaginationProbes.Check) is not null && exchanges[0].IsSuccess)
                    await ProbePaginationAsync(testCase, pagination!, baseUrl, exchanges[0], firstPage, (purpose, url, page) => Get(purpose, url, page, ownedBy: PaginationProbes.Check));
                if (PaginationProbes.JudgeOfOverlaps(profile, operation.PathTemplate) is { } judge && exchanges[0].IsSuccess)
                {
                    // Pages that share a record are fetched again, together: a live feed may only have moved between requests.
                    var sampled = exchanges.Where(e => e.Page is not null && e.OwnedBy is null && e.IsSuccess).ToList();
                    foreach (var page in PaginationProbes.Overlaps(sampled, pagination!, judge.Field, judge.Comparer)
                                 .SelectMany(o => new[] { o.First, o.Second }).Distinct().Order().Take(6))
                        await Get(PaginationProbes.Confirm, PageUrl(baseUrl, testCase, pagination!, page), page, ownedBy: judge.Check);
                }
                break;
            case OperationRole.Item:
                var parameter = Paths.ParameterNames(operation.Path).Last();
                var candidates = (harvested.GetValueOrDefault(testCase.IdSource!) ?? [])
                    .Where(record => Qualifies(record, profile.Lookups.FirstOrDefault(l => l.Endpoint == operation.PathTemplate)));
                var listed = harvested.GetValueOrDefault(testCase.IdSource!) ?? [];
                var ids = IdsFor(candidates, parameter);
                if (ids.Count == 0 && IdsFor(listed, parameter).Count > 0)
                    return new OperationRun(operation, testCase.Tier, testCase.Role, [],
                        $"Not applicable: no record GET {testCase.IdSource} lists qualifies for {operation.PathTemplate} ({Conditions(profile, operation)}).",
                        testCase.Format, NotApplicable: true);
                // With none listed, a value the vendor gave under path_parameters is looked up instead.
                if (ids.Count == 0 && options.PathValues.TryGetValue(parameter, out var given)) ids = [given];
                if (ids.Count == 0)
                    return new OperationRun(operation, testCase.Tier, testCase.Role, [],
                        $"No ids to look up: GET {testCase.IdSource} gave no records with a value for {{{parameter}}} (a vendor profile can give one under path_parameters).", testCase.Format);
                foreach (var id in ids.Take(options.IdsPerList))
                {
                    var found = await Get($"id {id} from GET {testCase.IdSource}", Url(baseUrl, operation.Path, id, FixedQuery()), id: id);
                    // Only a record that is the one asked for is trusted as the whole form of a listed record.
                    if (found.IsSuccess && RecordIn(found.Json.Node) is { } whole && IdOf(whole, parameter) == id)
                        (known.TryGetValue(testCase.IdSource!, out var list) ? list : known[testCase.IdSource!] = []).Add(whole);
                }
                break;
            default:
                var fetched = await Get("fetch", Url(baseUrl, Fill(operation.Path, options.PathValues), query: FixedQuery()));
                harvested[operation.Path] = RecordsOn(fetched, pagination);
                break;
        }

        if (options.Negative && profile.ClauseFor(NegativeProbes.Check) is not null && exchanges.Any(e => e.IsSuccess))
        {
            if (testCase.Role == OperationRole.Item)
                await Get(NegativeProbes.UnknownId, Url(baseUrl, operation.Path, NegativeProbes.UnknownIdLike(exchanges.First(e => e.RecordId is not null).RecordId!),
                    FixedQuery()), ownedBy: NegativeProbes.Check);
            else if (testCase.Role == OperationRole.List)
                await Get(NegativeProbes.InvalidPage, Url(baseUrl, operation.Path, query: Join(FixedQuery(), $"{pagination!.PageParameter}={NegativeProbes.InvalidPageValue}")),
                    ownedBy: NegativeProbes.Check);
        }

        if (profile.Jurisdiction is { } jurisdiction && options.SeveralJurisdictions
            && operation.PathTemplate == jurisdiction.Endpoint && testCase.Format == profile.Formats?.Required)
        {
            // The vendor declared an endpoint serving several jurisdictions: it must refuse requests that name none, or an unknown one.
            await Get(JurisdictionProbes.Missing, Url(baseUrl, operation.Path, query: FixedQuery(without: jurisdiction.Parameter)), ownedBy: "jurisdiction-errors");
            var unknown = $"{Uri.EscapeDataString(jurisdiction.Parameter)}={JurisdictionProbes.UnknownValue}";
            await Get(JurisdictionProbes.Unknown, Url(baseUrl, operation.Path, query: Join(FixedQuery(without: jurisdiction.Parameter), unknown)), ownedBy: "jurisdiction-errors");
        }

        if (options.ProbeAnonymously && profile.Access == Access.Open && testCase.Tier == Tier.Required && exchanges.Count > 0 && !exchanges[0].Anonymous)
        {
            report("without credentials");
            exchanges.Add(await probe.GetAsync(operation.Id, "without credentials", firstUrl!, anonymous: true, cancel, accept, xml));
        }
        return new OperationRun(operation, testCase.Tier, testCase.Role, exchanges, Format: testCase.Format) { FirstPage = firstPage };
    }

    private static string Conditions(Profile profile, SpecOperation operation) =>
        string.Join(", ", profile.Lookups.Where(l => l.Endpoint == operation.PathTemplate)
            .SelectMany(l => l.OnlyWhere.Select(c => $"{c.Key}={c.Value?.ToJsonString()}")));

    /// <summary>Why the run cannot go on: the harness could not authenticate, or the server keeps throttling it.</summary>
    private static string? Stopper(IEnumerable<Exchange> exchanges)
    {
        foreach (var exchange in exchanges)
        {
            if (exchange.TransportError?.StartsWith(Probe.NoToken) == true)
                return $"the harness could not authenticate ({exchange.TransportError}).";
            if (exchange.Throttled)
                return $"the server kept throttling the harness ({exchange.Status} on {exchange.Url}); try a lower --rate.";
        }
        return null;
    }

    /// <summary>The record a lookup returned: an object, or a list holding exactly one (Open311 wraps requests so).</summary>
    public static JsonObject? RecordIn(JsonNode? body) => body switch
    {
        JsonObject record => record,
        JsonArray { Count: 1 } list => list[0] as JsonObject,
        _ => null,
    };

    /// <summary>The id asked for at an /{id} endpoint the vendor declared not implemented.</summary>
    public const string AbsentId = "conformance-declared-not-implemented";

    /// <summary>Whether a listed record has a record at the lookup endpoint (all listed records do, unless the profile says).</summary>
    private static bool Qualifies(JsonObject record, Lookup? lookup) =>
        lookup is null || RecordCondition.Holds(record, lookup.OnlyWhere);

    /// <summary>The query every request carries (e.g. jurisdiction_id), escaped; one parameter may be left out.</summary>
    private string FixedQuery(string? without = null) =>
        string.Join("&", options.QueryValues.Where(q => q.Key != without)
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));

    private static string Join(params string[] queries) => string.Join("&", queries.Where(q => q.Length > 0));

    /// <summary>
    /// Samples a list's pages and harvests their records; returns the number of its first page: 1, or 0 where the
    /// profile looks for feeds counting from 0 and page 0 says it is the first (page 1 is then the second page).
    /// </summary>
    private async Task<long> SampleListAsync(TestCase testCase, Pagination p, Uri baseUrl, List<Exchange> exchanges,
        Func<string, Uri, long?, string?, Task<Exchange>> get, Dictionary<string, List<JsonObject>> harvested, List<string> notes)
    {
        var perPage = new List<List<JsonObject>>();
        long firstPage = 1;
        try
        {
            var first = await get("page 1", PageUrl(baseUrl, testCase, p, 1), 1, null);
            perPage.Add(RecordsOn(first, p));
            if (!first.IsSuccess || first.Json.Node is not JsonObject body) return firstPage;
            if (p.DetectZeroBased && PageOrigin.SaysNotFirst(first, p))
            {
                var zero = await get(PageOrigin.Probe, PageUrl(baseUrl, testCase, p, 0), 0, PageOrigin.Owner);
                if (PageOrigin.SaysFirst(zero, p))
                {
                    firstPage = 0;
                    exchanges[exchanges.FindIndex(e => ReferenceEquals(e, zero))] = zero with { OwnedBy = null }; // a sampled page after all
                    perPage.Insert(0, RecordsOn(zero, p));
                }
                notes.Add(PageOrigin.Note(testCase.Operation.Id, p, firstPage == 0));
            }
            var totalPages = JsonNumbers.WholeNumber(body[p.TotalPages]) ?? 1;
            var lastPage = totalPages - 1 + firstPage;
            // Pages are chosen by position (the first is 1) and asked for by number; page 1 is already in hand.
            var positions = options.HarvestAll
                ? Enumerable.Range(2, (int)Math.Clamp(totalPages - 1, 0, RunOptions.MostPages - 1)).Select(n => (long)n)
                : PagesToSample(totalPages, options.MaxPages, options.RandomPages, new Random(Seed ^ StableHash(testCase.Operation.Path)));
            foreach (var page in positions.Select(n => n - 1 + firstPage).Where(n => n != 1))
            {
                var counted = firstPage == 0 ? ", counted from 0" : "";
                var purpose = page == lastPage ? $"last page ({page}{counted})" : $"middle page ({page} of {totalPages}{counted})";
                perPage.Add(RecordsOn(await get(purpose, PageUrl(baseUrl, testCase, p, page), page, null), p));
            }
        }
        finally
        {
            // Round-robin over the sampled pages, so lookups cover the first, middle and last pages alike.
            harvested[testCase.Operation.Path] = Enumerable.Range(0, perPage.Select(x => x.Count).DefaultIfEmpty(0).Max())
                .SelectMany(i => perPage.Where(records => i < records.Count).Select(records => records[i]))
                .ToList();
        }
        return firstPage;
    }

    /// <summary>
    /// Two requests that show how pagination behaves, beyond its envelope: a small per_page on the first page (is it
    /// honoured?) and the page after the last (an empty page, not an error).
    /// </summary>
    private async Task ProbePaginationAsync(TestCase testCase, Pagination p, Uri baseUrl, Exchange first, long firstPage,
        Func<string, Uri, long?, Task<Exchange>> get)
    {
        await get(PaginationProbes.SmallPage, Url(baseUrl, testCase.Operation.Path,
            query: Join(FixedQuery(), $"{p.PageParameter}={firstPage}", $"{p.PerPageParameter}={PaginationProbes.SmallPerPage}")), firstPage);
        var totalPages = first.Json.Node is JsonObject body ? JsonNumbers.WholeNumber(body[p.TotalPages]) : null;
        if (totalPages is >= 0 and < 1_000_000_000)
            await get(PaginationProbes.PastTheEnd, PageUrl(baseUrl, testCase, p, totalPages.Value + firstPage), totalPages.Value + firstPage);
    }

    /// <summary>
    /// After page 1, within the page budget: the last page, then middle pages spread evenly between them.
    /// A server's claimed page count is capped, so a hostile total cannot overflow the arithmetic.
    /// </summary>
    public static IEnumerable<long> PagesToSample(long totalPages, int maxPages, int randomPages = 0, Random? random = null)
    {
        totalPages = Math.Min(totalPages, 1_000_000_000);
        if (totalPages < 2 || maxPages < 2) return [];
        var middles = Math.Min(maxPages - 2, totalPages - 2);
        var pages = Enumerable.Range(1, (int)Math.Max(middles, 0)).Select(i => 1 + (totalPages - 1) * i / (middles + 1))
            .Append(totalPages).ToHashSet();
        // Then a few pages at random (seeded, so a run can be repeated), among those not chosen yet.
        var left = totalPages - 1 - pages.Count;
        for (var i = 0; i < Math.Min(randomPages, left) && random is not null; i++)
        {
            long page;
            do page = random.NextInt64(2, totalPages); while (!pages.Add(page));
        }
        return pages.Order().ToList();
    }

    /// <summary>FNV-1a: the same number for the same path in every process (string.GetHashCode is not).</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }

    /// <summary>The seed of this run's random page sample: given, or chosen once per run and reported.</summary>
    public int Seed { get; } = options.Seed ?? Random.Shared.Next(1, 1_000_000);

    /// <summary>
    /// The records a response holds: the envelope's records field when the standard paginates, else a top-level
    /// array, else the objects in every top-level array (data, items, results, links...).
    /// </summary>
    public static List<JsonObject> RecordsOn(Exchange response, Pagination? p)
    {
        if (!response.IsSuccess) return [];
        var arrays = response.Json.Node switch
        {
            JsonObject body when p is not null => [p.RecordsOf(body)],
            JsonArray array => [array],
            JsonObject body => body.Select(x => x.Value as JsonArray),
            _ => [],
        };
        return arrays.OfType<JsonArray>().SelectMany(a => a.OfType<JsonObject>()).ToList();
    }

    /// <summary>
    /// The values records give for a path parameter: the field named like it ({petId}: petId or pet_id),
    /// else "id" where the parameter is an id. A record without such a field gives nothing.
    /// </summary>
    public static List<string> IdsFor(IEnumerable<JsonObject> records, string parameter) =>
        records.Select(r => IdOf(r, parameter) ?? "").Where(id => id.Length > 0).Distinct().ToList();

    /// <summary>A record's value for a path parameter, by <see cref="IdFields"/>; null when it has none.</summary>
    public static string? IdOf(JsonObject record, string parameter) =>
        IdFields(parameter).Select(f => record[f]).OfType<JsonValue>().Select(JsonText.Of).FirstOrDefault(v => v is not null);

    /// <summary>The fields that may hold a path parameter's value: its name, in snake_case, then "id" for ids.</summary>
    public static IReadOnlyList<string> IdFields(string parameter)
    {
        var snake = System.Text.RegularExpressions.Regex.Replace(parameter, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant();
        var fields = new List<string> { parameter, snake };
        if (parameter == "id" || snake.EndsWith("_id") || snake.EndsWith("id")) fields.Add("id");
        return fields.Distinct().ToList();
    }

    /// <summary>Values in the base URL's query are treated as secrets: that is where keys go.</summary>
    public static IEnumerable<string> QueryValues(Uri baseUrl) =>
        baseUrl.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => Uri.UnescapeDataString(pair.Split('=', 2).ElementAtOrDefault(1) ?? ""));

    /// <summary>Fills {name} from known values, escaped; unknown names stay as they are.</summary>
    private static string Fill(string path, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}]+)\}",
            m => values.TryGetValue(m.Groups[1].Value, out var v) ? Uri.EscapeDataString(v) : m.Value);

    private Uri PageUrl(Uri baseUrl, TestCase testCase, Pagination p, long page) =>
        Url(baseUrl, testCase.Operation.Path, query: Join(FixedQuery(), $"{p.PageParameter}={page}"));

    /// <summary>The base URL's path, then the operation's; the base URL's own query (e.g. a key) is kept.</summary>
    public static Uri Url(Uri baseUrl, string path, string? id = null, string? query = null)
    {
        var filled = id is null ? path : System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", Uri.EscapeDataString(id));
        var builder = new UriBuilder(baseUrl);
        builder.Path = builder.Path.TrimEnd('/') + filled;
        var queries = new[] { baseUrl.Query.TrimStart('?'), query ?? "" }.Where(q => q.Length > 0);
        builder.Query = string.Join("&", queries);
        return builder.Uri;
    }
}
