using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Conformance.Cli;

/// <summary>
/// What a mistyped command line is told, beyond Spectre's own words: the nearest command or flag where one is close
/// ("did you mean --standard?"), and "quote the pattern" where the shell expanded a glob given to --profiles into
/// several files. Knows the commands as they are registered (<see cref="Add{TCommand}"/>).
/// </summary>
public sealed partial class UsageHints
{
    private readonly Dictionary<string, Type> _commands = new(StringComparer.Ordinal);

    /// <summary>Registers a command with Spectre, and remembers its name and flags for the hints.</summary>
    public ICommandConfigurator Add<TCommand>(IConfigurator config, string name) where TCommand : class, ICommand
    {
        _commands[name] = typeof(TCommand);
        return config.AddCommand<TCommand>(name);
    }

    /// <summary>The error line for a command line Spectre could not parse: its message, a hint where there is one, and where help is.</summary>
    public string Describe(CommandParseException e, IReadOnlyList<string> args)
    {
        var message = e.Message.TrimEnd('.');
        var command = args.Count > 0 && _commands.ContainsKey(args[0]) ? args[0] : null;
        var help = command is null ? "conformance --help" : $"conformance {command} --help";
        return Hint(message, command, args) is { } hint ? $"{message}. {hint} (see '{help}')." : $"{message} (see '{help}').";
    }

    private string? Hint(string message, string? command, IReadOnlyList<string> args)
    {
        if (Unknown().Match(message) is not { Success: true } unknown) return null;
        var word = unknown.Groups["word"].Value;
        if (unknown.Groups["kind"].Value == "command")
        {
            if (command is null) return Nearest(word, _commands.Keys) is { } near ? $"Did you mean '{near}'?" : null;
            // The shell expands an unquoted glob: --profiles gets the first file, and the others are left over.
            if (command == "monitor" && LooksLikeProfile(word))
                return "The shell expanded the --profiles pattern into several files: quote the pattern, as in --profiles 'vendor-profiles/*.yaml'.";
            return null;
        }
        var flags = command is null ? ["--help", "--version"] : Flags(_commands[command]).Append("--help").ToList();
        return Nearest("--" + word.TrimStart('-'), flags) is { } flag ? $"Did you mean {flag}?" : null;
    }

    private static bool LooksLikeProfile(string word) =>
        word.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || word.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The long flags of a command, read from its settings' [CommandOption] attributes.</summary>
    private static IEnumerable<string> Flags(Type command)
    {
        for (var type = command; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericArguments() is [var settings] && typeof(CommandSettings).IsAssignableFrom(settings))
                return settings.GetProperties().SelectMany(p => p.GetCustomAttribute<CommandOptionAttribute>()?.LongNames ?? []).Select(n => "--" + n);
        return [];
    }

    /// <summary>The known word closest to <paramref name="word"/>, if it is close: at most one edit in a short word, two in a longer one.</summary>
    private static string? Nearest(string word, IEnumerable<string> known)
    {
        var best = known.Select(k => (Known: k, Distance: Distance(word.ToLowerInvariant(), k.ToLowerInvariant()))).MinBy(x => x.Distance);
        return best.Known is not null && best.Distance > 0 && best.Distance <= (word.TrimStart('-').Length <= 4 ? 1 : 2) ? best.Known : null;
    }

    /// <summary>Edits from one word to another (insert, delete, replace, or swap two neighbours: "standrad" is one from "standard").</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    [GeneratedRegex("^(Unknown|Unexpected) (?<kind>command|option) '(?<word>[^']*)'")]
    private static partial Regex Unknown();
}
