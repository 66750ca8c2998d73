using Conformance.Http;
using Conformance.Running;

namespace Conformance.Reports;

/// <summary>
/// Every exchange of a run once, with the id reports cite it by ("e1", "e2", ...): the run's exchanges in order, then
/// any evidence a result cites that the run did not record (so no finding loses its evidence).
/// </summary>
public sealed class ExchangeIndex
{
    private readonly Dictionary<Exchange, string> _ids = new(ReferenceEqualityComparer.Instance);
    private readonly List<Exchange> _all = [];
    private readonly HashSet<Exchange> _cited;
    private readonly IReadOnlyDictionary<Exchange, Evidence.RequestOwner> _owners;

    public ExchangeIndex(RunResult result)
    {
        _owners = result.Owners;
        _cited = new HashSet<Exchange>(result.Results.Select(r => r.Evidence).OfType<Exchange>(), ReferenceEqualityComparer.Instance);
        foreach (var exchange in result.Exchanges.Concat(result.Results.Select(r => r.Evidence).OfType<Exchange>()))
            if (!_ids.ContainsKey(exchange))
            {
                _all.Add(exchange);
                _ids[exchange] = $"e{_all.Count}";
            }
    }

    public IReadOnlyList<Exchange> All => _all;

    public string IdOf(Exchange exchange) => _ids[exchange];

    /// <summary>Whether a result cites the exchange as its evidence.</summary>
    public bool IsCited(Exchange exchange) => _cited.Contains(exchange);

    public string? IdOf(CheckResult result) => result.Evidence is { } evidence ? _ids[evidence] : null;

    /// <summary>The id of the check a request was sent for; null for an ordinary read.</summary>
    public string? OwnerOf(Exchange exchange) => _owners.GetValueOrDefault(exchange)?.Id;
}
