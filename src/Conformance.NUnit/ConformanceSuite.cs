using System.Diagnostics;

namespace Conformance.NUnit;

/// <summary>
/// A conformance suite as NUnit tests. Derive from it, mark the class <c>[TestFixture]</c> (so the test assembly refers
/// to NUnit and the adapter looks in it) and name the vendor profile:
/// <code>[TestFixture, ConformanceProfile("vendor.yaml")] public sealed class ApiConformance : ConformanceSuite;</code>
/// Each result of the run becomes one test, named clause · operation · check, and one more test, Verdict, holds the
/// run's verdict. The run is made once, while NUnit builds the tests, and shared by every fixture that names the same
/// profile and host.
/// </summary>
public abstract class ConformanceSuite
{
    [ConformanceTests, StackTraceHidden]
    public void Conformance(SuiteTest test) => test.Report();
}
