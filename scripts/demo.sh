#!/usr/bin/env bash
# The demo (`npm run demo`): starts the emulator, runs `pulumi up` on the stack of the root Pulumi.yaml
# (examples/basic) with a local file backend in a temp dir, prints the outputs, moves the emulator's
# clock, shows `pulumi-vox status` (live progress from the API) as it moves, refreshes to show the campaign
# finish (and that stack outputs follow only at the next up: `pulumi up --refresh`), then destroys the stack
# and cleans up.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

cli_dir="$(bash scripts/bootstrap.sh)"
export PATH="$cli_dir:$PATH"

# Pulumi keeps a stack's config (here its passphrase salt) next to Pulumi.yaml; the demo removes it at the end.
stack_config="$repo/Pulumi.demo.yaml"
if [[ -e "$stack_config" ]]; then
  echo "demo: $stack_config exists (an earlier demo that did not finish?); remove it and run again" >&2
  exit 1
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/vox-demo.XXXXXX")"
emulator_pid=""
cleanup() {
  [[ -n "$emulator_pid" ]] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
  rm -rf "$work" "$stack_config"
}
trap cleanup EXIT

export PULUMI_HOME="$work/pulumi-home"
export PULUMI_BACKEND_URL="file://$work/state"
export PULUMI_CONFIG_PASSPHRASE="demo-passphrase"
export PULUMI_SKIP_UPDATE_CHECK=true
mkdir -p "$work/state"
api_key="demo-key-$RANDOM$RANDOM"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Starting the vox API emulator"
node dist/emulator/cli.js --port 0 --api-key "$api_key" --rate-limit off > "$work/emulator.out" &
emulator_pid=$!
for _ in $(seq 100); do grep -q listening "$work/emulator.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*' "$work/emulator.out")"
echo "emulator at $url"

step "pulumi stack init demo (local file backend in $work)"
pulumi stack init demo --non-interactive
pulumi config set --secret vox:apiKey "$api_key"
pulumi config set vox:baseUrl "$url"

step "pulumi up"
pulumi up --yes --skip-preview --non-interactive
pulumi stack output

advance() {
  node -e "fetch('$url/_emulator/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: $1 }) }).then((r) => r.json()).then((c) => console.log('emulator time:', c.iso))"
}
# status finds the stack's campaigns with `pulumi stack export` and its key with `pulumi config get vox:apiKey`.
status() { node dist/cli/index.js status; }

step "pulumi-vox status: the campaign as the API sees it now (one GET)"
status

step "A week passes on the emulator's clock"
advance $((7 * 86400000))

step "pulumi-vox status: the calls are done"
status

step "pulumi refresh --diff: state takes the campaign's status and counters"
pulumi refresh --yes --skip-preview --diff --non-interactive

step "pulumi stack output: still the values of the last up"
# Pulumi evaluates stack outputs when the program runs; a refresh only updates state. This is Pulumi's
# behaviour for every provider, so the outputs still say what they said after the up.
pulumi stack output

step "pulumi up --refresh: reads the campaign and runs the program, so the outputs follow"
pulumi up --refresh --yes --skip-preview --non-interactive
pulumi stack output

step "pulumi destroy (a finished campaign needs no cancel) and clean up"
pulumi destroy --yes --skip-preview --non-interactive
pulumi stack rm demo --yes --non-interactive
