#!/usr/bin/env bash
# The servers that test/e2e/backends.test.ts starts for each run and stops after: PostgreSQL 15
# (Debian's postgresql-15) and moto's S3 server (moto[server] from PyPI, into a virtualenv cached under
# ${PULUMI_VOX_CACHE:-~/.cache/pulumi-vox}, as the Pulumi CLI is, and linked as .tmp/venv). Installs what
# is missing, so a fresh machine gets them; a second run, or a fresh clone on the same machine, installs nothing.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MOTO_VERSION=5.2.5

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" > /dev/null
}

if [ ! -x /usr/lib/postgresql/15/bin/pg_ctl ]; then
  echo "install-test-services: installing postgresql-15"
  apt_install postgresql-15
fi

venv="${PULUMI_VOX_CACHE:-$HOME/.cache/pulumi-vox}/moto-$MOTO_VERSION"
if ! "$venv/bin/python" -c "import moto, sys; sys.exit(moto.__version__ != '$MOTO_VERSION')" 2> /dev/null; then
  echo "install-test-services: installing moto[server]==$MOTO_VERSION into $venv"
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  # Debian's python3 needs python3-venv for `python3 -m venv`.
  python3 -m venv "$venv" 2> /dev/null || { apt_install python3-venv && rm -rf "$venv" && python3 -m venv "$venv"; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
fi
# Where test/e2e/support/backends.ts looks for moto_server (a clone of before the cache holds a venv of its own there).
mkdir -p "$repo/.tmp"
if [[ -d $repo/.tmp/venv && ! -L $repo/.tmp/venv ]]; then rm -rf "$repo/.tmp/venv"; fi
ln -sfn "$venv" "$repo/.tmp/venv"
echo "install-test-services: PostgreSQL $(/usr/lib/postgresql/15/bin/pg_ctl --version | awk '{print $3}'), moto $("$venv/bin/python" -c 'import moto; print(moto.__version__)')"
