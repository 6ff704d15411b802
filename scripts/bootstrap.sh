#!/usr/bin/env bash
# Installs what the demo and the tests need on a fresh clone: npm packages (which builds dist/ through
# the `prepare` script) and a Pulumi CLI matching @pulumi/pulumi. Prints the CLI's directory on stdout.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
if [[ ! -d node_modules/@pulumi/pulumi || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "bootstrap: npm ci" >&2
  npm ci --no-audit --no-fund >&2
else
  npm run --silent build >&2
fi
bash scripts/ensure-pulumi-cli.sh
