#!/usr/bin/env bash
# The harvest benchmark (docs/performance.md): builds the harness in Release, then measures a full harvest of
# generated ORUK feeds against a plain fetch and a fetch with bare validation. Arguments go to the benchmark,
# e.g. benchmarks/harvest.sh --services 1000,10000,100000 --out /tmp/harvest.md
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/Conformance.Cli -v q -nologo >/dev/null
dotnet run -c Release --project benchmarks/Harvest -- "$@"
