using System.ComponentModel;
using Conformance.Checks;
using Conformance.Clients;
using Conformance.Standards;
using Conformance.Running;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary>
/// conformance describe: the traceability matrix of a standard. Every clause with the checks that verify
/// it; clauses nothing automates are listed as manual, not hidden.
/// </summary>
public sealed class DescribeCommand : Command<DescribeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[STANDARD]"), Description("Standard to describe, e.g. oruk-3.0 (or give it with --standard).")]
        public string? Named { get; init; }

        [CommandOption("--standard <ID>"), Description("Standard to describe, e.g. oruk-3.0.")]
        public string? Option { get; init; }

        /// <summary>The standard, given either way: `describe oruk-3.0` or `describe --standard oruk-3.0`.</summary>
        public string? Standard => Named ?? Option;

        public override ValidationResult Validate() =>
            Standard is null ? ValidationResult.Error("Name the standard: conformance describe oruk-3.0 (see 'conformance standards').")
            : Named is not null && Option is not null && Named != Option ? ValidationResult.Error($"Two standards named: '{Named}' and --standard '{Option}'; give one.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var say = Terminal.Out;
        var profile = ConformanceRun.DefaultCatalogue().Load(settings.Standard!);
        say.Line($"[bold]{profile.Name} {profile.Version}[/] ({profile.Id})");
        say.Line($"spec: {profile.Spec.Published}");
        say.Line($"transcribed from: {profile.Spec.Upstream}");
        say.Line($"required endpoints: {string.Join(" ", profile.Endpoints.Required)}");
        say.Line($"optional endpoints: {string.Join(" ", profile.Endpoints.Optional)}");

        var titles = CheckCatalogue.All.Select(c => (c.Id, c.Title)).Concat(ClientCheckCatalogue.All.Select(c => (c.Id, c.Title))).ToDictionary(c => c.Id, c => c.Title);
        var table = new ConsoleTable("clause", "level", "statement", "source", "verified by") { HeadingColumns = 2 };
        foreach (var clause in profile.Clauses)
            table.Row(ConsoleText.Of($"{clause.Id}{(clause.Side == Side.Client ? " (client)" : "")}"), ConsoleText.Of($"{clause.Level.ToString().ToUpperInvariant()}"), ConsoleText.Of($"{clause.Statement}"),
                ConsoleText.Of($"{clause.Source}"),
                clause.IsManual ? ConsoleText.Of($"[yellow]manual[/]") : ConsoleText.Lines(clause.Checks.Select(c => ConsoleText.Of($"{c} ({titles[c]})"))));
        say.Write(table);

        foreach (var filter in profile.Filters)
            say.Line($"filter {filter.Parameter} on {string.Join(", ", filter.Endpoints)}: {filter.Meaning}{(filter.Field is null ? "" : $" (field {filter.FieldName})")}");
        foreach (var erratum in profile.Errata)
            say.Line($"erratum {erratum.Id}: {erratum.Title}. {erratum.Reason} (source: {erratum.Source})");
        foreach (var scenario in ScenarioLoader.Names(profile))
            say.Line($"client scenario {scenario} (conformance stand-in --standard {profile.Id} --scenario {scenario})");
        var automated = profile.Clauses.Count(c => !c.IsManual);
        say.Line($"{automated} of {profile.Clauses.Count} clauses are checked automatically; {profile.Clauses.Count - automated} need a manual check.");
        return ExitCodes.Pass;
    }
}
