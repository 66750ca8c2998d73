using System.ComponentModel;
using Conformance.Checks;
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
        [CommandOption("--standard <ID>"), Description("Standard to describe, e.g. oruk-3.0.")]
        public string? Standard { get; init; }

        public override ValidationResult Validate() =>
            Standard is null ? ValidationResult.Error("--standard is required (see 'conformance standards').") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var profile = ConformanceRun.DefaultCatalogue().Load(settings.Standard!);
        AnsiConsole.MarkupLineInterpolated($"[bold]{profile.Name} {profile.Version}[/] ({profile.Id})");
        AnsiConsole.MarkupLineInterpolated($"spec: {profile.Spec.Published}");
        AnsiConsole.MarkupLineInterpolated($"transcribed from: {profile.Spec.Upstream}");
        AnsiConsole.MarkupLineInterpolated($"required endpoints: {string.Join(" ", profile.Endpoints.Required)}");
        AnsiConsole.MarkupLineInterpolated($"optional endpoints: {string.Join(" ", profile.Endpoints.Optional)}");

        var titles = CheckCatalogue.All.ToDictionary(c => c.Id, c => c.Title);
        var table = new Table().AddColumns("clause", "level", "statement", "source", "verified by");
        foreach (var clause in profile.Clauses)
            table.AddRow(Markup.Escape(clause.Id), clause.Level.ToString().ToUpperInvariant(), Markup.Escape(clause.Statement),
                Markup.Escape(clause.Source),
                clause.IsManual ? "[yellow]manual[/]" : Markup.Escape(string.Join("\n", clause.Checks.Select(c => $"{c} ({titles[c]})"))));
        AnsiConsole.Write(table);

        foreach (var filter in profile.Filters)
            AnsiConsole.MarkupLineInterpolated($"filter {filter.Parameter} on {string.Join(", ", filter.Endpoints)}: {filter.Meaning}{(filter.Field is null ? "" : $" (field {filter.FieldName})")}");
        foreach (var erratum in profile.Errata)
            AnsiConsole.MarkupLineInterpolated($"erratum {erratum.Id}: {erratum.Title}. {erratum.Reason} (source: {erratum.Source})");
        var automated = profile.Clauses.Count(c => !c.IsManual);
        AnsiConsole.MarkupLineInterpolated($"{automated} of {profile.Clauses.Count} clauses are checked automatically; {profile.Clauses.Count - automated} need a manual check.");
        return ExitCodes.Pass;
    }
}
