using Conformance.Vendors;

namespace Conformance.NUnit;

/// <summary>
/// Starts the API a suite tests (the vendor's own server in its test process, a stub, a reference with a defect), for
/// suites marked <see cref="ConformanceHostAttribute"/>. Its address replaces the profile's base_url; what it returns to
/// stop it is disposed when the run is over.
/// </summary>
public interface IConformanceHost
{
    (Uri BaseUrl, IDisposable Running) Start(VendorProfile profile);
}
