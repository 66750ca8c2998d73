using System.Diagnostics;
using Conformance.Http;
using Conformance.Specs;
using Conformance.Standards;

namespace Conformance.Clients;

/// <summary>
/// A stand-in at work: each request the client sends is matched to its operation, read, answered (by a manner on
/// purpose, else by the reference implementation), recorded with its answer and timings, and counted toward the
/// scenario. Thread-safe: requests are taken one at a time, in the order they arrive. It knows no HTTP (a host feeds
/// it) and judges nothing (the checks read <see cref="Exchanges"/> when the session is over).
/// </summary>
public sealed class StandInSession
{
    private readonly Lock _lock = new();
    private readonly List<ClientExchange> _exchanges = [];
    private readonly HashSet<string> _secrets = [];
    private readonly List<string> _notes = [];
    private readonly Routes _routes;
    private readonly Dictionary<string, RequestContract> _contracts = [];
    private readonly Manners _manners;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan? _last;

    public StandInSession(Spec spec, Profile profile, Scenario scenario, IStandInReference reference, StandInSettings settings)
    {
        ScenarioLoader.ValidateAgainst(scenario, spec);
        Spec = spec;
        Profile = profile;
        Scenario = scenario;
        Reference = reference;
        Settings = settings;
        _routes = new Routes(spec);
        _manners = new Manners(scenario);
        Progress = new ScenarioProgress(scenario);
        foreach (var value in settings.Credentials.Values) _secrets.Add(value);
    }

    public Spec Spec { get; }
    public Profile Profile { get; }
    public Scenario Scenario { get; }
    public IStandInReference Reference { get; }
    public StandInSettings Settings { get; }
    public ScenarioProgress Progress { get; }
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Completes when every step of the scenario is done.</summary>
    public Task Completed => _complete.Task;

    /// <summary>Why the session takes no more requests (its cap reached, or it was closed), or null while it does.</summary>
    public string? Closed { get; private set; }

    public IReadOnlyList<ClientExchange> Exchanges
    {
        get { lock (_lock) return _exchanges.ToList(); }
    }

    /// <summary>Every value the client sent where a credential goes, and every credential issued: reports mask them.</summary>
    public IReadOnlyList<string> Secrets
    {
        get { lock (_lock) return _secrets.ToList(); }
    }

    public IReadOnlyList<string> Notes
    {
        get { lock (_lock) return _notes.ToList(); }
    }

    /// <summary>How long since the last request arrived (since the session began, before any).</summary>
    public TimeSpan Idle
    {
        get { lock (_lock) return _clock.Elapsed - (_last ?? TimeSpan.Zero); }
    }

    /// <summary>Whether any request has arrived.</summary>
    public bool Started
    {
        get { lock (_lock) return _last is not null; }
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Takes no more requests (each answered 503 unrecorded from now on), saying why.</summary>
    public void Close(string why)
    {
        lock (_lock) Closed ??= why;
    }

    /// <summary>A request the client sent: answered, recorded, counted.</summary>
    public StandInAnswer Receive(ArrivingRequest request)
    {
        lock (_lock)
        {
            if (Closed is not null) return StandInAnswer.Text(503, "This stand-in session is over.");
            if (_exchanges.Count >= Settings.MaxRequests)
            {
                Closed = $"the client sent {Settings.MaxRequests} requests, the most the stand-in takes in a session (--max-requests); later ones were not recorded";
                _notes.Add($"The session stopped taking requests: {Closed}.");
                return StandInAnswer.Text(503, "This stand-in session has taken all the requests it takes.");
            }
            var arrived = _clock.Elapsed;
            _last = arrived;
            var route = _routes.Match(request.Method, request.Path);
            var contract = route is null ? null : ContractOf(route.Operation);
            var (arguments, unreadable) = RequestReading.Read(request, route, contract, Profile.Client);
            KeepSecrets(request, arguments);
            (MannerKind Kind, StandInAnswer Answer)? manner = route is null || request.BodyCutAt is not null ? null : _manners.Decide(route.Operation.Id, arrived);
            var answer = request.BodyCutAt is { } cap
                ? StandInAnswer.Text(413, $"The body goes on past {ProbeSettings.Describe(cap)}, the most this stand-in takes.")
                : manner?.Answer ?? Answered(request);
            var exchange = new ClientExchange
            {
                Number = _exchanges.Count + 1,
                Exchange = Evidence(request, answer, route, arrived, _exchanges.Count + 1, manner?.Kind),
                Route = route,
                Contract = contract,
                Arguments = arguments,
                Unreadable = unreadable,
                Manner = manner?.Kind,
                Arrived = arrived,
                Answered = _clock.Elapsed,
            };
            exchange = exchange with { Steps = Progress.Observe(exchange, answer.Data) };
            _exchanges.Add(exchange);
            if (Progress.Complete) _complete.TrySetResult();
            return answer;
        }
    }

    /// <summary>The reference's answer; one it cannot give (it threw) is the stand-in's own fault, said as a 500 and noted.</summary>
    private StandInAnswer Answered(ArrivingRequest request)
    {
        try
        {
            return Reference.Answer(request);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _notes.Add($"The reference implementation could not answer request {_exchanges.Count + 1} ({e.GetType().Name}: {e.Message}): the stand-in answered 500, which is not held against the client.");
            return StandInAnswer.Text(500, "The stand-in could not answer this request.");
        }
    }

    private RequestContract ContractOf(SpecOperation operation) =>
        _contracts.TryGetValue(operation.Id, out var known) ? known : _contracts[operation.Id] = RequestContract.Of(Spec, operation);

    /// <summary>What the client sent where a credential goes: an apiKey's argument or header, Authorization, a token endpoint's client secret.</summary>
    private void KeepSecrets(ArrivingRequest request, IReadOnlyList<Argument> arguments)
    {
        foreach (var (place, name) in Spec.CredentialParameters)
        {
            foreach (var argument in arguments.Where(a => a.Name == name && a.Value.Length > 0)) _secrets.Add(argument.Value);
            foreach (var pair in Arguments.Parse(request.RawQuery).Where(p => place == "query" && p.Key == name && p.Value.Length > 0)) _secrets.Add(pair.Value);
            if (place == "header" && request.Header(name) is { Length: > 0 } header) _secrets.Add(header);
        }
        if (request.Header("Authorization") is { Length: > 0 } authorization) _secrets.Add(authorization);
    }

    private Exchange Evidence(ArrivingRequest request, StandInAnswer answer, Route? route, TimeSpan arrived, int number, MannerKind? manner) => new()
    {
        Operation = route?.Operation.Id ?? ClientExchange.NoOperation,
        Purpose = $"request {number} from the client" + manner switch
        {
            MannerKind.RetryAfter => ", answered 429 with Retry-After on purpose",
            MannerKind.ServerError => ", answered 503 on purpose",
            _ => "",
        },
        Method = request.Method,
        Url = request.Url,
        RequestHeaders = request.Headers,
        RequestBody = request.Body.Length > 0 ? request.Body : null,
        RequestBodyCutAt = request.BodyCutAt,
        Status = answer.Status,
        ResponseHeaders = answer.Headers,
        Body = answer.Body,
        ContentType = answer.ContentType,
        StartedAt = StartedAt + arrived,
        Duration = _clock.Elapsed - arrived,
        Anonymous = request.Header("Authorization") is null && !Spec.CredentialParameters.Any(c => request.RawQuery.Contains(c.Name + "=", StringComparison.Ordinal)),
    };
}
