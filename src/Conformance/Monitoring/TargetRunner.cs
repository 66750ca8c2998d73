using System.Diagnostics;
using System.Security.Cryptography;
using Conformance.Door;
using Conformance.Evidence;
using Conformance.Http;
using Conformance.Running;
using Conformance.Text;
using Conformance.Vendors;

namespace Conformance.Monitoring;

/// <summary>
/// Runs many targets, up to <see cref="MonitorOptions.Parallel"/> at once, each through the door (<see cref="RunDoor"/>)
/// with its own request (and so its own rate and its one request at a time). Whatever one target does (hang, refuse,
/// throw, fail to load) is recorded against it and never stops the others; a stop keeps every finished target.
/// </summary>
public static class TargetRunner
{
    public static async Task<IReadOnlyList<RunRecord>> RunAsync(IReadOnlyList<MonitorTarget> targets, string outDir, MonitorOptions options,
        IProgress<TargetFinished>? progress = null, CancellationToken stop = default)
    {
        using var slots = new SemaphoreSlim(Math.Max(1, options.Parallel));
        var done = 0;
        var gate = new object();
        var runs = await Task.WhenAll(targets.Select(async target =>
        {
            try
            {
                await slots.WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return Finish(RunRecord.Unjudged(target, TargetStatus.Stopped, "not started: the monitor was stopped first", DateTimeOffset.UtcNow), TimeSpan.Zero);
            }
            try
            {
                var clock = Stopwatch.StartNew();
                var run = await RunOneAsync(target, outDir, options, stop);
                return Finish(run, clock.Elapsed);
            }
            finally
            {
                slots.Release();
            }
        }));
        return runs.OrderBy(r => r.Target, StringComparer.Ordinal).ToList();

        RunRecord Finish(RunRecord run, TimeSpan took)
        {
            lock (gate) progress?.Report(new TargetFinished(++done, targets.Count, run, took));
            return run;
        }
    }

    /// <summary>One target, never throwing: its run, or a record of why there is none.</summary>
    public static async Task<RunRecord> RunOneAsync(MonitorTarget target, string outDir, MonitorOptions options, CancellationToken stop)
    {
        var started = DateTimeOffset.UtcNow;
        string digest;
        VendorProfile vendor;
        try
        {
            digest = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(target.ProfilePath, stop)));
            vendor = VendorProfileLoader.Load(target.ProfilePath);
        }
        catch (Exception e) when (RunDoor.IsSetupError(e) || e is OperationCanceledException)
        {
            return RunRecord.Unjudged(target, stop.IsCancellationRequested ? TargetStatus.Stopped : TargetStatus.Misconfigured, e.Message, started);
        }
        // A key in the base URL's query is a secret like any other (RunRequest.Secrets).
        var url = vendor.BaseUrl is { } baseUrl ? Redaction.Mask(baseUrl, TargetUrls.QueryValues(new Uri(baseUrl)).ToList()) : "";
        RunRecord Unjudged(TargetStatus status, string message) => RunRecord.Unjudged(target, status, message, started,
            url, digest, vendor.Vendor, vendor.Product, vendor.Standard ?? "");

        OpenRun run;
        try
        {
            // The monitor's deadline for a target whose profile sets none of its own.
            run = options.Door.Open(vendor, new RunOverrides { DeadlineSeconds = vendor.Limits.DeadlineSeconds is null ? options.TargetDeadline.TotalSeconds : null });
        }
        catch (Exception e) when (RunDoor.IsSetupError(e))
        {
            return Unjudged(TargetStatus.Misconfigured, e.Message);
        }
        catch (Exception e)
        {
            return Unjudged(TargetStatus.Crashed, $"the harness failed on this target: {e.GetType().Name}: {e.Message}");
        }
        using (run)
        {
            var deadline = run.Request.Options.Deadline ?? options.TargetDeadline;
            using var abandon = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var work = Task.Run(() => JudgeAsync(target, run, digest, outDir, stop, abandon.Token), CancellationToken.None);
            // A target that ignores even its deadline (a hung spec download, a hung harness) is left behind, so the others and the night go on.
            var stopped = new TaskCompletionSource();
            await using (stop.Register(() => Task.Delay(options.Grace).ContinueWith(_ => stopped.TrySetResult(), TaskScheduler.Default)))
            {
                var first = await Task.WhenAny(work, Task.Delay(deadline + options.Grace, CancellationToken.None), stopped.Task);
                if (first != work)
                {
                    await abandon.CancelAsync();
                    return stop.IsCancellationRequested
                        ? Unjudged(TargetStatus.Stopped, "stopped by the monitor; the target gave no result in time")
                        : Unjudged(TargetStatus.TimedOut, $"gave no result within its deadline of {deadline.TotalSeconds:0.#} s and {options.Grace.TotalSeconds:0.#} s more");
                }
            }
            try
            {
                return await work;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return Unjudged(TargetStatus.Stopped, "stopped by the monitor before it finished");
            }
            catch (Exception e) when (RunDoor.IsSetupError(e))
            {
                return Unjudged(TargetStatus.Misconfigured, e.Message);
            }
            catch (Exception e)
            {
                return Unjudged(TargetStatus.Crashed, $"the harness failed on this target: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private static async Task<RunRecord> JudgeAsync(MonitorTarget target, OpenRun run, string digest, string outDir, CancellationToken stop,
        CancellationToken abandon)
    {
        var clock = Stopwatch.StartNew();
        var result = await run.RunAsync(null, abandon);
        var status = stop.IsCancellationRequested ? TargetStatus.Stopped
            : result.Aborted is not null && run.Request.Options.Deadline is { } deadline && clock.Elapsed >= deadline ? TargetStatus.TimedOut
            : TargetStatus.Completed;
        run.WriteReports(result, Contained.Path(outDir, "targets", target.Folder));
        return RunRecord.Of(target, status, result, digest, run.Vendor!.Vendor, run.Vendor.Product, $"targets/{target.Folder}");
    }
}
