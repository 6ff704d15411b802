#!/usr/bin/env bash
# Generates the native provider's Python and Go SDKs from schema/provider.schema.json (scripts/gen-sdk,
# Pulumi's code generators at the CLI's version) into a temp folder, or into $1, and checks both: the
# Python SDK with mypy against the pulumi package of the CLI's version (from PyPI, into .tmp/sdk-venv on
# the first run), then installed there and imported; the Go SDK with `go vet`. Cold, the Go builds take
# several minutes on 2 cores; warm, the whole check takes about 6 s of CPU.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$(mktemp -d "${TMPDIR:-/tmp}/vox-sdks.XXXXXX")}"
mkdir -p "$out" && out="$(cd "$out" && pwd)"
say() { printf 'check-sdks: %s\n' "$*" >&2; }
MYPY_VERSION=2.4.1

version="$(node -p "require('$repo/package.json').devDependencies['@pulumi/pulumi']")"
say "generating the Python and Go SDKs into $out"
(cd "$repo/scripts/gen-sdk" && CGO_ENABLED=0 go run . "$repo/schema/provider.schema.json" "$out")

# What the SDK's setup.py requires (pulumi at the CLI's version), and the checker.
venv="$repo/.tmp/sdk-venv"
requirements=("mypy==$MYPY_VERSION" "pulumi==$version" "parver==1.0.1.post0" "semver==3.1.2")
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('mypy') != '$MYPY_VERSION' or m.version('pulumi') != '$version')" 2> /dev/null; then
  say "installing ${requirements[*]} into .tmp/sdk-venv"
  mkdir -p "$repo/.tmp"
  python3 -m venv "$venv" 2> /dev/null || { apt-get update -qq && apt-get install -y -qq python3-venv > /dev/null && rm -rf "$venv" && python3 -m venv "$venv"; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${requirements[@]}"
fi
say "mypy $MYPY_VERSION of the Python SDK against pulumi $version"
(cd "$out/python" && "$venv/bin/mypy" --config-file "$repo/scripts/gen-sdk/mypy.ini" --no-incremental pulumi_vox)
# And it installs and loads, as a user's `pip install` gives it: its classes and the enums the schema declares.
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall "$out/python"
(cd "$venv" && "$venv/bin/python" -c 'import pulumi_vox as vox; assert vox.Campaign and vox.Provider and vox.get_campaign and vox.Day.MONDAY.value == "Monday"; print("check-sdks: import pulumi_vox: ok")')

say "go vet of the Go SDK against github.com/pulumi/pulumi/sdk/v3 v$version"
cat > "$out/go/go.mod" <<MOD
module github.com/pulumi-vox/pulumi-vox/sdk/go

go 1.25

require github.com/pulumi/pulumi/sdk/v3 v$version
MOD
cp "$repo/scripts/gen-sdk/go.sum" "$out/go/go.sum"
(cd "$out/go" && GOFLAGS=-mod=mod go mod tidy && go vet ./...)
say "ok: $out/python (pulumi_vox, mypy clean) and $out/go (vet clean)"
