using Conformance.Evidence;
using Conformance.Http;
using Conformance.Reference;
using Conformance.Running;

namespace Conformance.Tests.Running;

/// <summary>The runner against loopback servers: sampling, id chaining, headers, unreachable targets.</summary>
public class RunnerTests
{
    [TestCase(1, 3, new long[0])]
    [TestCase(2, 3, new long[] { 2 })]
    [TestCase(10, 3, new long[] { 5, 10 })]
    [TestCase(10, 2, new long[] { 10 })]
    [TestCase(10, 1, new long[0])]
    public void After_page_one_it_samples_the_last_then_a_middle_page(long totalPages, int maxPages, long[] expected) =>
        Assert.That(PageSampling.PagesToSample(totalPages, maxPages), Is.EqualTo(expected));

    [Test]
    public void Paths_are_joined_to_the_base_url_and_ids_escaped() =>
        Assert.That(TargetUrls.Url(new Uri("http://h.example/api/v3/"), "/services/{id}", "a b/c").AbsoluteUri,
            Is.EqualTo("http://h.example/api/v3/services/a%20b%2Fc"));

    [Test]
    public async Task Ids_come_from_the_first_middle_and_last_pages()
    {
        using var server = StartReference();
        var result = await RunAsync(server.Url, new ProbeSettings());
        var lookups = result.Results.Single(r => r.Check == "id-resolves" && r.Operation == "GET /services/{id}");
        Assert.That(lookups.Outcome, Is.EqualTo(Outcome.Pass), lookups.Message);

        // The reference serves 25 services, 10 a page: one id from each of pages 1, 2 and 3.
        var order = server.Requests.Count(r => r.Url.EndsWith("/services?page=1")) == 1
            ? Fixtures.ReferenceServiceIds() : throw new AssertionException("page 1 was not fetched once");
        var looked = server.Requests.Select(r => new Uri(r.Url).AbsolutePath).Where(p => p.StartsWith("/services/") && !p.Contains(TargetUrls.AbsentId))
            .Select(p => order.IndexOf(p["/services/".Length..]) / 10).ToList();
        Assert.That(looked, Is.EquivalentTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public async Task Coverage_counts_what_was_requested_validated_and_looked_up()
    {
        using var server = StartReference();
        var result = await RunAsync(server.Url, new ProbeSettings());
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Pass));
        var coverage = result.Coverage.ToDictionary(c => c.Operation);
        // 25 services, 10 a page, pages 1, 2 and 3 sampled: every listed record validated; one lookup per page.
        Assert.That(coverage["GET /services"].RecordsValidated, Is.EqualTo(25));
        Assert.That(coverage["GET /services/{id}"].IdsLookedUp, Is.EqualTo(3));
        Assert.That(result.Coverage.Where(c => c.IsGap), Is.Empty);
        var report = System.Text.Json.Nodes.JsonNode.Parse(Conformance.Tests.Reports.Runs.Write(new Conformance.Reports.JsonReport(), result).Apply(text => Conformance.Tests.Reports.ReportSchema.AssertValid(text)))!;
        var services = report["coverage"]!.AsArray().Single(c => c!["operation"]!.GetValue<string>() == "GET /services")!;
        Assert.That(services["recordsValidated"]!.GetValue<int>(), Is.EqualTo(25));
        Assert.That(services["gap"], Is.Null);
    }

    [Test]
    public async Task The_result_holds_every_exchange_of_the_run_once_the_evidence_among_them()
    {
        using var server = StartReference();
        var result = await RunAsync(server.Url, new ProbeSettings());
        Assert.That(result.Exchanges, Has.Count.EqualTo(result.RequestsSent).And.Count.EqualTo(server.Requests.Count));
        Assert.That(result.Exchanges, Is.Unique);
        Assert.That(result.Exchanges.Select(e => e.StartedAt), Has.None.Null);
        var recorded = result.Exchanges.ToHashSet(ReferenceEqualityComparer.Instance);
        Assert.That(result.Results.Select(r => r.Evidence).OfType<Exchange>().Where(e => !recorded.Contains(e)), Is.Empty,
            "every piece of evidence is one of the run's exchanges");
    }

    [Test]
    public void More_pages_sampled_spread_evenly() =>
        Assert.That(PageSampling.PagesToSample(100, 6), Is.EqualTo(new long[] { 20, 40, 60, 80, 100 }), "page 1 and five more");

    [Test]
    public void A_hostile_total_page_count_is_capped() =>
        Assert.That(PageSampling.PagesToSample(long.MaxValue, 3), Is.EqualTo(new long[] { 500_000_000, 1_000_000_000 }));

    [Test]
    public void A_base_url_query_is_kept_and_the_path_joined_before_it() =>
        Assert.That(TargetUrls.Url(new Uri("https://h.example/oruk?key=abc"), "/services", query: "page=2").AbsoluteUri,
            Is.EqualTo("https://h.example/oruk/services?key=abc&page=2"));

