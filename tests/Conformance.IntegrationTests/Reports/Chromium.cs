using Microsoft.Playwright;

namespace Conformance.IntegrationTests.Reports;

/// <summary>
/// Debian's Chromium (apt-get install chromium; .ci/run installs it), driven by Playwright. Playwright never downloads
/// a browser here: it is given this one. Where there is none, a browser test is skipped with that reason.
/// </summary>
public static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <summary>The flags a sandboxed machine with no outside network needs: no sandbox, GPU, QUIC or background calls home.</summary>
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static string? Executable { get; } = Candidates.FirstOrDefault(File.Exists);

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (Executable is null)
            Assert.Ignore($"Chromium was not found at {string.Join(" or ", Candidates)}: install Debian's chromium (apt-get install chromium; .ci/run does) to run the browser tests.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Executable, Headless = true, Args = Flags });
        return (playwright, browser);
    }
}
