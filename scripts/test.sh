#!/usr/bin/env bash
# The test command (`npm test`): installs what is missing, builds, and runs every mocha suite, the
# end-to-end suite with the real Pulumi CLI included. The suites run the TypeScript source through
# ts-node; the fresh dist/ is for the Pulumi programs of test/e2e, which import the package as users do,
# and test/package packs it into a tarball.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
bash scripts/bootstrap.sh > /dev/null
exec npx mocha "$@"
