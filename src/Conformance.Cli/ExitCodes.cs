using Conformance.Specs;
using Conformance.Standards;
using Spectre.Console.Cli;

namespace Conformance.Cli;

/// <summary>0 pass, 1 fail, 2 usage or configuration error, 3 could not test.</summary>
public static class ExitCodes
{
    public const int Pass = 0;
    public const int Fail = 1;
    public const int Usage = 2;
    public const int CouldNotTest = 3;

    public static bool IsUsageError(Exception e) =>
        e is CommandParseException or CommandRuntimeException or ProfileException or SpecLoadException or ConfigurationException
            or IOException or UnauthorizedAccessException or Monitoring.HistoryException;

    /// <summary>One sentence, no stack trace.</summary>
    public static string Describe(Exception e) => e switch
    {
        CommandParseException => $"{e.Message} (see 'conformance --help').",
        _ => e.Message,
    };
}
