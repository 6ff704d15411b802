#!/usr/bin/env bash
# The test command (`npm test`): installs what is missing, builds, and runs every mocha suite in two tiers,
# the fast one first (a failure there stops before the slow one):
#   fast  every test folder but those below: the emulator, the provider, the command lines.
#   cli   the folders that drive the real Pulumi CLI.
# Each test file owns its emulators, stacks and temp dirs, so files run in parallel, TEST_JOBS at a time
# (default 2, one per core of the CI machine): much of a test's time is waiting on a child process.
# A new test file joins its folder's tier; a new folder joins the fast tier unless it is named in CLI_FOLDERS.
# The suites run the TypeScript source through ts-node; the fresh dist/ is for the bins the command-line
# tests start, the Pulumi programs of the CLI tier, which import the package as users do, and
# test/package, which packs it into a tarball.
#
#   npm test                          both tiers
#   npm test -- fast                  one tier (fast or cli)
#   npm test -- fast --grep explain   further arguments go to mocha
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
CLI_FOLDERS=(e2e package policy native)

tier=all
if [[ ${1:-} == fast || ${1:-} == cli || ${1:-} == all ]]; then
  tier=$1
  shift
fi
# TEST_BUILT=1: the caller has just run the bootstrap (scripts/test-any-date.sh, once for several runs).
if [[ ${TEST_BUILT:-} != 1 ]]; then bash scripts/bootstrap.sh > /dev/null; fi
# The tests' types (and bench/'s, which the soak runs unchecked) are checked here, once for all (test/tsconfig.json), on the second core while the fast
# tier runs; mocha's processes only strip them (ts-node's transpile-only mode) instead of checking them in each.
npx tsc -p test/tsconfig.json &
typecheck=$!
export TS_NODE_TRANSPILE_ONLY=true

fast=('test/**/*.test.ts')
cli=()
for folder in "${CLI_FOLDERS[@]}"; do
  fast+=(--ignore "test/$folder/**")
  if [[ -d test/$folder ]]; then cli+=("test/$folder/**/*.test.ts"); fi
done
if [[ $tier != cli ]]; then
  npx mocha --parallel --jobs "${TEST_JOBS:-2}" "${fast[@]}" "$@" || { wait "$typecheck" || true; exit 1; }
fi
wait "$typecheck" || { echo "test: the tests do not type-check (npx tsc -p test/tsconfig.json)" >&2; exit 1; }
if [[ $tier != fast && ${#cli[@]} -gt 0 ]]; then
  npx mocha --parallel --jobs "${TEST_JOBS:-2}" "${cli[@]}" "$@"
fi
