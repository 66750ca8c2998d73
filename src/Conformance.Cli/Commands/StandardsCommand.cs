using Conformance.Running;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary>conformance standards: what is installed, from standards/ID/profile.yaml.</summary>
public sealed class StandardsCommand : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        var table = new Table().AddColumns("id", "standard", "required endpoints", "clauses", "errata");
        foreach (var id in catalogue.Ids)
        {
            var profile = catalogue.Load(id);
            table.AddRow(Markup.Escape(id), Markup.Escape($"{profile.Name} {profile.Version}"),
                Markup.Escape(string.Join(" ", profile.Endpoints.Required)), profile.Clauses.Count.ToString(), profile.Errata.Count.ToString());
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"[grey]from {catalogue.Root}[/]");
        return ExitCodes.Pass;
    }
}
