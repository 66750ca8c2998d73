using System.Diagnostics;
using Conformance.Reference;

namespace Conformance.NUnit;

/// <summary>
/// A supplier's client judged by the stand-in, as NUnit tests. Derive from it, mark the class <c>[TestFixture]</c>, name
/// the standard and scenario, and drive the client at the stand-in:
/// <code>
/// [TestFixture, StandInScenario("open311-georeport-v2", "report-a-problem")]
/// public sealed class ReportingClient : ClientSuite
/// {
///     protected override Task DriveAsync(StandIn standIn, CancellationToken cancel) =>
///         new MyOpen311Client(standIn.Url, standIn.Credentials["api_key"]).ReportPotholeAsync(cancel);
/// }
/// </code>
/// While NUnit builds the tests, the stand-in starts, <see cref="DriveAsync"/> runs (given the scenario's time limit) and
/// what the client sent is judged: one test per result (clause · operation · check) and a Verdict test, as a suite of a
/// server has. A client that throws or does not complete its scenario is judged on what it sent (inconclusive, never a pass).
/// </summary>
public abstract class ClientSuite
{
    /// <summary>Drives the client under test at the stand-in: its URL, its credentials (Open311: api_key), its values (jurisdiction_id).</summary>
    protected abstract Task DriveAsync(StandIn standIn, CancellationToken cancel);

    internal Task Drive(StandIn standIn, CancellationToken cancel) => DriveAsync(standIn, cancel);

    [ClientTests, StackTraceHidden]
    public void Conformance(SuiteTest test) => test.Report();
}
