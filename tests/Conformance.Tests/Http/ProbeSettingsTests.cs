using Conformance.Http;

namespace Conformance.Tests.Http;

/// <summary>The body cap as users give it (megabytes) and as messages name it.</summary>
public class ProbeSettingsTests
{
    [TestCase(null, 20L * 1024 * 1024)]
    [TestCase(1, 1024L * 1024)]
    [TestCase(2000, 2000L * 1024 * 1024)]
    public void A_cap_in_megabytes_or_the_default(int? megabytes, long bytes) =>
        Assert.That(ProbeSettings.FromMegabytes(megabytes), Is.EqualTo(bytes));

    [TestCase(20L * 1024 * 1024, "20 MB")]
    [TestCase(3L * 1024 * 1024 / 2, "1.5 MB")]
    [TestCase(65536, "65536 bytes")]
    public void A_cap_is_named_in_megabytes_where_it_is_one(long bytes, string said)
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("fr-FR"); // a decimal comma must not leak in
            Assert.That(ProbeSettings.Describe(bytes), Is.EqualTo(said));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }
}
