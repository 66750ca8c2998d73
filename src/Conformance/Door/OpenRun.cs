using System.Security.Cryptography;
using Conformance.Reports;
using Conformance.Running;
using Conformance.Standards;
using Conformance.Vendors;

namespace Conformance.Door;

/// <summary>
/// A run the door opened: its request settled, the reference implementation it asked for running. It prepares once
/// (the standard chosen where "auto", the profile and spec loaded and shown to agree), runs, and writes the reports and
/// the certificate; disposing it stops the reference.
/// </summary>
public sealed class OpenRun : IDisposable
{
    private readonly StandardCatalogue _catalogue;
    private readonly StartedReference? _reference;
    private Task<PreparedRun>? _prepared;

    internal OpenRun(RunRequest request, StandardCatalogue catalogue, VendorProfile? vendor, StartedReference? reference)
    {
        Request = request;
        Vendor = vendor;
        _catalogue = catalogue;
        _reference = reference;
    }

    public RunRequest Request { get; }
    public VendorProfile? Vendor { get; }
    /// <summary>The target is the built-in reference implementation, started by the door (a certificate of it is a demo).</summary>
    public bool OnReference => _reference is not null;

    /// <summary>Settles what the request leaves open, before any judgement: asked once, the same preparation after.</summary>
    public Task<PreparedRun> PrepareAsync(CancellationToken cancel = default) =>
        _prepared ??= ConformanceRun.PrepareAsync(Request, _catalogue, cancel);

    /// <summary>Prepares (if not yet), probes and judges.</summary>
    public async Task<RunResult> RunAsync(IProgress<RunProgress>? progress = null, CancellationToken cancel = default) =>
        await ConformanceRun.ExecuteAsync(await PrepareAsync(cancel), progress, cancel);

    /// <summary>Writes the chosen reports (all where none are named) into a folder.</summary>
    public IReadOnlyList<WrittenReport> WriteReports(RunResult result, string directory, IReadOnlyList<IReporter>? formats = null) =>
        ReportWriter.WriteAll(result, directory, formats);

    /// <summary>A certificate for a pass, signed and written beside the report.json it certifies (among the reports written); otherwise why not.</summary>
    public async Task<Certified> CertifyAsync(RunResult result, IReadOnlyList<WrittenReport> written, ECDsa key, int validDays) =>
        Certified.Write(result, new CertificateSubject((await PrepareAsync()).Profile, Vendor, OnReference), written, key, validDays);

    public void Dispose() => _reference?.Server.Dispose();
}
