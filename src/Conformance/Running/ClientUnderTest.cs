namespace Conformance.Running;

/// <summary>
/// What a stand-in run judged: a client of the standard, in the role the scenario gives it (a reporting app, a permit
/// supplier), playing that scenario. Reports and certificates name it; a server run has none.
/// </summary>
public sealed record ClientUnderTest(string Role, string Scenario, string ScenarioTitle, string Asks);
