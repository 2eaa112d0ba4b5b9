#!/usr/bin/env bash
# The integration suite also runs on PostgreSQL: it needs the server binaries (Debian's
# postgresql package), not a running server — the test run starts a throwaway cluster.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "✖ PostgreSQL's server binaries are missing. Install them (sudo apt-get install postgresql)." >&2
  exit 1
fi
echo "▸ Installing PostgreSQL from Debian's packages (the integration tests run on it too)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
