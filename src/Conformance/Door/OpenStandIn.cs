using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Conformance.Clients;
using Conformance.Reports;
using Conformance.Running;

namespace Conformance.Door;

/// <summary>
/// A stand-in the door opened, serving its client: where (<see cref="Url"/>), with what credentials, playing which
/// scenario. It waits for the client (<see cref="WaitAsync"/>), judges what the client sent (<see cref="Judge"/>), and
/// writes the reports and the certificate as a run does; disposing it stops the server.
/// </summary>
public sealed class OpenStandIn : IDisposable
{
    /// <summary>How long a client that completed its scenario is let finish reading its last answer before the stand-in stops.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private readonly StartedStandIn _started;
    private readonly IReadOnlyList<ClientCheck> _checks;
    private string? _stopped;

    internal OpenStandIn(StandInSession session, StartedStandIn started, IReadOnlyList<ClientCheck> checks, TimeSpan limit, TimeSpan? untilIdle, bool loopback)
    {
        Session = session;
        _started = started;
        _checks = checks;
        Limit = limit;
        UntilIdle = untilIdle;
        Loopback = loopback;
    }

    public StandInSession Session { get; }
    public Uri Url => _started.Url;
    public IReadOnlyDictionary<string, string> Credentials => Session.Settings.Credentials;
    public IReadOnlyDictionary<string, string> Values => Session.Settings.Values;
    /// <summary>How long the client has, from the start of the session (--for, else the scenario's time limit).</summary>
    public TimeSpan Limit { get; }
    public TimeSpan? UntilIdle { get; }
    /// <summary>Listening on a loopback address only (the default): no other machine can reach it.</summary>
    public bool Loopback { get; }

    /// <summary>
    /// Waits until the scenario is complete (and the client quiet for <see cref="Grace"/>), the client has been idle for
    /// --until-idle, the time is up, or the wait is cancelled (Ctrl+C, SIGTERM). Returns why, in words for the run's notes:
    /// the caller stops the stand-in with them (<see cref="Stop"/>), saying more where it knows more (which signal).
    /// </summary>
    public async Task<string> WaitAsync(CancellationToken cancel = default)
    {
        string? why = null;
        while (why is null)
        {
            why = cancel.IsCancellationRequested ? "the stand-in was stopped"
                : Session.Progress.Complete && Session.Idle >= Grace ? "the scenario was complete"
                : UntilIdle is { } idle && Session.Started && Session.Idle >= idle ? $"the client sent nothing for {idle.TotalSeconds:0.#} s (--until-idle)"
                : Session.Elapsed >= Limit ? $"the time ran out ({Limit.TotalSeconds:0.#} s) before the scenario was complete"
                : Session.Closed is { } closed ? $"the session closed: {closed}"
                : null;
            if (why is null)
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), cancel);
                }
                catch (OperationCanceledException) { }
        }
        return why;
    }

    /// <summary>Takes no more requests, saying why (each later one is answered 503 and not recorded).</summary>
    public void Stop(string why)
    {
        _stopped ??= why;
        Session.Close(why);
    }

    /// <summary>What the client sent, judged: a run's result, with why the stand-in stopped in its notes.</summary>
    public RunResult Judge()
    {
        var result = ClientJudging.Judge(Session, _checks, $"a client of the stand-in at {Url.GetLeftPart(UriPartial.Authority)}, playing {Session.Scenario.Id}");
        if (_stopped is not null) result.Notes.Add($"The stand-in stopped: {_stopped}.");
        return result;
    }

    /// <summary>Writes the chosen reports (all where none are named) into a folder.</summary>
    public IReadOnlyList<WrittenReport> WriteReports(RunResult result, string directory, IReadOnlyList<IReporter>? formats = null) =>
        ReportWriter.WriteAll(result, directory, formats);

    /// <summary>A certificate that the client conformed, naming its role and scenario; otherwise why there is none.</summary>
    public Certified Certify(RunResult result, IReadOnlyList<WrittenReport> written, ECDsa key, int validDays) =>
        Certified.Write(result, new CertificateSubject(Session.Profile, null, Demo: false), written, key, validDays);

    /// <summary>What a client needs to start, as JSON (--ready-file): the URL, the standard, the scenario and role, the credentials and values.</summary>
    public JsonObject Ready() => new()
    {
        ["url"] = Url.ToString(),
        ["standard"] = Session.Profile.Id,
        ["scenario"] = Session.Scenario.Id,
        ["role"] = Session.Scenario.Role,
        ["asks"] = Session.Scenario.Asks,
        ["credentials"] = new JsonObject(Credentials.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
        ["values"] = new JsonObject(Values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))),
        ["limitSeconds"] = Limit.TotalSeconds,
    };

    public void Dispose()
    {
        Stop("the stand-in was closed");
        _started.Server.Dispose();
    }
}