    [Test]
    public async Task A_hostile_feed_gives_findings_not_a_crash()
    {
        using var server = ReferenceServer.Start((_, path, _) => path switch
        {
            "/services" => ReferenceResponse.Ok(System.Text.Json.Nodes.JsonNode.Parse("""{"contents": ["x", 3, null, [1]], "total_pages": "many"}""")!),
            _ => ReferenceResponse.Ok(System.Text.Json.Nodes.JsonNode.Parse("""[1, 2, 3]""")!),
        });
        var result = await RunAsync(server.Url, new ProbeSettings());
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
        Assert.That(result.Results, Has.Some.Matches<CheckResult>(r => r!.Check == "pagination-envelope" && r.Outcome == Outcome.Fail));
    }

    [Test]
    public async Task User_headers_are_sent_and_required_endpoints_are_also_probed_without_them()
    {
        using var server = StartReference();
        var probe = new ProbeSettings { Headers = [new("X-Api-Key", "secret-value")] };
        var result = await RunAsync(server.Url, probe);
        var anonymous = result.Results.Where(r => r.Check == "anonymous-access").ToList();
        Assert.That(anonymous.Select(r => r.Operation), Is.EquivalentTo(new[] { "GET /", "GET /services", "GET /services/{id}" }));
        Assert.That(anonymous.Select(r => r.Outcome), Is.All.EqualTo(Outcome.Pass));
        var evidence = result.Results.First(r => r.Evidence is { Anonymous: false }).Evidence!;
        Assert.That(evidence.Curl(), Does.Contain("X-Api-Key: ***").And.Not.Contain("secret-value"));
        var received = server.Requests;
        Assert.That(received.Count(r => r.Headers.GetValueOrDefault("X-Api-Key") == "secret-value"), Is.EqualTo(received.Count - 3),
            "every request carries the key except one anonymous request for each of the three required endpoints");
    }

