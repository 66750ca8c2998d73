using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conformance.Checks;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Running;

/// <summary>
/// Executes a plan against a base URL through the probe: the ordinary reads of each operation (lists sampled, ids
/// chained from lists to /{id} endpoints), then the requests each check declares for it, then every check's
/// judgement. It knows no check by name. A target that does not answer at all stops the run early; the result is
/// still complete enough to report.
/// </summary>
/// <param name="documents">Where documents the run reads besides the spec (the supplier's own OpenAPI document) may be read from.</param>
public sealed class Runner(Probe probe, RunOptions options, FetchPolicy? documents = null)
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
        var checks = CheckCatalogue.All.Where(c => profile.ClauseFor(c.Id) is not null).ToList();
        var runs = new List<OperationRun>();
        var notes = new List<string>();
        var listed = new Dictionary<string, List<JsonObject>>(); // records seen on each list, for id chaining
        var known = new Dictionary<string, List<JsonObject>>(); // records fetched whole by id, by the list that named them
        var probes = new ProbeContext
        {
            Target = baseUrl, Spec = spec, Profile = profile, QueryValues = options.QueryValues, PathValues = options.PathValues,
            Negative = options.Negative, SeveralJurisdictions = options.SeveralJurisdictions, ProbeAnonymously = options.ProbeAnonymously,
            Credentialed = probe.Credentialed, Listed = listed, Known = known, Runs = runs,
        };
        var streams = new Dictionary<string, PageStream>(); // each list's pages as judged on arrival, by operation
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
                var run = await ReadAsync(testCase, spec, profile, baseUrl, listed, known, notes, Report, checks, streams, cancel);
                run = await ProbeAsync(run, checks.Where(c => c.ProbesWhen == ProbeStage.AfterOperation), probes, spec, Report, notes, cancel);
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

        // Requests built from what every operation returned (filters take their values from records fetched whole).
        var late = checks.Where(c => c.ProbesWhen == ProbeStage.AfterAllOperations).ToList();
        for (var i = 0; i < runs.Count && aborted is null && late.Count > 0; i++)
        {
            try
            {
                var index = i;
                runs[i] = await ProbeAsync(runs[i], late, probes, spec,
                    purpose => progress?.Report(new RunProgress(index + 1, runs.Count, runs[index].Operation.Id, purpose)), notes, cancel);
                aborted = Stopper(runs[i].Exchanges.Where(e => e.OwnedBy is not null));
            }
            catch (OperationCanceledException)
            {
                aborted = Stopped();
            }
        }

        var secrets = probe.Secrets.Concat(Paths.QueryValues(baseUrl)).ToList();
        var context = new CheckContext(spec, profile, secrets)
        {
            Runs = runs, Target = baseUrl, SupplierDocument = options.SupplierDocument, DocumentFetch = documents ?? new FetchPolicy(),
        };
        var results = Verdict.Settle(runs.SelectMany(run => Judge(run, checks, context, profile, streams.GetValueOrDefault(run.Operation.Id))).ToList(), checks, aborted);
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
            Clauses = profile.Clauses,
            RequestsSent = probe.RequestsSent,
            Exchanges = Kept(runs, results),
            Waited = probe.Waited,
            Seed = Seed,
            Secrets = probe.Secrets.Concat(Paths.QueryValues(baseUrl)).ToList(), // again: tokens issued since are secrets too
            Aborted = aborted,
        };
        result.Notes.AddRange(notes);
        return result;
    }

    /// <summary>
    /// Every exchange of the run as kept, except that a page cut down after it was judged is given back whole where a
    /// finding cites it as evidence: the report then shows the page as received, once.
    /// </summary>
    private static List<Exchange> Kept(IEnumerable<OperationRun> runs, IEnumerable<CheckResult> results)
    {
        var cited = results.Select(r => r.Evidence).OfType<Exchange>().Where(e => e.StartedAt is not null)
            .GroupBy(e => (e.Url, e.StartedAt)).ToDictionary(g => g.Key, g => g.First());
        return runs.SelectMany(run => run.Exchanges)
            .Select(e => e.ReducedFrom is not null && cited.TryGetValue((e.Url, e.StartedAt), out var whole) && whole.ReducedFrom is null ? whole : e)
            .ToList();
    }

    private static IEnumerable<CheckResult> Judge(OperationRun run, IEnumerable<Check> checks, CheckContext context, Profile profile, PageStream? stream)
    {
        foreach (var check in checks)
        {
            var clause = profile.ClauseFor(check.Id)!;
            foreach (var finding in Evaluate(check, run, context, stream))
                yield return new CheckResult(check.Id, clause.Id, clause.Level, finding.Operation, run.Tier,
                    Verdict.OutcomeOf(finding.Kind, clause.Level, run.Tier), finding.Message, finding.Details, finding.Evidence);
        }
    }

    /// <summary>
    /// A check that throws has a bug or met something unforeseen: an error result, never a dead run. A page-wise
    /// check concludes the judgement it was given as the list's pages arrived.
    /// </summary>
    private static List<Finding> Evaluate(Check check, OperationRun run, CheckContext context, PageStream? stream)
    {
        var failure = stream?.Failed.GetValueOrDefault(check.Id);
        try
        {
            if (failure is null)
                return (check is PageCheck pageCheck && stream?.JudgementOf(pageCheck) is { } judgement
                    ? pageCheck.Conclude(run, judgement) : check.Evaluate(run, context)).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = e;
        }
        return [new Finding(check.Id, run.Operation.Id, FindingKind.Error,
            $"The check could not judge this operation ({failure.GetType().Name}: {failure.Message}).", [], run.Primary)];
    }

    /// <summary>Sends the requests the checks declare for an operation, each tagged as its check's alone.</summary>
    private async Task<OperationRun> ProbeAsync(OperationRun run, IEnumerable<Check> checks, ProbeContext context, Spec spec,
        Action<string> report, List<string> notes, CancellationToken cancel)
    {
        if (run.SkipReason is not null) return run;
        var (accept, xml) = Shape(run.Operation, run.Format, spec);
        var sent = new List<Exchange>();
        foreach (var check in checks)
        {
            List<ProbeRequest> requests;
            try
            {
                requests = check.Probes(run, context).ToList();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                notes.Add($"{check.Id} could not plan its requests for {run.Operation.Id} ({e.GetType().Name}: {e.Message}).");
                continue;
            }
            foreach (var first in requests)
                for (var request = first; request is not null;)
                {
                    report(request.Purpose);
                    var answer = await probe.GetAsync(run.Operation.Id, request.Purpose, request.Url, request.Anonymous, cancel, accept, xml,
                        ownedBy: check.Id, form: request.Form) with { Page = request.Page, RecordId = request.RecordId, Tag = request.Tag };
                    sent.Add(answer);
                    request = request.Then?.Invoke(answer);
                }
        }
        return sent.Count == 0 ? run : run with { Exchanges = [.. run.Exchanges, .. sent] };
    }

    /// <summary>What a request for an operation asks for, and how an XML answer is read.</summary>
    private static (string Accept, XmlShape? Xml) Shape(SpecOperation operation, ResponseFormat? format, Spec spec) =>
        (format?.MediaTypes[0] ?? "application/json", format is { IsXml: true } ? new XmlShape(spec.Root, operation) : null);

    /// <summary>The ordinary reads of one operation, which every check judges; what a check needs more, it asks for itself.</summary>
    private async Task<OperationRun> ReadAsync(TestCase testCase, Spec spec, Profile profile, Uri baseUrl,
        Dictionary<string, List<JsonObject>> listed, Dictionary<string, List<JsonObject>> known, List<string> notes, Action<string> report,
        IReadOnlyList<Check> checks, Dictionary<string, PageStream> streams, CancellationToken cancel)
    {
        var operation = testCase.Operation;
        var pagination = profile.Pagination;
        if (testCase.SkipReason is not null)
            return new OperationRun(operation, testCase.Tier, testCase.Role, [], testCase.SkipReason, testCase.Format);

        var exchanges = new List<Exchange>();
        var (accept, xml) = Shape(operation, testCase.Format, spec);
        async Task<Exchange> Get(string purpose, Uri url, long? page = null, string? id = null, string? ownedBy = null)
        {
            report(purpose);
            var exchange = await probe.GetAsync(operation.Id, purpose, url, anonymous: false, cancel, accept, xml, ownedBy) with { Page = page, RecordId = id };
            exchanges.Add(exchange);
            return exchange;
        }

        // An endpoint declared absent, and a write, get only the requests their checks declare.
        if (testCase.DeclaredAbsent)
            return new OperationRun(operation, testCase.Tier, testCase.Role, [], Format: testCase.Format, DeclaredAbsent: true);
        if (testCase.Role == OperationRole.Write)
            return new OperationRun(operation, testCase.Tier, testCase.Role, [], Format: testCase.Format);

        long firstPage = 1; // a list's first page: 1, or 0 where the feed counts from 0
        switch (testCase.Role)
        {
            case OperationRole.List:
                // Judged on arrival with what is known of the secrets once the first request has been made.
                CheckContext Context() => new(spec, profile, probe.Secrets.Concat(Paths.QueryValues(baseUrl)).ToList());
                firstPage = await SampleListAsync(testCase, pagination!, baseUrl, exchanges, (purpose, url, page, owner) => Get(purpose, url, page, ownedBy: owner),
                    listed, notes, stream => streams[operation.Id] = stream, checks.OfType<PageCheck>().ToList(), Context, cancel);
                if (exchanges[0].IsSuccess && exchanges[0].Json.Node is JsonObject envelope && pagination!.ContentsOf(envelope) is var named && named != pagination.Contents[0])
                    notes.Add($"{operation.Id} keeps its records under '{named}', not '{pagination.Contents[0]}' (the profile accepts either).");
                break;
            case OperationRole.Item:
                var parameter = Paths.ParameterNames(operation.Path).Last();
                var candidates = (listed.GetValueOrDefault(testCase.IdSource!) ?? [])
                    .Where(record => Qualifies(record, profile.Lookups.FirstOrDefault(l => l.Endpoint == operation.PathTemplate)));
                var ids = Records.IdsFor(candidates, parameter);
                if (ids.Count == 0 && Records.IdsFor(listed.GetValueOrDefault(testCase.IdSource!) ?? [], parameter).Count > 0)
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
                    var found = await Get($"id {id} from GET {testCase.IdSource}", Paths.Url(baseUrl, operation.Path, id, FixedQuery()), id: id);
                    // Only a record that is the one asked for is trusted as the whole form of a listed record.
                    if (found.IsSuccess && Records.In(found.Json.Node) is { } whole && Records.IdOf(whole, parameter) == id)
                        (known.TryGetValue(testCase.IdSource!, out var list) ? list : known[testCase.IdSource!] = []).Add(whole);
                }
                break;
            default:
                var fetched = await Get("fetch", Paths.Url(baseUrl, Paths.Fill(operation.Path, options.PathValues), query: FixedQuery()));
                listed[operation.Path] = Records.On(fetched, pagination);
                break;
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

    /// <summary>Whether a listed record has a record at the lookup endpoint (all listed records do, unless the profile says).</summary>
    private static bool Qualifies(JsonObject record, Lookup? lookup) =>
        lookup is null || RecordCondition.Holds(record, lookup.OnlyWhere);

    /// <summary>The query every request carries (e.g. jurisdiction_id), escaped.</summary>
    private string FixedQuery() =>
        string.Join("&", options.QueryValues.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));

    /// <summary>
    /// Samples a list's pages and harvests their records; returns the number of its first page: 1, or 0 where the
    /// profile looks for feeds counting from 0 and page 0 says it is the first (page 1 is then the second page).
    /// The pages after the first are judged as they arrive (<see cref="PageStream"/>) and kept cut down to their
    /// envelope and ids, with a bounded sample of their records for lookups and filters.
    /// </summary>
    private async Task<long> SampleListAsync(TestCase testCase, Pagination p, Uri baseUrl, List<Exchange> exchanges,
        Func<string, Uri, long?, string?, Task<Exchange>> get, Dictionary<string, List<JsonObject>> listed, List<string> notes,
        Action<PageStream> started, IReadOnlyList<PageCheck> pageChecks, Func<CheckContext> context, CancellationToken cancel)
    {
        var perPage = new List<List<JsonObject>>();
        var sampled = new ConcurrentDictionary<int, List<JsonObject>>(); // by slot in the exchanges
        PageStream? stream = null;
        long firstPage = 1;
        try
        {
            var first = await get("page 1", PageUrl(baseUrl, testCase, p, 1), 1, null);
            perPage.Add(Records.On(first, p));
            if (!first.IsSuccess || first.Json.Node is not JsonObject body) return firstPage;
            if (p.DetectZeroBased && PageOrigin.SaysNotFirst(first, p))
            {
                var zero = await get(PageOrigin.Probe, PageUrl(baseUrl, testCase, p, 0), 0, PaginationEnvelopeCheck.CheckId);
                if (PageOrigin.SaysFirst(zero, p))
                {
                    firstPage = 0;
                    exchanges[exchanges.FindIndex(e => ReferenceEquals(e, zero))] = zero with { OwnedBy = null }; // a sampled page after all
                    perPage.Insert(0, Records.On(zero, p));
                }
                notes.Add(PageOrigin.Note(testCase.Operation.Id, p, firstPage == 0));
            }
            var totalPages = JsonNumbers.WholeNumber(body[p.TotalPages]) ?? 1;
            var lastPage = totalPages - 1 + firstPage;
            if (options.HarvestAll && totalPages > options.HarvestPages)
                notes.Add($"{testCase.Operation.Id} says it has {totalPages} pages; the harvest read the first {options.HarvestPages} only (--harvest-limit raises it).");
            // Pages are chosen by position (the first is 1) and asked for by number; page 1 is already in hand.
            var positions = (options.HarvestAll
                ? Enumerable.Range(2, (int)Math.Clamp(totalPages - 1, 0, options.HarvestPages - 1)).Select(n => (long)n)
                : PagesToSample(totalPages, options.MaxPages, options.RandomPages, new Random(Seed ^ StableHash(testCase.Operation.Path)))).ToList();
            // A spread of the list's records within the budget: some of every page, or one of every few pages.
            var quota = Math.Max(1, (ListedPerList + positions.Count - 1) / Math.Max(1, positions.Count));
            var stride = Math.Max(1, positions.Count / ListedPerList);
            var judging = context();
            var idFields = PageSkeleton.IdFieldsOf(judging.Profile);
            stream = new PageStream(pageChecks.Select(c => (c, c.Begin(testCase.Operation, OperationRole.List, judging))).ToList(), (slot, page) =>
            {
                if (slot % stride == 0) sampled[slot] = Records.On(page, p).Take(quota).Select(r => (JsonObject)r.DeepClone()).ToList();
                return page.IsSuccess && page.Xml is null && PageSkeleton.Of(page.Json.Node, p, idFields) is { } skeleton
                    ? page.Reduced(skeleton) : page with { JudgedOnArrival = true };
            });
            started(stream);
            foreach (var page in positions.Select(n => n - 1 + firstPage).Where(n => n != 1))
            {
                var counted = firstPage == 0 ? ", counted from 0" : "";
                var purpose = page == lastPage ? $"last page ({page}{counted})" : $"middle page ({page} of {totalPages}{counted})";
                var answer = await get(purpose, PageUrl(baseUrl, testCase, p, page), page, null);
                await stream.SendAsync(exchanges.Count - 1, answer, cancel);
                // Pages judged meanwhile are put back cut down, so no more than the channel holds is ever kept whole.
                foreach (var (slot, kept) in stream.TakeKept()) exchanges[slot] = kept;
            }
        }
        finally
        {
            if (stream is not null)
            {
                foreach (var (slot, kept) in await stream.FinishAsync()) exchanges[slot] = kept;
                perPage.AddRange(sampled.OrderBy(s => s.Key).Select(s => s.Value));
            }
            // Round-robin over the sampled pages, so lookups cover the first, middle and last pages alike.
            listed[testCase.Operation.Path] = Enumerable.Range(0, perPage.Select(x => x.Count).DefaultIfEmpty(0).Max())
                .SelectMany(i => perPage.Where(records => i < records.Count).Select(records => records[i]))
                .ToList();
        }
        return firstPage;
    }

    /// <summary>
    /// About how many records of a list are kept whole for lookups and filters: all of a sampled list's; of a harvested
    /// one's, some of every page, or the first of every few pages where there are more pages than this.
    /// </summary>
    private const int ListedPerList = 1000;

    private Uri PageUrl(Uri baseUrl, TestCase testCase, Pagination p, long page) =>
        Paths.Url(baseUrl, testCase.Operation.Path, query: Paths.Join(FixedQuery(), $"{p.PageParameter}={page}"));

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
}
