#!/usr/bin/env bash
# Makes a Pulumi CLI matching the pinned @pulumi/pulumi version available and prints the directory
# holding it (put it first on PATH). In order:
#   1. a `pulumi` already on PATH at exactly that version (with its pulumi-language-nodejs);
#   2. a cached build under ${PULUMI_VOX_CACHE:-~/.cache/pulumi-vox};
#   3. a build from the Go module proxy: the CLI (github.com/pulumi/pulumi/pkg/v3/cmd/pulumi) and our own
#      Node.js language host (scripts/pulumi-cli/langhost: the official one is not served by the proxy).
# Progress goes to stderr; only the directory goes to stdout.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf 'pulumi-cli: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

version="$(node -p "require('$repo/package.json').devDependencies['@pulumi/pulumi']")"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "package.json must pin @pulumi/pulumi in devDependencies to an exact version (the tested one), not '$version'"

# 1. An installed CLI of the same version: users who have one never build.
if command -v pulumi >/dev/null 2>&1; then
  installed="$(pulumi version 2>/dev/null || true)"
  dir="$(dirname "$(command -v pulumi)")"
  if [[ "$installed" == "v$version" ]] && { [[ -x "$dir/pulumi-language-nodejs" ]] || command -v pulumi-language-nodejs >/dev/null; }; then
    say "using the installed pulumi $installed at $dir"
    echo "$dir"
    exit 0
  fi
  [[ -n "$installed" ]] && say "the installed pulumi is $installed, not v$version: using a matching build instead"
fi

# 2. A cached build, keyed by version and by the build inputs (a changed language host rebuilds).
src="$repo/scripts/pulumi-cli"
key="$(cat "$src/go.mod" "$src/go.sum" "$src/langhost/main.go" | sha256sum | cut -c1-12)"
cache="${PULUMI_VOX_CACHE:-$HOME/.cache/pulumi-vox}/pulumi-cli/v$version-$key"
if [[ -x "$cache/bin/pulumi" && -x "$cache/bin/pulumi-language-nodejs" && -x "$cache/bin/pulumi-resource-pulumi-nodejs" ]]; then
  say "using the cached build in $cache/bin"
  echo "$cache/bin"
  exit 0
fi

# 3. Build.
command -v go >/dev/null || die "no Pulumi CLI v$version on PATH and no Go toolchain to build one: install Pulumi v$version, or Go 1.25+"
grep -q "github.com/pulumi/pulumi/pkg/v3 v$version" "$src/go.mod" ||
  die "scripts/pulumi-cli/go.mod does not build v$version; in scripts/pulumi-cli run: go get github.com/pulumi/pulumi/pkg/v3@v$version github.com/pulumi/pulumi/sdk/v3@v$version && go mod tidy"
launcher="$repo/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
[[ -f "$launcher" ]] || die "$launcher is missing: run npm ci first"

say "building Pulumi CLI v$version from the Go module proxy; a cold build downloads a few hundred modules and takes 5-20 minutes on 2 cores"
staging="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-cli-build.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/bin"
(
  cd "$src"
  say "downloading modules"
  go mod download
  say "compiling pulumi (the long part)"
  CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
    -o "$staging/bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
  say "compiling pulumi-language-nodejs"
  CGO_ENABLED=0 go build -trimpath -ldflags "-X main.version=$version" -o "$staging/bin/pulumi-language-nodejs" ./langhost
) || die "go build failed (see above); the Go module proxy must be reachable (GOPROXY=$(go env GOPROXY))"
install -m 0755 "$launcher" "$staging/bin/pulumi-resource-pulumi-nodejs"

built="$("$staging/bin/pulumi" version)"
[[ "$built" == "v$version" ]] || die "the build reports $built, not v$version"
mkdir -p "$(dirname "$cache")"
rm -rf "$cache.tmp" && cp -r "$staging" "$cache.tmp" && rm -rf "$cache" && mv "$cache.tmp" "$cache"
say "built pulumi $built into $cache/bin"
echo "$cache/bin"
