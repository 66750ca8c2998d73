using Conformance.Cli.Commands;
using Conformance.Cli;
using Conformance;
using Spectre.Console.Cli;

// A spec's pattern is run against a server's text: a catastrophic pattern must time out, not hang the run. Every
// regular expression made without a timeout of its own gets this one (it must be set before the first is made).
AppDomain.CurrentDomain.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(2));

// Output that is not a terminal (a CI log, a file) is laid out at 100 columns by the harness, and so is Spectre's help.
var spectre = ConsoleLayout.Configure();

var hints = new UsageHints();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("conformance");
    config.SetApplicationVersion(HarnessInfo.Line); // conformance --version: the version and commit reports record
    config.ConfigureConsole(spectre);
    config.PropagateExceptions();
    config.UseStrictParsing();
    config.ValidateExamples(); // every example --help prints parses, as printed (each start checks them)
    hints.Add<RunCommand>(config, "run")
        .WithDescription("Test an API against a standard and write a verdict with evidence.")
        .WithExample("run", "--standard", "oruk-3.0", "--url", "https://api.example.org")
        .WithExample("run", "--standard", "oruk-3.0", "--reference");
    hints.Add<DriftCommand>(config, "drift")
        .WithDescription("Compare a supplier's own OpenAPI document with the standard's: what would break a client of the standard.")
        .WithExample("drift", "--standard", "oruk-3.0", "--spec", "supplier-openapi.json")
        .WithExample("drift", "--standard", "oruk-3.0", "--url", "https://api.example.org");
    hints.Add<StandardsCommand>(config, "standards").WithDescription("List the installed standards.");
    hints.Add<DescribeCommand>(config, "describe").WithDescription("Show a standard's clauses and the checks that verify each.")
        .WithExample("describe", "oruk-3.0");
    hints.Add<ServeCommand>(config, "serve").WithDescription("Serve a standard's reference implementation on 127.0.0.1, with defects if asked.")
        .WithExample("serve", "--standard", "oruk-3.0", "--defect", "missing-cors");
    hints.Add<StandInCommand>(config, "stand-in").WithDescription("Stand in for a standard's server and judge the client that talks to it (a supplier's client).")
        .WithExample("stand-in", "--standard", "open311-georeport-v2", "--ready-file", "standin.json")
        .WithExample("stand-in", "--standard", "open311-georeport-v2", "--scenario", "report-a-problem-under-load", "--until-idle", "10");
    hints.Add<KeygenCommand>(config, "keygen").WithDescription("Make an ECDSA P-256 key pair for signing certificates.")
        .WithExample("keygen", "--out", "keys");
    hints.Add<VerifyCommand>(config, "verify").WithDescription("Check a certificate offline: signature, expiry and (--report) the report it certifies.")
        .WithExample("verify", "reports/certificate.json", "--key", "keys/signing-key.pub.pem", "--report", "reports/report.json");
    hints.Add<DefectsCommand>(config, "defects").WithDescription("List the defect catalogue, or (--matrix) prove each defect is caught by its check.");
    // The pattern is quoted as a user must type it: unquoted, the shell expands it into many arguments.
    hints.Add<MonitorCommand>(config, "monitor").WithDescription("Test many vendor profiles at once, record them in history, and write a supplier dashboard.")
        .WithExample("monitor", "--profiles", "'vendor-profiles/*.yaml'", "--out", "nightly");
    hints.Add<HistoryCommand>(config, "history").WithDescription("List the runs the monitor has recorded, newest first.");
    hints.Add<DiffCommand>(config, "diff").WithDescription("Show what changed between two recorded runs (default: each target's last two).");
    hints.Add<MergeCommand>(config, "merge").WithDescription("Join the output folders of monitor shards into one dashboard and one history.");
});

try
{
    return await app.RunAsync(args);
}
catch (CommandParseException e)
{
    Terminal.Out.Line($"[red]Error:[/] {hints.Describe(e, args)}");
    return ExitCodes.Usage;
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
