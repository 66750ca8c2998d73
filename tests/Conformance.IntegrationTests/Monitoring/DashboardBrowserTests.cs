using Conformance.Door;
using Conformance.Monitoring;
using Conformance.Running;
using Microsoft.Playwright;

namespace Conformance.IntegrationTests.Monitoring;

/// <summary>The dashboard opened in headless Chromium: every row is there, its links resolve, nothing is fetched from elsewhere, no console error.</summary>
public class DashboardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public async Task The_dashboard_shows_every_supplier_and_its_links_resolve()
    {
        if (!File.Exists(Chromium)) Assert.Ignore($"{Chromium} is absent (Debian's chromium package): the dashboard is not opened in a browser here.");
        var dir = Cli.TempDir();
        var profiles = Path.Combine(dir, "profiles");
        Suppliers.Profile(profiles, "council-clean", "oruk-3.0", Suppliers.Url("oruk-3.0"));
        Suppliers.Profile(profiles, "council-no-cors", "oruk-3.0", Suppliers.Url("missing-cors"));
        File.WriteAllText(Path.Combine(profiles, "council-broken-profile.yaml"), "vendor: X\nproduct: Y\nstandard: oruk-3.0\n"); // no URL: nothing written
        var outDir = Path.Combine(dir, "out");
        await MonitorSession.RunAsync(new MonitorSession.Settings
        {
            Targets = TargetList.Resolve(profiles), OutDir = outDir, HistoryPath = Path.Combine(dir, "history.db"),
            Options = new MonitorOptions { Door = new RunDoor { Catalogue = ConformanceRun.DefaultCatalogue() } },
        });

        using var site = new StaticSite(outDir);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        var requested = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);
        page.Request += (_, request) => requested.Add(request.Url);

        var response = await page.GotoAsync(site.Url + "/dashboard/index.html");
        Assert.That(response?.Status, Is.EqualTo(200));
        var rows = await page.Locator("tr[data-target]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.target)");
        Assert.That(rows, Is.EqualTo(new[] { "council-no-cors", "council-broken-profile", "council-clean" }), "the worst first: a failure, no verdict, a pass");
        Assert.That(await page.Locator("tr[data-target='council-no-cors'] .verdict").InnerTextAsync(), Is.EqualTo("fail"));
        Assert.That(await page.Locator("tr[data-target='council-no-cors']").InnerTextAsync(), Does.Contain("ORUK-3.0/").And.Contain("of 9 reads"));

        var links = await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.That(links, Has.Length.EqualTo(2), "one per supplier with a report; the broken profile wrote none");
        foreach (var link in links)
        {
            var answer = await page.APIRequest.GetAsync(link);
            Assert.That(answer.Status, Is.EqualTo(200), link);
        }
        await page.Locator("tr[data-target='council-clean'] a").ClickAsync();
        Assert.That(page.Url, Does.EndWith("/targets/council-clean/" + Path.GetFileName(new Uri(links[0]).AbsolutePath)));

        Assert.That(requested.Where(u => !u.StartsWith(site.Url, StringComparison.Ordinal)), Is.Empty, "the page fetches nothing from anywhere else");
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public async Task Over_two_nights_it_says_what_changed_worst_first_and_fits_a_laptop_and_a_phone()
    {
        if (!File.Exists(Chromium)) Assert.Ignore($"{Chromium} is absent (Debian's chromium package): the dashboard is not opened in a browser here.");
        var dir = Cli.TempDir();
        var profiles = Path.Combine(dir, "profiles");
        var history = Path.Combine(dir, "history.db");
        async Task Night(string name, string worseningUrl)
        {
            Suppliers.Profile(profiles, "council-getting-worse-with-a-long-supplier-name", "oruk-3.0", worseningUrl);
            Suppliers.Profile(profiles, "council-steady", "oruk-3.0", Suppliers.Url("oruk-3.0"));
            Suppliers.Profile(profiles, "council-down", "oruk-3.0", "http://127.0.0.1:9");
            await MonitorSession.RunAsync(new MonitorSession.Settings
            {
                Targets = TargetList.Resolve(profiles), OutDir = Path.Combine(dir, name), HistoryPath = history,
                Options = new MonitorOptions { Door = new RunDoor { Catalogue = ConformanceRun.DefaultCatalogue() } },
            });
        }
        await Night("night1", Suppliers.Url("oruk-3.0"));
        await Night("night2", Suppliers.Url("missing-cors"));

        using var site = new StaticSite(Path.Combine(dir, "night2"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
            await page.GotoAsync(site.Url + "/dashboard/index.html");
            var rows = await page.Locator("tr[data-target]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.target)");
            Assert.That(rows, Is.EqualTo(new[] { "council-getting-worse-with-a-long-supplier-name", "council-down", "council-steady" }));
            string Changed(string target) => $"tr[data-target='{target}'] td.changed";
            Assert.That(await page.Locator(Changed("council-getting-worse-with-a-long-supplier-name")).InnerTextAsync(),
                Does.Contain("new failures (was pass)").And.Contain("ORUK-3.0/cors"));
            Assert.That(await page.Locator(Changed("council-down")).InnerTextAsync(), Does.StartWith("still down"));
            Assert.That(await page.Locator(Changed("council-steady")).InnerTextAsync(), Is.EqualTo("no change"));
            Assert.That(await page.Locator(".legend").InnerTextAsync(), Does.Contain("pass").And.Contain("fail").And.Contain("error"));
            Assert.That(await page.Locator("header.banner").IsVisibleAsync(), Is.True, "report.html's header bar");
            var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.That(widths[0], Is.LessThanOrEqualTo(widths[1]), $"at {width} px the page is {widths[0]} px wide");
            // A clause id is never broken: each sits on one line.
            var broken = await page.Locator("code.clause").EvaluateAllAsync<string[]>(
                "codes => codes.filter(c => c.getClientRects().length > 1 || c.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(c).lineHeight || '20')).map(c => c.textContent)");
            Assert.That(broken, Is.Empty, $"clause ids broken at {width} px");
            await page.CloseAsync();
        }
    }
}
