#!/usr/bin/env bash
# One command from a fresh clone to a running portal with demo data:
# installs, builds, migrates, seeds the demo data when the database is empty,
# serves on http://localhost:${PORT:-3000}, and prints the demo accounts.
set -euo pipefail
cd "$(dirname "$0")/.."

major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 20 ]; then
  echo "Putuo Lab needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies…"
  npm install --no-audit --no-fund
fi

echo "Building…"
npx remix build

export NODE_ENV=production
export SEED_DEMO="${SEED_DEMO:-1}"
exec node server.js
