using System.Reflection;
using System.Runtime.CompilerServices;

namespace Conformance.Tests.Architecture;

/// <summary>
/// The house's rooms and which may use which, and a reader of any assembly against them. A type's room is its
/// namespace's second part (Conformance.Running.Runner is in Running; Conformance.Reference.Defects in Reference);
/// a nested type is in its outer type's room; the root namespace (Conformance) is a room of its own at the very bottom,
/// which every room may use and which may use none. A type of ours outside every room (not made by the compiler) is a
/// breach too: it would be checked by nothing.
/// </summary>
public static class Rooms
{
    /// <summary>The root namespace's room: what every room may use (ConfigurationException), using none.</summary>
    public const string Root = "(root)";

    private static readonly string[] Library =
        [Root, "Text", "Specs", "Standards", "Http", "Vendors", "Drift", "Evidence", "Checks", "Clients", "Running", "Reports", "Certificates", "Door", "Monitoring"];

    public static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>
    {
        [Root] = [],
        // The encoders of every sink (console, Markdown, XML, file names): beneath every room, so any room may write safely.
        ["Text"] = [Root],
        ["Specs"] = [Root, "Text"],
        ["Standards"] = [Root, "Specs", "Text"],
        ["Http"] = [Root, "Specs", "Text"],
        ["Vendors"] = [Root, "Http", "Specs", "Text"],
        // A supplier's OpenAPI document against the standard's: below the check and the run that use it.
        ["Drift"] = [Root, "Specs", "Standards", "Text"],
        ["Evidence"] = [Root, "Http", "Specs", "Standards", "Text"],
        ["Checks"] = [Root, "Drift", "Evidence", "Http", "Specs", "Standards", "Text"],
        // A client of a standard judged by the stand-in: what arrived, how it is read and answered, the checks of clients.
        // Below Running, which judges a session into a run's result as it judges a server.
        ["Clients"] = [Root, "Checks", "Http", "Specs", "Standards", "Text"],
        ["Running"] = [Root, "Clients", "Checks", "Drift", "Evidence", "Http", "Specs", "Standards", "Vendors", "Text"],
        ["Reports"] = [Root, "Running", "Clients", "Checks", "Drift", "Evidence", "Http", "Specs", "Standards", "Text"],
        // Certificates read a run's result and the report file as written; they never depend on how a report is made.
        ["Certificates"] = [Root, "Running", "Clients", "Checks", "Drift", "Evidence", "Http", "Specs", "Standards", "Vendors", "Text"],
        // The door every front end calls: it runs, writes the reports and the certificate.
        ["Door"] = [Root, "Certificates", "Reports", "Running", "Clients", "Checks", "Drift", "Evidence", "Http", "Specs", "Standards", "Vendors", "Text"],
        ["Monitoring"] = [Root, "Door", "Reports", "Running", "Clients", "Checks", "Drift", "Evidence", "Http", "Specs", "Standards", "Vendors", "Text"],
        // The other assemblies of src/: the reference implementations over the library, the front ends over both.
        ["Reference"] = Library,
        ["NUnit"] = [.. Library, "Reference"],
        ["Cli"] = [.. Library, "Reference"],
    };

    public static string? RoomOf(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer; // a closure or nested type lives in its outer type's room
        return type.Namespace?.Split('.') switch
        {
            ["Conformance"] => Root,
            ["Conformance", var room, ..] => room,
            // The CLI's top-level statements are compiled into a Program class outside any namespace.
            _ when type.Namespace is null && type.Name == "Program" && type.Assembly.GetName().Name == "conformance" => "Cli",
            _ => null,
        };
    }

    /// <summary>Made by the compiler or a source generator (a regex, nullable attributes), not written in a room.</summary>
    private static bool Generated(Type type)
    {
        var outer = Outer(type);
        return outer.Name.Contains('<') || outer.IsDefined(typeof(CompilerGeneratedAttribute), false)
            || outer.Namespace is { } ns && (ns.StartsWith("System.", StringComparison.Ordinal) || ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    /// <summary>Every use in an assembly of a room it may not use, and every type of it in no room, one line each.</summary>
    public static SortedSet<string> Breaches(Assembly assembly)
    {
        var breaches = new SortedSet<string>();
        foreach (var type in assembly.GetTypes())
        {
            if (RoomOf(type) is not { } room)
            {
                if (!Generated(type)) breaches.Add($"{type.FullName} is in no room");
                continue;
            }
            if (!MayUse.TryGetValue(room, out var allowed))
            {
                breaches.Add($"{type.FullName} is in a room the rules do not name ({room})");
                continue;
            }
            foreach (var used in TypeReferences.Of(type))
                if (RoomOf(used) is { } other && other != room && !allowed.Contains(other))
                    breaches.Add($"{room} → {other}: {Outer(type).FullName} uses {used.FullName}");
        }
        return breaches;
    }

    private static Type Outer(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }
}
