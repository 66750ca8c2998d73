using Conformance.Cli.Commands;
using Conformance.Cli;
using Spectre.Console.Cli;
using Spectre.Console;

// A spec's pattern is run against a server's text: a catastrophic pattern must time out, not hang the run. Every
// regular expression made without a timeout of its own gets this one (it must be set before the first is made).
AppDomain.CurrentDomain.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(2));

// Output to a file or a CI log is not wrapped: a finding stays on one line, whole, for grep.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 1000;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("conformance");
    config.PropagateExceptions();
    config.UseStrictParsing();
    config.AddCommand<RunCommand>("run")
        .WithDescription("Test an API against a standard and write a verdict with evidence.")
        .WithExample("run", "--standard", "oruk-3.0", "--url", "https://api.example.org")
        .WithExample("run", "--standard", "oruk-3.0", "--reference");
    config.AddCommand<DriftCommand>("drift")
        .WithDescription("Compare a supplier's own OpenAPI document with the standard's: what would break a client of the standard.")
        .WithExample("drift", "--standard", "oruk-3.0", "--spec", "supplier-openapi.json")
        .WithExample("drift", "--standard", "oruk-3.0", "--url", "https://api.example.org");
    config.AddCommand<StandardsCommand>("standards").WithDescription("List the installed standards.");
    config.AddCommand<DescribeCommand>("describe").WithDescription("Show a standard's clauses and the checks that verify each.");
    config.AddCommand<ServeCommand>("serve").WithDescription("Serve a standard's reference implementation on 127.0.0.1, with defects if asked.")
        .WithExample("serve", "--standard", "oruk-3.0", "--defect", "missing-cors");
    config.AddCommand<StandInCommand>("stand-in").WithDescription("Stand in for a standard's server and judge the client that talks to it (a supplier's client).")
        .WithExample("stand-in", "--standard", "open311-georeport-v2", "--ready-file", "standin.json")
        .WithExample("stand-in", "--standard", "open311-georeport-v2", "--scenario", "report-a-problem-under-load", "--until-idle", "10");
    config.AddCommand<KeygenCommand>("keygen").WithDescription("Make an ECDSA P-256 key pair for signing certificates.")
        .WithExample("keygen", "--out", "keys");
    config.AddCommand<VerifyCommand>("verify").WithDescription("Check a certificate offline: signature, expiry and (--report) the report it certifies.")
        .WithExample("verify", "reports/certificate.json", "--key", "keys/signing-key.pub.pem", "--report", "reports/report.json");
    config.AddCommand<DefectsCommand>("defects").WithDescription("List the defect catalogue, or (--matrix) prove each defect is caught by its check.");
    config.AddCommand<MonitorCommand>("monitor").WithDescription("Test many vendor profiles at once, record them in history, and write a supplier dashboard.")
        .WithExample("monitor", "--profiles", "vendor-profiles/*.yaml", "--out", "nightly");
    config.AddCommand<HistoryCommand>("history").WithDescription("List the runs the monitor has recorded.");
    config.AddCommand<DiffCommand>("diff").WithDescription("Show what changed between two recorded runs (default: each target's last two).");
    config.AddCommand<MergeCommand>("merge").WithDescription("Join the output folders of monitor shards into one dashboard and one history.");
});

try
{
    return await app.RunAsync(args);
}
catch (Exception e) when (ExitCodes.IsUsageError(e))
{
    Terminal.Out.Line($"[red]Error:[/] {ExitCodes.Describe(e)}");
    return ExitCodes.Usage;
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // Never a stack trace, never an abort (exit 134) that loses what was found: the harness's own failure, said in one line.
    Terminal.Out.Line($"[red]Error:[/] the harness failed: {e.GetType().Name}: {e.Message}");
    return ExitCodes.CouldNotTest;
}
