#!/usr/bin/env bash
# Makes the Pulumi YAML language host (pulumi-language-yaml) available and prints the directory holding
# it (put it on PATH beside the CLI), for YAML programs over the native provider (docs/native-provider.md).
# In order:
#   1. a pulumi-language-yaml already on PATH;
#   2. a cached build under ${PULUMI_VOX_CACHE:-~/.cache/pulumi-vox}/yaml-host/v<version>;
#   3. a build from the Go module proxy (github.com/pulumi/pulumi-yaml, about 35 s once its modules are there).
# Progress goes to stderr; only the directory goes to stdout.
set -euo pipefail

# The pulumi-yaml release the tests run; its language host speaks the protocol of CLI v3.248.0.
version="1.25.0"
say() { printf 'yaml-host: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

if command -v pulumi-language-yaml >/dev/null 2>&1; then
  dir="$(dirname "$(command -v pulumi-language-yaml)")"
  say "using the installed pulumi-language-yaml at $dir"
  echo "$dir"
  exit 0
fi

cache="${PULUMI_VOX_CACHE:-$HOME/.cache/pulumi-vox}/yaml-host/v$version"
if [[ -x "$cache/bin/pulumi-language-yaml" ]]; then
  say "using the cached build in $cache/bin"
  echo "$cache/bin"
  exit 0
fi

command -v go >/dev/null || die "no pulumi-language-yaml on PATH and no Go toolchain to build one: install Go 1.24+"
say "building pulumi-language-yaml v$version from the Go module proxy"
staging="$(mktemp -d "${TMPDIR:-/tmp}/yaml-host-build.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/bin"
CGO_ENABLED=0 GOBIN="$staging/bin" go install -trimpath \
  -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=v$version" \
  "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$version" ||
  die "go install failed (see above); the Go module proxy must be reachable (GOPROXY=$(go env GOPROXY))"
mkdir -p "$(dirname "$cache")"
rm -rf "$cache.tmp" && cp -r "$staging" "$cache.tmp" && rm -rf "$cache" && mv "$cache.tmp" "$cache"
say "built pulumi-language-yaml v$version into $cache/bin"
echo "$cache/bin"
