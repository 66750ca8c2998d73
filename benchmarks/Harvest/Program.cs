using System.Diagnostics;
using System.Globalization;
using Conformance.Benchmarks;

// Usage: dotnet run -c Release --project benchmarks/Harvest -- [--services 1000,10000,100000] [--cli PATH] [--out FILE] [--harness-arg ARG]...
var sizes = new List<int> { 1_000, 10_000, 100_000 };
string? cli = null, output = null;
var extra = new List<string>();
for (var i = 0; i < args.Length; i++)
    switch (args[i])
    {
        case "--services": sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(); break;
        case "--cli": cli = args[++i]; break;
        case "--out": output = args[++i]; break;
        case "--harness-arg": extra.Add(args[++i]); break; // passed on to `conformance run`, e.g. --harness-arg --format --harness-arg md
        default: Console.Error.WriteLine($"Unknown argument '{args[i]}'."); return 2;
    }
cli ??= Path.Combine(Checkout.Root, "src", "Conformance.Cli", "bin", "Release", "net10.0", "conformance.dll");
if (!File.Exists(cli))
{
    Console.Error.WriteLine($"The harness is not built at {cli}: run 'dotnet build -c Release src/Conformance.Cli' first (benchmarks/harvest.sh does).");
    return 2;
}

var rows = new List<Measurement>();
foreach (var services in sizes)
{
    Console.Error.WriteLine($"{services} services…");
    rows.Add(await Measurement.TakeAsync(services, cli, extra));
}
var table = Measurement.Table(rows, Environment.ProcessorCount);
Console.WriteLine(table);
if (output is not null) await File.WriteAllTextAsync(output, table);
return rows.All(r => r.HarnessExit is 0 or 1) ? 0 : 1;
