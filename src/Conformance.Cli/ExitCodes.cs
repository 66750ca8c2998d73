using Conformance.Door;
using Spectre.Console.Cli;

namespace Conformance.Cli;

/// <summary>0 pass, 1 fail, 2 usage or configuration error, 3 could not test.</summary>
public static class ExitCodes
{
    public const int Pass = 0;
    public const int Fail = 1;
    public const int Usage = 2;
    public const int CouldNotTest = 3;

    /// <summary>The command line itself, or the run's set-up as the door classes it (<see cref="RunDoor.IsSetupError"/>), or the monitor's history.</summary>
    public static bool IsUsageError(Exception e) =>
        e is CommandParseException or CommandRuntimeException or Monitoring.HistoryException || RunDoor.IsSetupError(e);

    /// <summary>One sentence, no stack trace; a typed flag's refusal as the flag's limit words it (<see cref="Commands.LimitFlag"/>).</summary>
    public static string Describe(Exception e) => e switch
    {
        CommandParseException => $"{e.Message} (see 'conformance --help').",
        CommandRuntimeException { InnerException: ConfigurationException refused } => refused.Message,
        _ => e.Message,
    };
}
