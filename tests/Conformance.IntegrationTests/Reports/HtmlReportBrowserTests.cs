using System.Text;
using Conformance.Http;
using Conformance.Reference;
using Conformance.Reference.Defects;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Specs;
using Conformance.Standards;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Conformance.IntegrationTests.Reports;

/// <summary>
/// report.html as a reader meets it, in headless Chromium opened from a file: it says the verdict, loads nothing, logs
/// no error, opens evidence with the keyboard, prints with evidence open, runs nothing a server sent, and axe finds no
/// serious or critical accessibility violation. With CONFORMANCE_REPORT_SCREENSHOT set to a path, the failing run's
/// report is also saved there as a picture (docs/report-failing.png is made so).
/// </summary>
[NonParallelizable]
public class HtmlReportBrowserTests
{
    private const string FailingDefect = "status-outside-enum";

    private static readonly Lazy<Task<string>> Passing = new(() => ReportOfAsync(null));
    private static readonly Lazy<Task<string>> Failing = new(() => ReportOfAsync(FailingDefect));

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    [OneTimeSetUp]
    public async Task StartBrowser() => (_playwright, _browser) = await Chromium.LaunchAsync();

    [OneTimeTearDown]
    public async Task StopBrowser()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    [Test]
    public async Task A_passing_reference_run_says_it_conforms_and_loads_nothing()
    {
        await using var opened = await OpenAsync(await Passing.Value);
        Assert.That(await opened.Page.Locator("#verdict h2").InnerTextAsync(), Is.EqualTo("Conforms to Open Referral UK 3.0"));
        Assert.That(await opened.Page.TitleAsync(), Does.StartWith("Pass:"));
        opened.AssertClean();
        await AssertAccessibleAsync(opened.Page);
    }

    [Test]
    public async Task A_reference_run_says_first_that_it_is_a_demonstration()
    {
        await using var opened = await OpenAsync(await Passing.Value);
        var notice = opened.Page.Locator("#demonstration");
        Assert.That(await notice.IsVisibleAsync(), Is.True);
        Assert.That(await notice.InnerTextAsync(), Does.StartWith("A demonstration:").And.Contain("not a supplier's product"));
        Assert.That(await opened.Page.EvaluateAsync<bool>("document.getElementById('demonstration').compareDocumentPosition(document.getElementById('verdict')) & Node.DOCUMENT_POSITION_FOLLOWING"),
            Is.True, "said before the verdict");
        Assert.That(await opened.Page.TitleAsync(), Does.EndWith("(a demonstration)"));
    }

    [Test]
    public async Task The_headline_names_the_supplier()
    {
        await using var opened = await OpenAsync(await Failing.Value);
        Assert.That(await opened.Page.Locator("h1 #supplier").InnerTextAsync(), Is.EqualTo("ServiceFinder 4 by Harbourside Digital"));
        Assert.That(await opened.Page.TitleAsync(), Does.Contain("ServiceFinder 4 by Harbourside Digital"));
        Assert.That(await opened.Page.Locator("#demonstration").CountAsync(), Is.Zero, "a supplier's run is no demonstration");
    }

