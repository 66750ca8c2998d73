using Conformance.Cli;
using Conformance.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

// Logs are read in wide windows: do not wrap tables at 80 columns when output goes to a file or CI.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;

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
    config.AddCommand<StandardsCommand>("standards").WithDescription("List the installed standards.");
    config.AddCommand<ServeCommand>("serve").WithDescription("Serve a standard's reference implementation on 127.0.0.1.");
});

try
{
    return await app.RunAsync(args);
}
catch (Exception e) when (ExitCodes.IsUsageError(e))
{
    AnsiConsole.MarkupLineInterpolated($"[red]Error:[/] {ExitCodes.Describe(e)}");
    return ExitCodes.Usage;
}
