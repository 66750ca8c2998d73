namespace Conformance.IntegrationTests.Monitoring;

/// <summary>Stops the shared suppliers when the monitoring tests are done.</summary>
[SetUpFixture]
public sealed class SuppliersLifetime
{
    [OneTimeTearDown]
    public void Stop() => Suppliers.StopAll();
}
