using Conformance.Running;

namespace Conformance.Tests.Running;

public class SupplierTests
{
    [TestCase("Harbourside Digital", "ServiceFinder 4", "https://api.example.org/v3/", "ServiceFinder 4 by Harbourside Digital")]
    [TestCase("Harbourside Digital", null, "https://api.example.org/v3/", "Harbourside Digital")]
    [TestCase(null, "ServiceFinder 4", "https://api.example.org/v3/", "ServiceFinder 4")]
    [TestCase(null, null, "http://127.0.0.1:8091/", "127.0.0.1:8091")]
    [TestCase(null, null, "https://api.example.org/v3/", "api.example.org")]
    // A drift run's target is the supplier's document: named by its file, never an empty name.
    [TestCase(null, null, "file:///tmp/drift/supplier-openapi.json", "supplier-openapi.json")]
    [TestCase(null, null, "supplier-openapi.json", "supplier-openapi.json")]
    [TestCase(null, null, "/tmp/drift/supplier-openapi.yaml", "supplier-openapi.yaml")]
    public void Names_the_vendor_and_product_or_else_the_host_or_the_document(string? vendor, string? product, string target, string expected) =>
        Assert.That(new Supplier(vendor, product, Demonstration: false).NameFor(target), Is.EqualTo(expected));
}
