using System.Collections.Concurrent;
using System.Reflection;
using Conformance.Door;
using Conformance.Reference;
using Conformance.Running;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Conformance.NUnit;

/// <summary>
/// Builds a client suite's tests when NUnit builds the tests (discovery): the stand-in started, the fixture's client
/// driven at it, what it sent judged; then one test per result and the verdict. Made once per fixture class in a process.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ClientTestsAttribute : NUnitAttribute, ITestBuilder
{
    private static readonly ConcurrentDictionary<Type, Lazy<IReadOnlyList<SuiteTest>>> Suites = new();

    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        var builder = new NUnitTestCaseBuilder();
        var fixture = suite?.TypeInfo?.Type ?? method.TypeInfo.Type;
        foreach (var test in Suites.GetOrAdd(fixture, type => new Lazy<IReadOnlyList<SuiteTest>>(() => TestsOf(type))).Value)
        {
            var parameters = new TestCaseParameters([test]) { TestName = test.Name };
            foreach (var (name, value) in test.Properties) parameters.Properties.Set(name, value);
            yield return builder.BuildTestMethod(method, suite, parameters);
        }
    }

    internal static IReadOnlyList<SuiteTest> TestsOf(Type fixture)
    {
        if (fixture.GetCustomAttribute<StandInScenarioAttribute>() is not { } named)
            return [new NoRunTest("No stand-in: mark the fixture [StandInScenario(\"standard-id\", \"scenario\")].")];
        try
        {
            return ConformanceTestsAttribute.TestsOf(Run(fixture, named).GetAwaiter().GetResult());
        }
        catch (Exception e)
        {
            var why = RunDoor.IsSetupError(e) ? e.Message : $"{e.GetType().Name}: {e.Message}";
            return [new NoRunTest($"The stand-in of {named.Standard} could not be started: {why}")];
        }
    }

    /// <summary>The client driven at a stand-in, within the scenario's time; whatever it did, what it sent is judged.</summary>
    private static async Task<RunResult> Run(Type fixture, StandInScenarioAttribute named)
    {
        await using var standIn = await StandIn.StartAsync(named.Standard, named.Scenario);
        var client = (ClientSuite)Activator.CreateInstance(fixture)!;
        using var time = new CancellationTokenSource(standIn.Door.Limit);
        string? failed = null;
        try
        {
            await client.Drive(standIn, time.Token);
        }
        catch (Exception e)
        {
            failed = time.IsCancellationRequested ? $"the client did not finish within {standIn.Door.Limit.TotalSeconds:0.#} s" : $"the client threw {e.GetType().Name}: {e.Message}";
        }
        var result = await standIn.ResultAsync();
        if (failed is not null) result.Notes.Add($"The suite's client stopped: {failed}.");
        return result;
    }
}
