using System.ComponentModel;
using System.Globalization;
using Conformance.Door;
using Conformance.Drift;
using Conformance.Http;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Specs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Conformance.Cli.Commands;

/// <summary>conformance drift: does the supplier's own OpenAPI document still say what the standard's says?</summary>
public sealed class DriftCommand : AsyncCommand<DriftCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--standard <ID>"), Description("The standard the document claims, e.g. oruk-3.0 (see 'conformance standards').")]
        public string? Standard { get; init; }

        [CommandOption("--spec <FILE_OR_URL>"), Description("The supplier's OpenAPI document.")]
        public string? Spec { get; init; }

        [CommandOption("--url <BASE>"), Description("The API whose / document names its OpenAPI document (openapi_url).")]
        public string? Url { get; init; }

        [CommandOption("--ref-map <PREFIX=DIR>"), Description("Read remote $refs that start with PREFIX from a local folder (repeatable).")]
        public string[] RefMap { get; init; } = [];

        [CommandOption("--allow-remote-refs <HOST>"), Description("Also fetch remote $refs from this host (repeatable).")]
        public string[] AllowRemoteRefs { get; init; } = [];

        [CommandOption("--out <DIR>"), Description("Folder for the reports (default: reports/<timestamp>); with --rules, the Markdown page to update.")]
        public string? Out { get; init; }

        [CommandOption("--format <LIST>"), Description("Reports to write, comma-separated: json, html, md, junit, har (default: all of them).")]
        public string? Format { get; init; }

        [CommandOption("--timeout <SECONDS>"), Description("Seconds to wait for the / document (default 30)."), TypeConverter(typeof(TimeoutFlag))]
        public TimeSpan? Timeout { get; init; }

        [CommandOption("--rules"), Description("Print the drift rules as Markdown (with --out FILE: update that page's rules section).")]
        public bool Rules { get; init; }

        public override ValidationResult Validate()
        {
            if (Rules) return Standard is null && Spec is null && Url is null ? ValidationResult.Success() : ValidationResult.Error("--rules takes only --out FILE.");
            if (Standard is null) return ValidationResult.Error("--standard is required (see 'conformance standards').");
            if ((Spec is null) == (Url is null)) return ValidationResult.Error("Give the supplier's document (--spec FILE|URL) or the API that names it (--url BASE), one of them.");
            if (Url is not null && !(Uri.TryCreate(Url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                return ValidationResult.Error($"--url must be an absolute http or https URL, not '{Url}'.");
            if (Timeout is { } timeout && Limits.Standard.Timeout is var limit && !limit.Allows(timeout.TotalSeconds))
                return ValidationResult.Error(limit.Refusal("--timeout", timeout.TotalSeconds));
            try
            {
                ReportWriter.Choose(Format);
            }
            catch (ConfigurationException e)
            {
                return ValidationResult.Error(e.Message);
            }
            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var say = Terminal.Out;
        if (settings.Rules)
        {
            if (settings.Out is null)
                foreach (var line in DriftMarkdown.Rules().Split('\n')) say.Plain(line);
            else
            {
                await File.WriteAllTextAsync(settings.Out, DriftMarkdown.Update(await File.ReadAllTextAsync(settings.Out, cancellationToken)), cancellationToken);
                say.Line($"updated the rules in {settings.Out}");
            }
            return ExitCodes.Pass;
        }
        var refMap = new RefMap();
        foreach (var mapping in settings.RefMap) refMap.Add(mapping);
        var fetch = new FetchPolicy(refMap);
        foreach (var host in settings.AllowRemoteRefs) fetch.AllowRemoteRefs(host);
        var request = new DriftRequest
        {
            StandardId = settings.Standard!,
            Document = settings.Spec,
            Target = settings.Url is null ? null : new Uri(settings.Url),
            Fetch = fetch,
            Probe = new ProbeSettings { Timeout = settings.Timeout ?? TimeSpan.FromSeconds(RunRequest.DefaultTimeoutSeconds) },
        };
        var outDir = Directory.CreateDirectory(settings.Out ?? Path.Combine("reports", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"))).FullName;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopping = new StopSignals(cancel);
        say.Line($"Comparing [bold]{settings.Spec ?? $"the document {settings.Url} names"}[/] with [bold]{settings.Standard}[/]");
        var result = await DriftRun.ExecuteAsync(request, ConformanceRun.DefaultCatalogue(), cancel.Token);
        var written = ReportWriter.WriteAll(result, outDir, ReportWriter.Choose(settings.Format));
        ConsoleSummary.Print(result, written);
        ConsoleSummary.Conclude(result, written); // the verdict and the report to open, last
        return Verdict.ExitCode(result.Verdict);
    }
}
