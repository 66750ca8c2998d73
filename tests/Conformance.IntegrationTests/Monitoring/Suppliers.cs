using Conformance.Reference;
using Conformance.Reference.Defects;
using Conformance.Running;

namespace Conformance.IntegrationTests.Monitoring;

/// <summary>
/// Fake suppliers for the monitoring tests, started once and shared: the ORUK 3.0 and HSDS 3.0 references, references
/// served with a defect (suppliers that fail) and with a trap (odd suppliers that must still pass). Each is at full speed.
/// </summary>
public static class Suppliers
{
    private static readonly Dictionary<string, ReferenceServer> Servers = [];

    /// <summary>A server for the clean reference of a standard ("oruk-3.0"), or for a defect or trap by name.</summary>
    public static string Url(string name)
    {
        lock (Servers)
        {
            if (!Servers.TryGetValue(name, out var server))
            {
                var catalogue = ConformanceRun.DefaultCatalogue();
                if (ReferenceImplementations.Standards.Contains(name)) server = ReferenceImplementations.Start(catalogue, name);
                else
                {
                    var defect = DefectCatalogue.Find(name);
                    server = ReferenceImplementations.Start(catalogue, defect.Standard, defects: [defect]);
                }
                Servers[name] = server;
            }
            return server.Url;
        }
    }

    /// <summary>Writes a vendor profile for a supplier at a URL, as fast as it will go; returns its path.</summary>
    public static string Profile(string folder, string name, string standard, string url)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".yaml");
        File.WriteAllText(path, $"""
            vendor: Supplier {name}
            product: Directory feed
            standard: {standard}
            base_url: {url}
            limits:
              requests_per_second: 1000
            """);
        return path;
    }

    public static void StopAll()
    {
        lock (Servers)
        {
            foreach (var server in Servers.Values) server.Dispose();
            Servers.Clear();
        }
    }
}
