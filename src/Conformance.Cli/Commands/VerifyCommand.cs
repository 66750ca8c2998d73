using System.ComponentModel;
using Conformance.Certificates;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary>conformance verify: checks a certificate offline with the signer's public key. 0 valid, 1 invalid, 2 unreadable input.</summary>
public sealed class VerifyCommand : Command<VerifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<CERTIFICATE>"), Description("The certificate.json to check.")]
        public string Certificate { get; init; } = "";

        [CommandOption("--key <PUBLIC_KEY>"), Description("The signer's public key (PEM), as they published it.")]
        public string? Key { get; init; }

        [CommandOption("--report <FILE>"), Description("Also check that this report.json is the one the certificate certifies.")]
        public string? Report { get; init; }

        public override ValidationResult Validate() =>
            Key is null ? ValidationResult.Error("--key PUBLIC_KEY is required: the signer's public key the certificate must verify with.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var key = SigningKeys.LoadPublic(settings.Key!);
        var certificate = BoundedFile.Read(settings.Certificate, BoundedFile.MostCertificateBytes, "certificate");
        var report = settings.Report is null ? null : BoundedFile.Sha256(settings.Report, "report");
        Verification verification;
        try
        {
            verification = CertificateVerifier.Verify(certificate, key, DateTimeOffset.UtcNow, report);
        }
        catch (FormatException e)
        {
            throw new ConfigurationException($"{settings.Certificate} is not a certificate (a DSSE envelope): {e.Message}.");
        }
        if (verification.Claims is not { } claims)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Invalid certificate:[/] {verification.Problem}.");
            return ExitCodes.Fail;
        }
        AnsiConsole.MarkupLineInterpolated($"[green]Valid certificate[/], signed by key {SigningKeys.KeyId(key)}:");
        AnsiConsole.MarkupLineInterpolated($"  standard  {claims.StandardName} {claims.StandardVersion} ({claims.StandardId})");
        AnsiConsole.MarkupLineInterpolated($"  target    {claims.Target}");
        AnsiConsole.MarkupLineInterpolated($"  vendor    {(claims.Vendor is null ? "not named (run without a vendor profile)" : $"{claims.Vendor}, {claims.Product}")}");
        AnsiConsole.MarkupLineInterpolated($"  verdict   {claims.Verdict} ({string.Join(", ", claims.Summary.Where(s => s.Value > 0).Select(s => $"{s.Value} {s.Key}"))})");
        AnsiConsole.MarkupLineInterpolated($"  tested    {claims.TestedUntil:yyyy-MM-dd HH:mm} UTC by conformance {claims.HarnessVersion}");
        AnsiConsole.MarkupLineInterpolated($"  expires   {claims.ExpiresAt:yyyy-MM-dd HH:mm} UTC");
        AnsiConsole.MarkupLineInterpolated($"  report    {(report is null ? $"not checked (give --report {CertificateClaims.ReportName})" : $"matches {settings.Report}")}");
        if (claims.Demo) AnsiConsole.MarkupLine("[yellow]A demo:[/] it certifies the harness's built-in reference implementation, not a vendor's API.");
        return ExitCodes.Pass;
    }
}
