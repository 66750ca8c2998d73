using System.ComponentModel;
using Conformance.Certificates;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Conformance.Cli.Commands;

/// <summary>conformance keygen: the key pair a vendor signs certificates with.</summary>
public sealed class KeygenCommand : Command<KeygenCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <DIR>"), Description($"Folder for {SigningKeys.PrivateKeyFile} (private) and {SigningKeys.PublicKeyFile} (public); existing keys are never overwritten.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Out is null ? ValidationResult.Error("--out DIR is required: the folder the key pair is written to.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var pair = SigningKeys.Generate(settings.Out!);
        var say = Terminal.Out;
        say.Line($"wrote {pair.PrivateKeyPath} [grey](private: sign with it, keep it secret; readable by you only)[/]");
        say.Line($"wrote {pair.PublicKeyPath} [grey](public: give it to whoever verifies your certificates)[/]");
        say.Line($"key id {pair.KeyId}");
        return ExitCodes.Pass;
    }
}
