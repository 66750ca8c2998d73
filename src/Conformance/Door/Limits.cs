using Conformance.Certificates;
using Conformance.Http;
using Conformance.Running;
using Conformance.Vendors;

namespace Conformance.Door;

/// <summary>
/// Every limit a user may set, declared once, with the words every front end prints for a value outside it. The door
/// checks a run's values against them (<see cref="Check"/>): the front end's overrides and the vendor profile's limits.
/// A front end reads its own flags with the same declarations (the CLI's typed flags, the monitor's --parallel).
/// </summary>
public sealed record Limits
{
    /// <summary>The limits every front end uses unless a test gives its door others.</summary>
    public static Limits Standard { get; } = new();

    public Limit Timeout { get; init; } = Limit.Seconds("--timeout", "timeout_seconds", 3600);
    /// <summary>The longest a whole run may take (monitor: each target's, --target-deadline).</summary>
    public Limit Deadline { get; init; } = Limit.Seconds("--deadline", "deadline_seconds", 7 * 24 * 3600, "a week");
    /// <summary>Requests a second; a flag may also say 'unlimited' (or 0), for a local target.</summary>
    public Limit Rate { get; init; } = new("--rate", "requests_per_second", "a number of requests a second from 0.01 to 1000", 0.01, 1000);
    public Limit MaxPages { get; init; } = Limit.WholeNumber("--max-pages", "max_pages", 1, 10_000);
    public Limit MaxBody { get; init; } = Limit.WholeNumber("--max-body", "max_body_mb", 1, (int)(ProbeSettings.MostBodyBytes / ProbeSettings.Megabyte), "megabytes");
    public Limit HarvestPages { get; init; } = Limit.WholeNumber("--harvest-limit", null, 1, int.MaxValue, "pages");
    public Limit Seed { get; init; } = new("--seed", null, "a whole number", 0, int.MaxValue, Whole: true);
    /// <summary>Requests at once to one target (a vendor profile's concurrency), and targets at once (monitor --parallel).</summary>
    public Limit Concurrency { get; init; } = Limit.WholeNumber(null, "concurrency", 1, 64);
    public Limit ValidDays { get; init; } = Limit.WholeNumber("--valid-days", null, 1, Certification.MostValidDays, "days");
    /// <summary>The port a reference implementation listens on, on 127.0.0.1 (serve --port).</summary>
    public Limit Port { get; init; } = Limit.WholeNumber("--port", null, 1, 65535);
    /// <summary>How long a stand-in waits for its client (stand-in --for; the scenario's own time limit unless given).</summary>
    public Limit StandInFor { get; init; } = new("--for", null, "a duration above 0 and at most a day (a number of seconds, or 90s, 5m, 1h)", 0, 24 * 3600, AboveLeast: true);
    /// <summary>A stand-in stops once its client has sent nothing for this long (stand-in --until-idle).</summary>
    public Limit UntilIdle { get; init; } = Limit.Seconds("--until-idle", null, 3600, "an hour");
    /// <summary>The most requests a stand-in records in a session (stand-in --max-requests).</summary>
    public Limit MaxRequests { get; init; } = Limit.WholeNumber("--max-requests", null, 1, 1_000_000, "requests");
    /// <summary>The largest request body a stand-in reads (stand-in --max-body), in megabytes: it holds each body whole.</summary>
    public Limit RequestBody { get; init; } = Limit.WholeNumber("--max-body", null, 1, 64, "megabytes");

    /// <summary>How many recorded runs `history` lists.</summary>
    public Limit Runs { get; init; } = Limit.WholeNumber("--limit", null, 1, int.MaxValue);

    /// <summary>The words for --rate, which also takes 'unlimited' (or 0).</summary>
    public Limit RateFlag => Rate with { Words = $"{Rate.Words}, or 'unlimited' (or 0)" };

    /// <summary>
    /// Refuses, in the limit's own words, any value of a run outside its limit: the front end's (named by its flag) and
    /// the vendor profile's (named by its file and key).
    /// </summary>
    public void Check(RunOverrides overrides, VendorProfile? vendor)
    {
        Given(Timeout, overrides.TimeoutSeconds);
        Given(Deadline, overrides.DeadlineSeconds);
        if (overrides.RequestsPerSecond is not RunOverrides.Unlimited) Given(RateFlag, overrides.RequestsPerSecond);
        Given(MaxPages, overrides.MaxPages);
        Given(MaxBody, overrides.MaxBodyMb);
        Given(HarvestPages, overrides.HarvestPages);
        Given(Seed, overrides.Seed);
        if (vendor is null) return;
        var limits = vendor.Limits;
        Declared(vendor, Rate, limits.RequestsPerSecond);
        Declared(vendor, Concurrency, limits.Concurrency);
        Declared(vendor, Timeout, limits.TimeoutSeconds);
        Declared(vendor, MaxPages, limits.MaxPages);
        Declared(vendor, MaxBody, limits.MaxBodyMb);
        Declared(vendor, Deadline, limits.DeadlineSeconds);
    }

    /// <summary>Refuses, in the limit's own words, any value of a stand-in outside its limit.</summary>
    public void Check(StandInOverrides overrides)
    {
        Given(StandInFor, overrides.ForSeconds);
        Given(UntilIdle, overrides.UntilIdleSeconds);
        Given(MaxRequests, overrides.MaxRequests);
        Given(RequestBody, overrides.MaxBodyMb);
        Given(Port, overrides.Port);
    }

    private static void Given(Limit limit, double? value)
    {
        if (value is { } given && !limit.Allows(given)) throw new ConfigurationException(limit.Refusal(limit.Flag!, given));
    }

    private static void Declared(VendorProfile vendor, Limit limit, double? value)
    {
        if (value is { } given && !limit.Allows(given))
            throw new ConfigurationException($"{vendor.Source ?? "the vendor profile"}: {limit.Refusal($"limits.{limit.Key}", given)}");
    }
}
