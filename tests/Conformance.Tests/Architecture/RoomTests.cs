using System.Reflection;
using Conformance.Checks;

namespace Conformance.Tests.Architecture;

/// <summary>
/// The rooms of the library import one way only, read from the compiled assembly so a cycle cannot come back
/// unnoticed: Specs at the bottom; Standards and Http on it; Vendors on Http; Drift (a supplier's OpenAPI document
/// against the standard's) on Specs and Standards, below the check and the run that use it; the Evidence model below both Checks
/// and Running; Running over all of them; Reports and Certificates over the results;
/// Monitoring (many runs, history, dashboards) over Reports and Running. (A constant is copied into the IL that uses it,
/// so only a use of a constant escapes this test; a constant names no behaviour.)
/// </summary>
public class RoomTests
{
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Specs"] = [],
        ["Standards"] = ["Specs"],
        ["Http"] = ["Specs"],
        ["Vendors"] = ["Http", "Specs"],
        ["Drift"] = ["Specs", "Standards"],
        ["Evidence"] = ["Http", "Specs", "Standards"],
        ["Checks"] = ["Drift", "Evidence", "Http", "Specs", "Standards"],
        ["Running"] = ["Checks", "Drift", "Evidence", "Http", "Specs", "Standards", "Vendors"],
        ["Reports"] = ["Running", "Checks", "Evidence", "Http", "Specs", "Standards"],
        // Certificates read a run's result and the report file as written; they never depend on how a report is made.
        ["Certificates"] = ["Running", "Checks", "Evidence", "Http", "Specs", "Standards", "Vendors"],
        ["Monitoring"] = ["Reports", "Running", "Checks", "Evidence", "Http", "Specs", "Standards", "Vendors"],
    };

    private static string? RoomOf(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer; // a closure or nested type lives in its outer type's room
        var parts = type.Namespace?.Split('.') ?? [];
        return parts is ["Conformance", var room, ..] ? room : null;
    }

    [Test]
    public void Every_room_uses_only_the_rooms_beneath_it()
    {
        var library = typeof(Check).Assembly;
        var breaches = new SortedSet<string>();
        foreach (var type in library.GetTypes())
        {
            if (RoomOf(type) is not { } room) continue;
            Assert.That(MayUse, Does.ContainKey(room), $"{type.FullName} is in a room the rules do not name");
            foreach (var used in TypeReferences.Of(type).Where(t => t.Assembly == library))
                if (RoomOf(used) is { } other && other != room && !MayUse[room].Contains(other))
                    breaches.Add($"{room} → {other}: {Outer(type).FullName} uses {used.FullName}");
        }
        Assert.That(breaches, Is.Empty);
    }

    [Test]
    public void The_reader_of_type_references_sees_a_use_inside_a_method_body() =>
        Assert.That(typeof(Conformance.Running.Runner).GetNestedTypes(BindingFlags.NonPublic).SelectMany(TypeReferences.Of), Does.Contain(typeof(CheckCatalogue)),
            "the runner names the catalogue only inside an async method's body: if this were missed, breaches could hide there too");

    private static Type Outer(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }
}