    [TestCase("passing", 1280)]
    [TestCase("passing", 390)]
    [TestCase("failing", 1280)]
    [TestCase("failing", 390)]
    [TestCase("worst", 1280)]
    [TestCase("worst", 390)]
    public async Task Nothing_overflows_sideways_every_table_wraps(string run, int width)
    {
        var path = run switch { "passing" => await Passing.Value, "failing" => await Failing.Value, _ => WorstCase() };
        await using var opened = await OpenAsync(path, width);
        var page = opened.Page;
        await page.EvaluateAsync("document.querySelectorAll('details').forEach(d => d.open = true)"); // the evidence too
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        Assert.That(scroll, Is.LessThanOrEqualTo(client), $"the page is {scroll} px wide in a {client} px window");
        var wide = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('table, pre, code, h1, p, dd')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline')
              .map(e => e.tagName + ': ' + e.textContent.slice(0, 80))
            """);
        Assert.That(wide, Is.Empty, "elements wider than the window, or than themselves");
        if (width < 640)
            Assert.That(await page.Locator("#rules ~ table td[data-label]").First.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"),
                Does.Contain(":"), "on a phone each cell is labelled with its column");
    }

    [Test]
    public async Task A_failing_run_says_it_does_not_conform_and_what_to_fix_first()
    {
        await using var opened = await OpenAsync(await Failing.Value);
        var page = opened.Page;
        Assert.That(await page.Locator("#verdict h2").InnerTextAsync(), Is.EqualTo("Does not conform to Open Referral UK 3.0"));
        var fix = page.Locator(".fix");
        Assert.That(await fix.CountAsync(), Is.EqualTo(1), "one rule broken: the schema");
        Assert.That(await fix.InnerTextAsync(), Does.Contain("ORUK-3.0/schema").And.Contain("\"retired\""), "the rule and one example value");
        opened.AssertClean();
        await AssertAccessibleAsync(page);

        if (Environment.GetEnvironmentVariable("CONFORMANCE_REPORT_SCREENSHOT") is { Length: > 0 } picture)
        {
            // The top of the report, from the verdict to the end of the table of rules.
            var end = await page.Locator("#rules ~ table").First.EvaluateAsync<float>("t => t.getBoundingClientRect().bottom + window.scrollY");
            await page.ScreenshotAsync(new() { Path = picture, FullPage = true, Clip = new() { X = 0, Y = 0, Width = 1024, Height = end + 30 } });
        }
    }

    [Test]
    public async Task A_findings_evidence_opens_with_the_keyboard()
    {
        await using var opened = await OpenAsync(await Failing.Value);
        var page = opened.Page;
        // Tab from the top of the page to the first disclosure, as a keyboard user would.
        for (var presses = 0; presses < 200 && await page.EvaluateAsync<string>("document.activeElement.tagName") != "SUMMARY"; presses++)
            await page.Keyboard.PressAsync("Tab");
        Assert.That(await page.EvaluateAsync<string>("document.activeElement.tagName"), Is.EqualTo("SUMMARY"), "no disclosure could be reached with Tab");
        Assert.That(await page.Locator("details:has(summary:focus) .evidence").IsVisibleAsync(), Is.False, "evidence starts closed");
        await page.Keyboard.PressAsync("Enter");
        Assert.That(await page.Locator("details[open]").CountAsync(), Is.EqualTo(1));
        var evidence = page.Locator("details[open]:has(summary:focus) .evidence");
        Assert.That(await evidence.IsVisibleAsync(), Is.True, "Enter opens the evidence");
        evidence = page.Locator("details[open] .evidence"); // the focus moves on
        Assert.That(await evidence.InnerTextAsync(), Does.Contain("curl -i").And.Contain("Response headers"));
        var copy = evidence.Locator("button[data-copy]");
        Assert.That(await copy.IsVisibleAsync(), Is.True, "the script shows the copy button");
        await copy.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(evidence.Locator("[role=status]")).ToHaveTextAsync("Copied.");
        Assert.That(await page.EvaluateAsync<string>("navigator.clipboard.readText()"), Is.EqualTo(await evidence.Locator("pre[id^=curl-]").InnerTextAsync()));
        opened.AssertClean();
    }

    [Test]
    public async Task Printing_opens_every_disclosure()
    {
        await using var opened = await OpenAsync(await Failing.Value);
        await opened.Page.EmulateMediaAsync(new() { Media = Media.Print });
        var evidence = opened.Page.Locator(".evidence");
        Assert.That(await evidence.CountAsync(), Is.GreaterThan(1));
        for (var i = 0; i < await evidence.CountAsync(); i++)
            Assert.That(await evidence.Nth(i).IsVisibleAsync(), Is.True, $"evidence {i + 1} is hidden in print");
    }

    [Test]
    public async Task A_body_holding_markup_is_shown_and_never_run()
    {
        const string hostile = "<script>document.title = 'ran'</script><img src=x onerror=\"document.title = 'ran'\"><a href=\"http://example.test/\">link</a>";
        var exchange = new Exchange
        {
            Operation = "GET /services", Purpose = "page 1 <b>bold</b>", Method = "GET", Url = "http://vendor.test/services?q=<script>",
            RequestHeaders = [new("Accept", "application/json")], Status = 500, Body = Encoding.UTF8.GetBytes(hostile), ContentType = "text/html",
            ResponseHeaders = [new("X-Note", "<script>document.title = 'ran'</script>")],
        };
        var result = new RunResult
        {
            StandardId = "oruk-3.0", StandardName = "Open Referral UK 3.0", Target = "http://vendor.test/", SpecLocation = "spec.json", SpecDigest = "00",
            StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, Diagnostics = [], ManualClauses = [], RequestsSent = 1,
            Results = [new CheckResult("no-server-error", "ORUK-3.0/endpoints", Level.Must, "GET /services", Tier.Required, Outcome.Fail, hostile, [hostile], exchange)],
        };
        var path = Path.Combine(Cli.TempDir(), "report.html");
        using (var writer = new StreamWriter(path)) new HtmlReport().Write(result, writer);

        await using var opened = await OpenAsync(path);
        var page = opened.Page;
        await page.Locator("details summary").First.ClickAsync();
        Assert.That(await page.TitleAsync(), Does.Not.Contain("ran"));
        Assert.That(await page.Locator("main script, main img, main a[href^='http']").CountAsync(), Is.Zero, "markup from the server became elements");
        Assert.That(await page.Locator(".evidence pre").AllInnerTextsAsync(), Has.Some.Contain(hostile), "the body is shown as it came");
        opened.AssertClean();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.That(serious, Is.Empty, string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
    }

    private Task<OpenedReport> OpenAsync(string path, int width = 1024) => OpenedReport.OpenAsync(_browser!, path, width);

    /// <summary>
    /// A report with everything long that a real run can hold: a spec's JSON Pointers in "Problems with the specification"
    /// (the overflow once seen at 1280 px), a long URL as the target and in evidence, long unbroken values in findings.
    /// </summary>
    private static string WorstCase()
    {
        var pointer = "/paths/~1service_at_locations~1{id}/get/responses/200/content/application~1json/schema/properties/service/allOf/0/$ref";
        var url = "http://vendor.test/api/v3/services?page=2&per_page=50&taxonomy_term_id=bfa2ef4c-408e-535e-940b-7fa64da2e9c7&modified_after=2030-01-01T00:00:00Z";
        var token = string.Concat(Enumerable.Repeat("0123456789abcdef", 16));
        var exchange = new Exchange
        {
            Operation = "GET /service_at_locations/{id}", Purpose = "page 1", Method = "GET", Url = url, RequestHeaders = [new("Accept", "application/json")],
            Status = 200, Body = Encoding.UTF8.GetBytes($"{{\"id\": \"{token}\"}}"), ContentType = "application/json",
        };
        var result = new RunResult
        {
            StandardId = "oruk-3.0", StandardName = "Open Referral UK 3.0", Target = url, SpecLocation = "file:///" + string.Join('/', Enumerable.Repeat("very-long-folder-name", 8)) + "/openapi.json",
            SpecDigest = new string('a', 64), StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch, RequestsSent = 1, Exchanges = [exchange],
            Diagnostics = [new SpecDiagnostic(SpecDiagnostic.Reference, pointer, $"the $ref {pointer} cannot be resolved: {token}")],
            ManualClauses = [new Clause { Id = "ORUK-3.0/service-organization", Level = Level.Must, Statement = token, Source = "s" }],
            Results = [new CheckResult("response-schema", "ORUK-3.0/service-organization", Level.Must, "GET /service_at_locations/{id}", Tier.Required, Outcome.Fail,
                $"id must be a uuid; found \"{token}\"", [$"page 1: at {pointer}: {token}"], exchange)],
            Coverage = [new OperationCoverage("GET /service_at_locations/{id}", Tier.Required, 1, 1, 1, 1, $"no record was looked up: {token}")],
        };
        var path = Path.Combine(Cli.TempDir(), "report.html");
        using (var writer = new StreamWriter(path)) new HtmlReport().Write(result, writer);
        return path;
    }

    /// <summary>One report open in its own browser context, with everything it asked for and every error it logged.</summary>
    private sealed class OpenedReport(IBrowserContext context, IPage page, string address) : IAsyncDisposable
    {
        private readonly List<string> _requests = [];
        private readonly List<string> _errors = [];

        public IPage Page { get; } = page;

        public static async Task<OpenedReport> OpenAsync(IBrowser browser, string path, int width = 1024)
        {
            var context = await browser.NewContextAsync(new()
            {
                ViewportSize = new() { Width = width, Height = 900 },
                Permissions = ["clipboard-read", "clipboard-write"],
            });
            var address = new Uri(path).AbsoluteUri;
            var opened = new OpenedReport(context, await context.NewPageAsync(), address);
            // Anything the page asks for is recorded, and whatever is not the report itself is refused.
            context.Request += (_, request) => { lock (opened._requests) opened._requests.Add(request.Url); };
            await context.RouteAsync("**/*", route => route.Request.Url == address ? route.ContinueAsync() : route.AbortAsync());
            opened.Page.Console += (_, message) => { if (message.Type is "error" or "warning") lock (opened._errors) opened._errors.Add(message.Text); };
            opened.Page.PageError += (_, error) => { lock (opened._errors) opened._errors.Add(error); };
            await opened.Page.GotoAsync(address);
            return opened;
        }

        public void AssertClean()
        {
            lock (_requests) Assert.That(_requests, Is.EqualTo(new[] { address }), "the report asked for something besides itself");
            lock (_errors) Assert.That(_errors, Is.Empty, "the console showed errors");
        }

        public ValueTask DisposeAsync() => new(context.CloseAsync());
    }

    /// <summary>The ORUK 3.0 reference run, clean or with one defect of the catalogue, written as report.html.</summary>
    private static async Task<string> ReportOfAsync(string? defect)
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        using var server = ReferenceImplementations.Start(catalogue, "oruk-3.0", defects: defect is null ? [] : [DefectCatalogue.Find(defect)]);
        // The clean run as the demo makes it (a demonstration); the failing one as a supplier's, named by its profile.
        var request = defect is null
            ? RunRequest.From(null, new RunOverrides { Standard = "oruk-3.0", Reference = true, TimeoutSeconds = 10 }, new Uri(server.Url))
            : new RunRequest
            {
                StandardId = "oruk-3.0", Target = new Uri(server.Url), Environment = Vendors.TargetEnvironment.Test,
                Probe = new ProbeSettings { Timeout = TimeSpan.FromSeconds(10) }, Supplier = new Supplier("Harbourside Digital", "ServiceFinder 4", Demonstration: false),
            };
        var result = await ConformanceRun.ExecuteAsync(request, catalogue);
        Assert.That(result.Verdict, Is.EqualTo(defect is null ? Verdict.Pass : Verdict.Fail), "the run the report is made of");
        var path = Path.Combine(Cli.TempDir(), "report.html");
        await using (var writer = new StreamWriter(path)) new HtmlReport().Write(result, writer);
        return path;
    }
}
