#!/usr/bin/env bash
# Generates the native provider's Python and Go SDKs from schema/provider.schema.json (scripts/gen-sdk,
# Pulumi's code generators at the CLI's version) into a temp folder, or into $1, and vets the Go SDK.
# Cold, the Go builds take several minutes on 2 cores. The Python SDK is generated but not type-checked
# here: mypy and pyright report errors in code patterns Pulumi's generator writes (docs/native-provider.md).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$(mktemp -d "${TMPDIR:-/tmp}/vox-sdks.XXXXXX")}"
say() { printf 'check-sdks: %s\n' "$*" >&2; }

version="$(node -p "require('$repo/package.json').devDependencies['@pulumi/pulumi']")"
say "generating the Python and Go SDKs into $out"
(cd "$repo/scripts/gen-sdk" && CGO_ENABLED=0 go run . "$repo/schema/provider.schema.json" "$out")

say "go vet of the Go SDK against github.com/pulumi/pulumi/sdk/v3 v$version"
cat > "$out/go/go.mod" <<MOD
module github.com/pulumi-vox/pulumi-vox/sdk/go

go 1.25

require github.com/pulumi/pulumi/sdk/v3 v$version
MOD
cp "$repo/scripts/gen-sdk/go.sum" "$out/go/go.sum"
(cd "$out/go" && GOFLAGS=-mod=mod go mod tidy && go vet ./...)
say "ok: $out/python (pulumi_vox) and $out/go (vet clean)"
