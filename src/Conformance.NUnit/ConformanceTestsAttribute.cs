using System.Reflection;
using Conformance.Door;
using Conformance.Running;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace Conformance.NUnit;

/// <summary>
/// Builds a suite's tests from its run, when NUnit builds the tests (discovery): one per result, then the verdict. So
/// the run is made before any test starts, and a slow vendor makes discovery slow, in a test explorer too.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ConformanceTestsAttribute : NUnitAttribute, ITestBuilder
{
    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        var builder = new NUnitTestCaseBuilder();
        foreach (var test in TestsOf(suite?.TypeInfo?.Type ?? method.TypeInfo.Type))
        {
            var parameters = new TestCaseParameters([test]) { TestName = test.Name };
            foreach (var (name, value) in test.Properties) parameters.Properties.Set(name, value);
            yield return builder.BuildTestMethod(method, suite, parameters);
        }
    }

    private static IReadOnlyList<SuiteTest> TestsOf(Type fixture)
    {
        var source = ProfileSource.Find(fixture.GetCustomAttribute<ConformanceProfileAttribute>()?.Path, TestContext.Parameters.Get,
            Environment.GetEnvironmentVariable, Path.GetDirectoryName(fixture.Assembly.Location) ?? AppContext.BaseDirectory);
        if (source is not var (profile, namedBy)) return [new NoRunTest(ProfileSource.Missing)];
        RunResult run;
        try
        {
            run = SuiteRuns.For(profile, fixture.GetCustomAttribute<ConformanceHostAttribute>()?.Host);
        }
        catch (Exception e)
        {
            // Set-up problems explain themselves (as the door classes them); anything else (a host that threw) says what it was.
            var why = RunDoor.IsSetupError(e) ? e.Message : $"{e.GetType().Name}: {e.Message}";
            return [new NoRunTest($"{namedBy} names {profile}, which could not be run: {why}")];
        }
        return TestsOf(run);
    }

    /// <summary>
    /// One test per result, then the verdict. A name met again (a check with two findings on one operation) is
    /// numbered, as TRX needs names apart.
    /// </summary>
    internal static IReadOnlyList<SuiteTest> TestsOf(RunResult run)
    {
        var seen = new Dictionary<string, int>();
        var tests = new List<SuiteTest>();
        foreach (var result in run.Results)
        {
            var name = ResultTest.NameOf(result);
            var count = seen[name] = seen.GetValueOrDefault(name) + 1;
            tests.Add(new ResultTest(count == 1 ? name : $"{name} #{count}", result, run.Secrets));
        }
        tests.Add(new VerdictTest(run));
        return tests;
    }
}
