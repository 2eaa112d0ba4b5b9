#!/usr/bin/env bash
# One command from a fresh clone to a running Paperdex on http://localhost:3000:
# installs dependencies, then `npm start` migrates, starts Meilisearch, ingests seeds/ and serves.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "▸ Installing dependencies (npm install, at the versions in package-lock.json)"
  npm install --no-audit --no-fund
fi
exec npm start -- "$@"
