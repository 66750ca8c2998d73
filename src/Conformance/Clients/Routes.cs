using System.Text;
using System.Text.RegularExpressions;
using Conformance.Specs;

namespace Conformance.Clients;

/// <summary>A request matched to an operation of the spec, with the values its path gave each path parameter.</summary>
public sealed record Route(SpecOperation Operation, IReadOnlyDictionary<string, string> PathValues);

/// <summary>
/// Which operation of the spec a request is for: its method (HEAD as GET) and its path against each operation's path
/// template, a parameter standing for one segment or, before a dot (Open311's format extension), what precedes the last
/// dot. A path no template matches, or a method its path does not offer, is no operation of the standard.
/// </summary>
public sealed class Routes
{
    private readonly List<(SpecOperation Operation, Regex Pattern, IReadOnlyList<string> Names)> _routes;

    public Routes(Spec spec) =>
        _routes = spec.Operations
            .Select(o => (o, Pattern(o.PathTemplate, out var names), names))
            // Literal paths before templated ones: /services.{f} is tried before /{anything}.{f}.
            .OrderBy(r => r.names.Count).ToList();

    public Route? Match(string method, string path)
    {
        var asked = method == "HEAD" ? "GET" : method;
        foreach (var (operation, pattern, names) in _routes)
        {
            if (operation.Method != asked || pattern.Match(path) is not { Success: true } match) continue;
            return new Route(operation, names.Select((n, i) => (n, match.Groups[$"p{i}"].Value)).ToDictionary(p => p.n, p => p.Item2));
        }
        return null;
    }

    /// <summary>Whether some operation has this path, whatever its method (a 405 rather than a 404).</summary>
    public bool KnowsPath(string path) => _routes.Any(r => r.Pattern.IsMatch(path));

    private static Regex Pattern(string template, out IReadOnlyList<string> names)
    {
        var found = new List<string>();
        var pattern = new StringBuilder("^");
        var at = 0;
        foreach (Match parameter in Regex.Matches(template, @"\{([^{}]+)\}"))
        {
            var literal = template[at..parameter.Index];
            pattern.Append(Regex.Escape(literal));
            // After a dot a parameter is an extension: it takes no dot, so the one before it takes every other.
            pattern.Append($"(?<p{found.Count}>{(literal.EndsWith('.') ? "[^/.]+" : "[^/]+")})");
            found.Add(parameter.Groups[1].Value);
            at = parameter.Index + parameter.Length;
        }
        pattern.Append(Regex.Escape(template[at..])).Append('$');
        names = found;
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
