using System.Xml.Linq;

namespace Conformance.IntegrationTests;

/// <summary>
/// The results in a TRX file (dotnet test --logger trx): each test's name, outcome (Passed, Failed, NotExecuted) and
/// text: the failure or skip message where there is one, else what the test wrote.
/// </summary>
public static class Trx
{
    public sealed record Test(string Name, string Outcome, string Text);

    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static List<Test> Read(string file) =>
        XDocument.Load(file).Descendants(Ns + "UnitTestResult").Select(r =>
        {
            var output = r.Element(Ns + "Output");
            var text = output?.Element(Ns + "ErrorInfo")?.Element(Ns + "Message")?.Value ?? output?.Element(Ns + "StdOut")?.Value ?? "";
            return new Test(r.Attribute("testName")!.Value, r.Attribute("outcome")!.Value, text.Trim());
        }).ToList();
}
