using Conformance.NUnit;
using Conformance.Reference;
using Conformance.Reference.Defects;
using Conformance.Running;
using Conformance.Vendors;

namespace DefectSuite;

/// <summary>
/// Starts the API under test: here the reference implementation with the catalogue's missing-cors defect; a vendor's
/// suite would start its own server (in process, on a free port) the same way.
/// </summary>
public sealed class MissingCorsHost : IConformanceHost
{
    public const string Defect = "missing-cors";

    public (Uri BaseUrl, IDisposable Running) Start(VendorProfile profile)
    {
        var server = ReferenceImplementations.Start(ConformanceRun.DefaultCatalogue(), profile.Standard!, defects: [DefectCatalogue.Find(Defect)]);
        return (new Uri(server.Url), server);
    }
}
