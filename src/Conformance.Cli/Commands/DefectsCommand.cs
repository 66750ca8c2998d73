using System.ComponentModel;
using Conformance.Reference.Defects;
using Conformance.Reference;
using Conformance.Running;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary>conformance defects: the catalogue of defects and traps, and (--matrix) the proof that each is judged right.</summary>
public sealed class DefectsCommand : AsyncCommand<DefectsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--standard <ID>"), Description("Only this standard's defects.")]
        public string? Standard { get; init; }

        [CommandOption("--matrix"), Description("Run the harness against every defect, and every client against its stand-in, and show how each was judged.")]
        public bool Matrix { get; init; }

        [CommandOption("--out <FILE>"), Description("With --matrix: also write it as Markdown to FILE (e.g. docs/defect-matrix.md).")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Out is not null && !Matrix ? ValidationResult.Error("--out goes with --matrix.")
            : Standard is not null && !ReferenceImplementations.Standards.Contains(Standard)
                ? ValidationResult.Error($"No defects for '{Standard}' (standards with a reference implementation: {string.Join(", ", ReferenceImplementations.Standards)}).")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var say = Terminal.Out;
        var catalogue = ConformanceRun.DefaultCatalogue();
        if (!settings.Matrix)
        {
            var table = new ConsoleTable("defect", "standard", "what it breaks", "caught by", "clause") { HeadingColumns = 2 };
            foreach (var defect in DefectCatalogue.All.Where(d => settings.Standard is null || d.Standard == settings.Standard))
                table.Row(ConsoleText.Of($"{defect.Name}"), ConsoleText.Of($"{defect.Standard}"), ConsoleText.Of($"{defect.Breaks}"),
                    defect.IsTrap ? ConsoleText.Of($"[grey](trap: must pass)[/]") : ConsoleText.Of($"{defect.Check} ({defect.Expected.ToString().ToLowerInvariant()})"),
                    defect.IsTrap ? ConsoleText.Of($"") : ConsoleText.Of($"{catalogue.Load(defect.Standard).ClauseFor(defect.Check!)?.Id ?? "(not cited)"}"));
            say.Write(table);
            var listed = new ConsoleTable("client", "standard", "scenario", "what it does", "caught by", "verdict");
            foreach (var client in ClientDefects.All.Where(d => settings.Standard is null || d.Standard == settings.Standard))
                listed.Row(ConsoleText.Of($"{client.Name}"), ConsoleText.Of($"{client.Standard}"), ConsoleText.Of($"{client.Scenario}"), ConsoleText.Of($"{client.Breaks}"),
                    client.MustPass ? ConsoleText.Of($"[grey](conforming: must pass)[/]") : ConsoleText.Of($"{client.Check} ({client.Expected.ToString().ToLowerInvariant()})"),
                    ConsoleText.Of($"{client.Verdict}"));
            if (listed.Rows > 0) say.Write(listed);
            return ExitCodes.Pass;
        }

        var rows = await DefectMatrix.RunAsync(catalogue, progress: new Progress<string>(p => say.Line($"[grey]{p}[/]")),
            cancel: cancellationToken, standards: settings.Standard is null ? null : [settings.Standard]);
        foreach (var row in rows)
            say.Line($"{(row.Holds ? ConsoleText.Of($"[green]as it must[/]") : ConsoleText.Of($"[red]WRONG[/]"))} {row.Standard} {row.Name}: {row.Verdict}{(row.Holds ? "" : " — " + string.Join("; ", row.Problems))}");
        var clients = await ClientMatrix.RunAsync(catalogue, new Progress<string>(p => say.Line($"[grey]{p}[/]")), cancellationToken,
            settings.Standard is null ? null : [settings.Standard]);
        foreach (var row in clients)
            say.Line($"{(row.Holds ? ConsoleText.Of($"[green]as it must[/]") : ConsoleText.Of($"[red]WRONG[/]"))} {row.Client.Standard} client {row.Client.Name}: {row.Verdict}{(row.Holds ? "" : " — " + string.Join("; ", row.Problems))}");
        if (settings.Out is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, MatrixMarkdown.Write(rows, clients, catalogue), cancellationToken);
            say.Line($"wrote {file}");
        }
        var wrong = rows.Count(r => !r.Holds) + clients.Count(r => !r.Holds);
        var all = rows.Count + clients.Count;
        say.Line($"{all - wrong} of {all} runs judged as they must be.");
        return wrong == 0 ? ExitCodes.Pass : ExitCodes.Fail;
    }
}
