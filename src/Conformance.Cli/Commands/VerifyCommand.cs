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
        using var key = SigningKeys.LoadVerifying(settings.Key!, out var derived);
        if (derived)
            Terminal.Out.Line(
                $"[yellow]{settings.Key} is a private key:[/] the public key was derived from it to check the certificate. Verify with the public key ({SigningKeys.PublicKeyFile}); keep the private one to the signer.");
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
        var say = Terminal.Out;
        if (verification.Claims is not { } claims)
        {
            say.Line($"[red]Invalid certificate:[/] {verification.Problem}.");
            return ExitCodes.Fail;
        }
        // Every claimed field is the signer's text: shown escaped, so it cannot clear a line or add one the certificate never said.
        say.Line($"[green]Valid certificate[/], signed by key {SigningKeys.KeyId(key)}:");
        say.Whole($"  standard  {claims.StandardName} {claims.StandardVersion} ({claims.StandardId})");
        say.Whole($"  target    {claims.Target}");
        if (claims.ClientRole is not null) say.Whole($"  client    a {claims.ClientRole}, playing {claims.Scenario} ({claims.ScenarioTitle})");
        say.Whole($"  vendor    {(claims.Vendor is null ? ConsoleText.Of($"not named (run without a vendor profile)") : ConsoleText.Of($"{claims.Vendor}, {claims.Product}"))}");
        say.Whole($"  verdict   {claims.Verdict} ({string.Join(", ", claims.Summary.Where(s => s.Value > 0).Select(s => $"{s.Value} {s.Key}"))})");
        say.Whole($"  tested    {claims.TestedUntil:yyyy-MM-dd HH:mm} UTC by conformance {claims.HarnessVersion}");
        say.Whole($"  expires   {claims.ExpiresAt:yyyy-MM-dd HH:mm} UTC");
        foreach (var gap in claims.NotCovered) say.Whole($"  not covered {gap}");
        say.Whole($"  report    {(report is null ? ConsoleText.Of($"not checked (give --report {CertificateClaims.ReportName})") : ConsoleText.Of($"matches {settings.Report}"))}");
        if (claims.Demo) say.Line($"[yellow]A demo:[/] it certifies the harness's built-in reference implementation, not a vendor's API.");
        return ExitCodes.Pass;
    }
}
