#!/usr/bin/env bash
# Smoke test of the bundle made by `make package`: it starts, knows its version, builds a
# store with demo data, finds a company, and opens the window offscreen until it is ready.
set -euo pipefail
bundle="${1:-dist/lokomotiv/lokomotiv}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bundle" --version
"$bundle" --db "$work/smoke.db" demo --companies 50 >/dev/null
"$bundle" --db "$work/smoke.db" search aps --json | grep -q '"cvr"'
QT_QPA_PLATFORM=offscreen LOKOMOTIV_EXIT_WHEN_READY=1 timeout 60 \
    "$bundle" --db "$work/smoke.db" | grep -q ready
echo "bundle OK: $bundle"
