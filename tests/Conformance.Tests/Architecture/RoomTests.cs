using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;

namespace Conformance.Tests.Architecture;

/// <summary>
/// The rooms import one way only, read from every compiled assembly of src/ so a cycle cannot come back unnoticed:
/// Text (the sinks' encoders) under every room, then Specs; Standards and Http on it; Vendors on Http; the Evidence
/// model below both Checks and Running; Running over all of them; Reports and Certificates over the results; the Door
/// over those; Monitoring over the door; the reference implementations and the front ends over the library
/// (<see cref="Rooms"/>). The reader cannot be fooled: a test-only assembly (tests/Conformance.RoomBreaches) plants one
/// breach of each kind and each must be found.
/// (A constant is copied into the IL that uses it, so only a use of a constant escapes; a constant names no behaviour.)
/// </summary>
public class RoomTests
{
    /// <summary>Every assembly src/ builds, by its project files: a new one is read too, or this fails.</summary>
    private static IEnumerable<Assembly> Source()
    {
        var src = Path.Combine(Fixtures.RepositoryRoot(), "src");
        foreach (var project in Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories).Order())
        {
            var named = Regex.Match(File.ReadAllText(project), "<AssemblyName>([^<]+)</AssemblyName>");
            yield return Assembly.Load(named.Success ? named.Groups[1].Value : Path.GetFileNameWithoutExtension(project));
        }
    }

    [Test]
    public void Every_room_of_every_assembly_of_src_uses_only_the_rooms_beneath_it()
    {
        var assemblies = Source().ToList();
        Assert.That(assemblies.Select(a => a.GetName().Name), Is.EquivalentTo(new[] { "Conformance.Core", "Conformance.Reference", "Conformance.NUnit", "conformance" }),
            "the assemblies of src/ (a new one needs its room in Rooms.MayUse)");
        Assert.That(assemblies.SelectMany(Rooms.Breaches), Is.Empty);
    }

    /// <summary>Where the planted breaches live, each in a type named for its kind.</summary>
    private static readonly Lazy<SortedSet<string>> Planted = new(() => Rooms.Breaches(Assembly.Load("Conformance.RoomBreaches")));

    [TestCase("ThroughACatchClause")]
    [TestCase("ThroughAnExceptionFilter")]
    [TestCase("ThroughALocal")]
    [TestCase("ThroughAGenericConstraint")]
    [TestCase("ThroughAMethodsGenericConstraint")]
    [TestCase("ThroughAGenericTypeInstantiation")]
    [TestCase("ThroughAGenericMethodInstantiation")]
    [TestCase("ThroughAnAttribute")]
    [TestCase("ThroughAnAttributeArgument")]
    [TestCase("ThroughAParameterAttribute")]
    [TestCase("ThroughAnEvent")]
    [TestCase("ThroughAFunctionPointer")]
    [TestCase("AfterEveryKindOfOperand")]
    [TestCase("ThroughAClosure")]
    [TestCase("ThroughTypeOf")]
    public void A_breach_planted_in_a_test_only_assembly_is_found(string kind) =>
        Assert.That(Planted.Value, Has.Some.Matches<string>(b => b!.StartsWith("Specs → ") && Regex.IsMatch(b, $@"\.{kind}(`\d+)? uses ")),
            string.Join(Environment.NewLine, Planted.Value));

    [Test]
    public void A_type_in_the_root_namespace_may_use_no_room() =>
        Assert.That(Planted.Value, Has.Some.Matches<string>(b => b!.StartsWith($"{Rooms.Root} → Running: Conformance.ThroughTheRootNamespace uses")),
            string.Join(Environment.NewLine, Planted.Value));

    [Test]
    public void A_type_in_no_room_is_a_breach_itself() =>
        Assert.That(Planted.Value, Has.Member("Outside.Every.Room.Stowaway is in no room"));

    [Test]
    public void Nothing_but_the_planted_breaches_is_found_there() =>
        Assert.That(Planted.Value.Where(b => !b.Contains(".Through") && !b.Contains(".AfterEveryKindOfOperand") && !b.Contains("Stowaway")), Is.Empty);

    [Test]
    public void An_opcode_the_reader_does_not_know_stops_it_with_an_error()
    {
        byte[] il = [(byte)OpCodes.Nop.Value, 0xA6, (byte)OpCodes.Ret.Value]; // 0xA6 is no opcode of .NET's
        Assert.That(() => TypeReferences.Tokens(il).ToList(), Throws.InvalidOperationException.With.Message.Contains("unknown opcode 0xA6"));
    }

    [Test]
    public void Every_instruction_of_every_method_of_src_is_read() =>
        Assert.That(() =>
        {
            foreach (var type in Source().SelectMany(a => a.GetTypes()))
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                    _ = TypeReferences.Tokens(method.GetMethodBody()?.GetILAsByteArray() ?? []).Count();
        }, Throws.Nothing);

    /// <summary>A using line is not compiled into the assembly: a stale one pointing up the house is caught in the source.</summary>
    [Test]
    public void No_using_line_of_the_library_points_up_the_house()
    {
        var library = Path.Combine(Fixtures.RepositoryRoot(), "src", "Conformance");
        var breaches = new List<string>();
        foreach (var file in Directory.GetFiles(library, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var folder = Path.GetRelativePath(library, Path.GetDirectoryName(file)!).Split(Path.DirectorySeparatorChar)[0];
            var room = folder == "." ? Rooms.Root : folder;
            foreach (Match use in Regex.Matches(File.ReadAllText(file), @"^using (?:static )?Conformance\.(\w+)", RegexOptions.Multiline))
                if (use.Groups[1].Value != room && !Rooms.MayUse[room].Contains(use.Groups[1].Value))
                    breaches.Add($"{Path.GetRelativePath(library, file)}: {use.Value}");
        }
        Assert.That(breaches, Is.Empty);
    }
}
