#!/usr/bin/env bash
# Makes a Pulumi CLI matching the pinned @pulumi/pulumi version available and prints the directory
# holding it (put it first on PATH). In order:
#   1. a `pulumi` already on PATH at exactly that version (with its pulumi-language-nodejs);
#   2. a cached build under ${PULUMI_VOX_CACHE:-~/.cache/pulumi-vox};
#   3. a build from the Go module proxy of whichever part is missing: the CLI
#      (github.com/pulumi/pulumi/pkg/v3/cmd/pulumi) and our own Node.js language host
#      (scripts/pulumi-cli/langhost: the official one is not served by the proxy).
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

# 2. Cached builds, in two parts keyed apart, so a change to the language host rebuilds only the host
#    (seconds) and not the CLI (minutes):
#      cli-v<version>-<hash of go.mod, go.sum>/pulumi
#      langhost-v<version>-<hash of go.mod, go.sum, langhost/*.go>/pulumi-language-nodejs
#    Callers get v<version>-<cli hash>-<host hash>/bin, which links both beside the engine's
#    pulumi-resource-pulumi-nodejs launcher.
src="$repo/scripts/pulumi-cli"
root="${PULUMI_VOX_CACHE:-$HOME/.cache/pulumi-vox}/pulumi-cli"
digest() { cat "$@" | sha256sum | cut -c1-12; }
cli_key="$(digest "$src/go.mod" "$src/go.sum")"
host_key="$(digest "$src/go.mod" "$src/go.sum" "$src"/langhost/*.go)"
cli_dir="$root/cli-v$version-$cli_key"
host_dir="$root/langhost-v$version-$host_key"
bin="$root/v$version-$cli_key-$host_key/bin"
if [[ -x "$bin/pulumi" && -x "$bin/pulumi-language-nodejs" && -x "$bin/pulumi-resource-pulumi-nodejs" ]]; then
  say "using the cached build in $bin"
  echo "$bin"
  exit 0
fi

launcher="$repo/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
[[ -f "$launcher" ]] || die "$launcher is missing: run npm ci first"

# Fills a cache directory atomically: the command after it writes into the directory it is given.
fill() {
  local dir="$1"; shift
  rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
  "$@" "$dir.tmp" || { rm -rf "$dir.tmp"; return 1; }
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
}

need_go() {
  command -v go >/dev/null || die "no Pulumi CLI v$version on PATH and no Go toolchain to build $1: install Pulumi v$version, or Go 1.25+"
  grep -q "github.com/pulumi/pulumi/pkg/v3 v$version" "$src/go.mod" ||
    die "scripts/pulumi-cli/go.mod does not build v$version; in scripts/pulumi-cli run: go get github.com/pulumi/pulumi/pkg/v3@v$version github.com/pulumi/pulumi/sdk/v3@v$version && go mod tidy"
  (cd "$src" && go mod download) || die "go mod download failed (see above); the Go module proxy must be reachable (GOPROXY=$(go env GOPROXY))"
}

# A CLI from the layout before the split (v<version>-<one hash>/bin, which also hashed the host's source):
# the same pinned version, so it is taken over instead of spending minutes on an identical build.
adopt_cli() {
  local old
  for old in "$root/v$version-"????????????/bin/pulumi; do
    [[ -x "$old" && "$("$old" version 2>/dev/null)" == "v$version" ]] || continue
    say "taking over the CLI cached in $(dirname "$old")"
    cp "$old" "$1/pulumi"
    return 0
  done
  return 1
}

build_cli() {
  say "compiling pulumi v$version from the Go module proxy (the long part: 5-20 minutes on 2 cores)"
  (cd "$src" && CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
    -o "$1/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi) || return 1
  local built
  built="$("$1/pulumi" version)"
  [[ "$built" == "v$version" ]] || { say "error: the build reports $built, not v$version"; return 1; }
}

build_host() {
  say "compiling pulumi-language-nodejs (scripts/pulumi-cli/langhost)"
  (cd "$src" && CGO_ENABLED=0 go build -trimpath -ldflags "-X main.version=$version" \
    -o "$1/pulumi-language-nodejs" ./langhost)
}

# Links when the cache is on one file system, copies otherwise.
place() { ln -f "$1" "$2" 2>/dev/null || cp "$1" "$2"; }

assemble() {
  mkdir -p "$1/bin"
  place "$cli_dir/pulumi" "$1/bin/pulumi"
  place "$host_dir/pulumi-language-nodejs" "$1/bin/pulumi-language-nodejs"
  install -m 0755 "$launcher" "$1/bin/pulumi-resource-pulumi-nodejs"
}

# 3. Whatever part is missing: take it over or build it.
if [[ ! -x "$cli_dir/pulumi" ]]; then
  mkdir -p "$root"
  if ! fill "$cli_dir" adopt_cli; then
    need_go "the CLI"
    fill "$cli_dir" build_cli || die "go build of the CLI failed (see above)"
  fi
fi
if [[ ! -x "$host_dir/pulumi-language-nodejs" ]]; then
  need_go "the Node.js language host"
  fill "$host_dir" build_host || die "go build of the language host failed (see above)"
fi
fill "$(dirname "$bin")" assemble || die "could not write $bin"
say "pulumi $("$bin/pulumi" version) with the language host $host_key in $bin"
echo "$bin"
