#!/usr/bin/env bash
# Installs what the demo and the tests need on a fresh clone, and builds: npm packages, dist/ compiled
# from the TypeScript source (every time, so no test or demo runs a stale dist/; the package has no
# `prepare` script, it builds on `npm pack` through `prepack`), and a Pulumi CLI matching the tested
# @pulumi/pulumi. Prints the CLI's directory on stdout.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
if [[ ! -d node_modules/@pulumi/pulumi || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "bootstrap: npm ci" >&2
  npm ci --no-audit --no-fund >&2
fi
npm run --silent build >&2
# The repository depends on itself (`file:`) so that programs here resolve `pulumi-vox`; npm ci links its
# bins (vox-emulator, pulumi-vox) only when dist/ exists, which it does only now.
if [[ ! -e node_modules/.bin/vox-emulator || ! -e node_modules/.bin/pulumi-resource-vox ]]; then npm rebuild pulumi-vox --no-audit --no-fund >&2; fi
bash scripts/ensure-yaml-host.sh >&2
bash scripts/ensure-pulumi-cli.sh
