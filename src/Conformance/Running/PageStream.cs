using System.Collections.Concurrent;
using System.Threading.Channels;
using Conformance.Checks;
using Conformance.Evidence;

namespace Conformance.Running;

/// <summary>
/// A list's pages judged as they arrive, on the other core while the next page is fetched: each page is told to
/// every page-wise check (<see cref="PageCheck"/>), then cut down to what is kept of it. The channel between the
/// fetching and the judging is bounded, so a fast server cannot pile pages up in memory ahead of the judging.
/// </summary>
public sealed class PageStream
{
    private const int Capacity = 4;
    private readonly Channel<(int Slot, SentRequest Page)> _pages =
        Channel.CreateBounded<(int, SentRequest)>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
    private readonly IReadOnlyList<(PageCheck Check, Judgement Judgement)> _judgements;
    private readonly Func<int, SentRequest, SentRequest> _keep;
    private readonly ConcurrentDictionary<int, SentRequest> _kept = new();
    private readonly ConcurrentDictionary<string, Exception> _failed = new();
    private readonly Task _judging;

    /// <param name="keep">What is kept of a page once judged, given its slot.</param>
    public PageStream(IReadOnlyList<(PageCheck Check, Judgement Judgement)> judgements, Func<int, SentRequest, SentRequest> keep)
    {
        _judgements = judgements;
        _keep = keep;
        _judging = Task.Run(JudgeAsync);
    }

    /// <summary>Checks whose judgement threw on some page: each gets an error for the operation, never a dead run.</summary>
    public IReadOnlyDictionary<string, Exception> Failed => _failed;

    /// <summary>The judgement a page-wise check was given for this list, told every page sent so far.</summary>
    public Judgement? JudgementOf(PageCheck check) => _judgements.FirstOrDefault(j => j.Check == check).Judgement;

    public ValueTask SendAsync(int slot, SentRequest page, CancellationToken cancel) => _pages.Writer.WriteAsync((slot, page), cancel);

    /// <summary>
    /// What is kept of the pages judged since last asked, by slot, to put in place of the pages as received: until then
    /// the sender still holds those whole.
    /// </summary>
    public IReadOnlyList<(int Slot, SentRequest Kept)> TakeKept()
    {
        var taken = new List<(int, SentRequest)>();
        foreach (var slot in _kept.Keys)
            if (_kept.TryRemove(slot, out var kept)) taken.Add((slot, kept));
        return taken;
    }

    /// <summary>Waits for every page sent to be judged, and gives what is kept of those not taken yet, by slot.</summary>
    public async Task<IReadOnlyList<(int Slot, SentRequest Kept)>> FinishAsync()
    {
        _pages.Writer.TryComplete();
        await _judging;
        return TakeKept();
    }

    private async Task JudgeAsync()
    {
        await foreach (var (slot, page) in _pages.Reader.ReadAllAsync())
        {
            if (page.Exchange.Answered && page.IsOrdinary)
                foreach (var (check, judgement) in _judgements)
                {
                    if (_failed.ContainsKey(check.Id)) continue;
                    try
                    {
                        judgement.Observe(page.Exchange);
                    }
                    catch (Exception e) // a check's bug or a body it did not foresee: that check errs, the run goes on
                    {
                        _failed[check.Id] = e;
                    }
                }
            try
            {
                _kept[slot] = _keep(slot, page);
            }
            catch (Exception) // cutting a page down only saves memory: a page that resists it is kept whole
            {
                _kept[slot] = page with { JudgedOnArrival = true };
            }
        }
    }
}
