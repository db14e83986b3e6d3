#!/usr/bin/env bash
# Regenerates what docs/fleet.md and docs/policies.md show from the current code: the default
# run's tables, CSV files and chart (docs/fleet/default/), and the small run that
# FleetCommandTests.FleetDocs_ShowTheCurrentOutputOfTheirSmallRun checks.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release src/IronicCore.Cli >/dev/null
sim() { dotnet src/IronicCore.Cli/bin/Release/net10.0/IronicCore.Cli.dll fleet "$@"; }
default=$(mktemp)
small=$(mktemp)
trap 'rm -f "$default" "$small"' EXIT
sim --out docs/fleet/default >"$default"
sim --nodes 500 --days 3 >"$small"
python3 - "$default" "$small" <<'PY'
import re, sys
def tables(path):
    text = open(path).read()
    return text[:text.index("| policy | events |")]
default, small = tables(sys.argv[1]), tables(sys.argv[2])
for doc in ("docs/fleet.md", "docs/policies.md"):
    text = open(doc).read()
    text = re.sub(r"(<!-- default-run -->\n```\n).*?(```)", lambda m: m.group(1) + default + m.group(2), text, flags=re.S)
    text = re.sub(r"(<!-- small-run: ironic-sim fleet [^>]* -->\n```\n).*?(```)", lambda m: m.group(1) + small + m.group(2), text, flags=re.S)
    open(doc, "w").write(text)
PY
echo "docs/fleet.md, docs/policies.md and docs/fleet/default/ regenerated"
