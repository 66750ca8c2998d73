using Conformance.Running;
using Spectre.Console.Cli;

namespace Conformance.Cli.Commands;

/// <summary>conformance standards: what is installed, from standards/ID/profile.yaml.</summary>
public sealed class StandardsCommand : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        var catalogue = ConformanceRun.DefaultCatalogue();
        var table = new ConsoleTable("id", "standard", "required endpoints", "clauses", "errata") { HeadingColumns = 2 };
        foreach (var id in catalogue.Ids)
        {
            var profile = catalogue.Load(id);
            table.Row(ConsoleText.Of($"{id}"), ConsoleText.Of($"{profile.Name} {profile.Version}"),
                ConsoleText.Of($"{string.Join(" ", profile.Endpoints.Required)}"), ConsoleText.Of($"{profile.Clauses.Count}"), ConsoleText.Of($"{profile.Errata.Count}"));
        }
        Terminal.Out.Write(table);
        Terminal.Out.Line($"[grey]from {catalogue.Root}[/]");
        return ExitCodes.Pass;
    }
}
