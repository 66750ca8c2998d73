namespace Conformance.NUnit;

/// <summary>The standard whose stand-in a suite of a client talks to, and the scenario it plays (null: the standard's own choice).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class StandInScenarioAttribute(string standard, string? scenario = null) : Attribute
{
    public string Standard { get; } = standard;
    public string? Scenario { get; } = scenario;
}