    [Test]
    public async Task An_open_standard_that_demands_a_key_fails_anonymous_access()
    {
        using var server = ReferenceServer.Start((_, _, _) => ReferenceResponse.Error(401, "An API key is required."));
        var result = await RunAsync(server.Url, new ProbeSettings());
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Fail));
        Assert.That(result.Results, Has.Some.Matches<CheckResult>(r => r!.Check == "anonymous-access" && r.Outcome == Outcome.Fail));
    }

    [Test]
    public async Task An_unreachable_target_stops_the_run_as_an_error_without_blaming_the_vendor()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        var result = await RunAsync($"http://127.0.0.1:{port}", new ProbeSettings { Timeout = TimeSpan.FromSeconds(5) });
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Error));
        Assert.That(result.Aborted, Does.Contain("could not be reached"));
        Assert.That(result.Count(Outcome.Fail), Is.Zero);
        Assert.That(result.RequestsSent, Is.EqualTo(1));
    }

    [Test]
    public async Task A_cancelled_run_still_returns_a_result_to_report()
    {
        using var server = StartReference();
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(p => { if (p.OperationIndex == 3) cancel.Cancel(); });
        var (profile, spec) = (Fixtures.Profile, Fixtures.Spec);
        using var probe = new Probe(new ProbeSettings());
        var result = await new Runner(probe, new RunOptions()).RunAsync(spec, profile, new Uri(server.Url), progress, cancel.Token);
        Assert.That(result.Aborted, Does.Contain("cancelled"));
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Error));
        Assert.That(result.Results, Is.Not.Empty);
    }

    [Test]
    public async Task An_empty_feed_is_inconclusive_not_a_failure()
    {
        using var server = StartEmptyFeed();
        var result = await RunAsync(server.Url, new ProbeSettings());
        // Nothing could be validated on the required list, nor any id looked up: no verdict can rest on that.
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(Verdict.ExitCode(result.Verdict), Is.EqualTo(3));
        Assert.That(result.Results.Where(r => r.Outcome == Outcome.Warning).Select(r => r.Check), Is.All.EqualTo("feed-not-empty"));
        var gaps = result.Coverage.Where(c => c.IsGap).ToDictionary(c => c.Operation, c => c.Gap);
        Assert.That(gaps.Keys, Is.EquivalentTo(new[] { "GET /services", "GET /services/{id}" }));
        Assert.That(gaps["GET /services"], Does.Contain("no record was validated"));
        Assert.That(result.Results.Single(r => r.Check == "id-resolves" && r.Operation == "GET /services/{id}").Outcome, Is.EqualTo(Outcome.Skipped));
    }

    [Test]
    public async Task With_nothing_listed_a_path_parameter_from_the_vendor_is_looked_up()
    {
        using var server = StartEmptyFeed();
        using var probe = new Probe(new ProbeSettings());
        var options = new RunOptions { PathValues = new Dictionary<string, string> { ["id"] = Fixtures.Id1 } };
        var result = await new Runner(probe, options).RunAsync(Fixtures.Spec, Fixtures.Profile, new Uri(server.Url));
        Assert.That(server.Requests.Select(r => new Uri(r.Url).AbsolutePath), Does.Contain($"/services/{Fixtures.Id1}"));
        Assert.That(result.Coverage.Single(c => c.Operation == "GET /services/{id}").Gap, Is.Null.Or.Not.Contains("No ids"),
            "the lookup was made (the empty list is still a gap of its own)");
    }

    [Test]
    public async Task A_query_api_key_is_sent_but_never_reported()
    {
        using var server = StartReference();
        var settings = new ProbeSettings { Credentials = new ProbeCredentials([], new("api_key", "s3cret-value")) };
        var result = await RunAsync(server.Url, settings);
        Assert.That(server.Requests.Count(r => r.Url.Contains("api_key=s3cret-value")), Is.EqualTo(server.Requests.Count - 3),
            "every request but the three anonymous ones carries the key");
        var report = System.Text.Json.Nodes.JsonNode.Parse(Conformance.Tests.Reports.Runs.Write(new Conformance.Reports.JsonReport(), result).Apply(text => Conformance.Tests.Reports.ReportSchema.AssertValid(text)))!;
        Assert.That(report.ToJsonString(), Does.Not.Contain("s3cret-value").And.Contain("api_key=***"));
    }

    [Test]
    public async Task Secrets_the_server_echoes_back_are_masked_in_every_report()
    {
        // A server that repeats the key it was sent in its bodies, as links and error messages often do.
        var data = new OpenReferralService(ReferenceData.Load(Path.Combine(ConformanceRun.DefaultCatalogue().Root, "oruk-3.0", "reference")));
        using var server = ReferenceServer.Start((m, p, q) =>
        {
            var answer = data.Handle(m, p, q);
            if (answer.Body is System.Text.Json.Nodes.JsonObject body) body["echo"] = $"key={q.GetValueOrDefault("api_key")} gateway=top-secret-header";
            return answer;
        });
        var settings = new ProbeSettings
        {
            Credentials = new ProbeCredentials([], new("api_key", "s3cret/value+1")),
            Headers = [new("X-Gateway", "top-secret-header")],
        };
        var result = await RunAsync(server.Url, settings);
        foreach (var reporter in Conformance.Reports.ReportWriter.All)
        {
            var text = new StringWriter().Apply(w => reporter.Write(result, w)).ToString();
            Assert.That(text, Does.Not.Contain("s3cret").And.Not.Contain("top-secret-header"), reporter.FileName);
        }
    }

    [Test]
    public void Ids_are_read_from_the_field_named_like_the_path_parameter()
    {
        var records = new[]
        {
            System.Text.Json.Nodes.JsonNode.Parse("""{"id": 7, "username": "ann", "pet_id": "p1"}""")!.AsObject(),
        };
        Assert.Multiple(() =>
        {
            Assert.That(AnswerRecords.IdsFor(records, "username"), Is.EqualTo(new[] { "ann" }));
            Assert.That(AnswerRecords.IdsFor(records, "petId"), Is.EqualTo(new[] { "p1" }));
            Assert.That(AnswerRecords.IdsFor(records, "id"), Is.EqualTo(new[] { "7" }));
            Assert.That(AnswerRecords.IdsFor(records, "colour"), Is.Empty, "no field named like it: no guess");
        });
    }

    [Test]
    public async Task Requests_are_spaced_to_the_configured_rate()
    {
        using var server = StartReference();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await RunAsync(server.Url, new ProbeSettings { RequestsPerSecond = 20 });
        clock.Stop();
        // 39 requests at 20 a second cannot take less than 1.9 seconds (an upper bound would be a timing test).
        Assert.That(result.RequestsSent, Is.EqualTo(39));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.85)));
    }

    private sealed class Progress(Action<RunProgress> onReport) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => onReport(value);
    }

    /// <summary>An ORUK feed with its discovery document and no records at all.</summary>
    private static ReferenceServer StartEmptyFeed() => ReferenceServer.Start(new Conformance.Reference.OpenReferralService(new ReferenceData
    {
        Root = System.Text.Json.Nodes.JsonNode.Parse("""{"version": "HSDS-UK-3.0", "profile": "https://example.org/p", "openapi_url": "https://example.org/o.json"}""")!.AsObject(),
        Services = [], Taxonomies = [], TaxonomyTerms = [],
    }).Handle);

    private static ReferenceServer StartReference() =>
        ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), "oruk-3.0");

    private static async Task<RunResult> RunAsync(string url, ProbeSettings probeSettings)
    {
        using var probe = new Probe(probeSettings);
        return await new Runner(probe, new RunOptions()).RunAsync(Fixtures.Spec, Fixtures.Profile, new Uri(url));
    }
}
