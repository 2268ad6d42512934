#!/bin/bash
# Installs or upgrades Talon from this unpacked release, without network access:
#   sudo ./install.sh                 the hall server (talon.service)
#   sudo ./install.sh --agent         a kiosk or window PC: only the device agent (talon-agent.service)
# Options:
#   --node FILE        Node.js to run it with: a node binary, or the official archive
#                      node-v20.*-linux-x64.tar.xz (or .tar.gz), unpacked into /opt/talon/node.
#                      An archive lying next to this script is used when no node is installed.
#   --root DIR         install into DIR as its root (an image, a test); also DESTDIR=DIR.
#                      Nothing is started and systemctl is not called.
#   --no-start         install, but do not start or restart the service.
#   --downgrade        install an older release over a newer one (see docs/operations.md).
# What goes where: /opt/talon (the releases, current → the running one), /etc/talon (settings,
# never overwritten), /var/lib/talon (the data, 0700, user talon), /etc/systemd/system (units),
# /usr/local/bin/talon (the command). See docs/operations.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=${DESTDIR:-}
node_arg=
agent=no
start=yes
downgrade=no

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case $1 in
    --root) root=${2:?--root needs a directory}; shift 2 ;;
    --root=*) root=${1#*=}; shift ;;
    --node) node_arg=${2:?--node needs a file}; shift 2 ;;
    --node=*) node_arg=${1#*=}; shift ;;
    --agent) agent=yes; shift ;;
    --no-start) start=no; shift ;;
    --downgrade) downgrade=yes; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
done
root=${root%/}
[ -z "$root" ] || [ -d "$root" ] || fail "--root $root: no such directory"
[ -f "$here/RELEASE" ] || fail "run it from the unpacked release (no RELEASE file next to it)"

value() { sed -n "s/^$1=//p" "$here/RELEASE" | tail -n 1; }
version=$(value version)
abi=$(value node_modules_abi)
node_min=$(value node_min)
node_built=$(value node_built)

if [ -z "$root" ] && [ "$(id -u)" != 0 ]; then fail "run it as root: sudo $0 $*"; fi
live=no # a real system whose services this script manages
if [ -z "$root" ] && [ -d /run/systemd/system ]; then live=yes; fi

# --- Node.js ---------------------------------------------------------------------------------
# The release's native modules (better-sqlite3) are built for one Node.js ABI: say so plainly.
node_help() {
  rm -rf "$root/opt/talon/node.new" # an unpacked archive that did not do
  cat >&2 <<EOF

Talon $version needs Node.js $node_min or newer of the same major line as the one it was built
with ($node_built, modules ABI $abi). $1

Without internet on this machine:
  1. On any computer with internet, download from https://nodejs.org/dist/ the file
     node-${node_built}-linux-x64.tar.xz (or any later ${node_built%%.*}.x version).
  2. Copy it next to install.sh (a USB stick will do) and run again:
       sudo ./install.sh --node node-${node_built}-linux-x64.tar.xz
With internet: Debian 13 and Ubuntu 25.04 ship Node.js 20 (sudo apt install nodejs); older
releases need NodeSource's packages (https://github.com/nodesource/distributions).
Or build a release for your Node.js: on a machine with it, npm ci && npm run release.
EOF
  exit 1
}

archive=
if [ -n "$node_arg" ]; then
  case $node_arg in *.tar.xz|*.tar.gz) archive=$node_arg ;; esac
elif ! command -v node >/dev/null 2>&1; then
  archive=$(ls "$here"/node-v*-linux-x64.tar.xz "$here"/node-v*-linux-x64.tar.gz 2>/dev/null | head -n 1 || true)
fi
node_home=$root/opt/talon/node
if [ -n "$archive" ]; then
  [ -f "$archive" ] || fail "$archive: no such file"
  say "Unpacking Node.js from $(basename "$archive") into /opt/talon/node"
  rm -rf "$node_home.new"
  mkdir -p "$node_home.new"
  tar -xf "$archive" -C "$node_home.new" --strip-components=1 --no-same-owner
  [ -x "$node_home.new/bin/node" ] || fail "$archive holds no bin/node"
  node_run=$node_home.new/bin/node
  node_path=/opt/talon/node/bin/node
elif [ -n "$node_arg" ]; then
  node_run=$(readlink -f "$node_arg")
  node_path=$node_run
else
  node_run=$(command -v node || true)
  [ -n "$node_run" ] || node_help "Node.js is not installed on this machine."
  node_run=$(readlink -f "$node_run")
  node_path=$node_run
fi
[ -x "$node_run" ] || node_help "$node_run cannot be run."
have=$("$node_run" -p 'process.versions.node + " " + process.versions.modules' 2>/dev/null) || node_help "$node_run does not run."
have_version=${have% *}
have_abi=${have#* }
if [ "$(printf '%s\n' "$node_min" "$have_version" | sort -V | head -n 1)" != "$node_min" ]; then
  node_help "This machine has Node.js $have_version, which is too old."
fi
[ "$have_abi" = "$abi" ] || node_help "This machine has Node.js $have_version (modules ABI $have_abi), which cannot load its native modules."
"$node_run" -e "require('$here/node_modules/better-sqlite3')(':memory:').close()" 2>/dev/null \
  || node_help "Node.js $have_version cannot load the release's SQLite module ($here/node_modules/better-sqlite3)."
say "Node.js $have_version: ok"

# --- the system user -------------------------------------------------------------------------
uid= gid=
passwd_file=$root/etc/passwd
if [ -n "$root" ] && [ ! -f "$passwd_file" ]; then
  say "No $passwd_file: the user talon is not created in this root (create it on the target)."
else
  prefix=()
  [ -z "$root" ] || prefix=(--prefix "$root")
  if ! grep -q '^dialout:' "$root/etc/group"; then groupadd "${prefix[@]}" --system dialout; fi
  if grep -q '^talon:' "$passwd_file"; then
    usermod "${prefix[@]}" -a -G dialout talon
  else
    say "Creating the system user talon (group dialout for serial printers and keypads)"
    useradd "${prefix[@]}" --system --user-group --groups dialout --home-dir /var/lib/talon --no-create-home \
      --shell /usr/sbin/nologin --comment "Talon queue server" talon
  fi
  uid=$(awk -F: '$1 == "talon" { print $3 }' "$passwd_file")
  gid=$(awk -F: '$1 == "talon" { print $4 }' "$passwd_file")
fi
own() { if [ -n "$uid" ]; then chown "$uid:$gid" "$@"; fi; }

# --- the release -----------------------------------------------------------------------------
opt=$root/opt/talon
previous=
if [ -L "$opt/current" ]; then previous=$(basename "$(readlink "$opt/current")"); fi
newer_installed() { [ "$(printf '%s\n' "$previous" "$version" | sort -V | tail -n 1)" = "$previous" ]; }
if [ -n "$previous" ] && [ "$previous" != "$version" ] && [ "$downgrade" = no ] && newer_installed; then
  fail "Talon $previous is installed: going back to $version would leave it a database written by the newer release, which $version refuses to open. To go back anyway: ./install.sh --downgrade, then sudo talon restore a backup taken before the upgrade (/var/lib/talon/backups/*-pre-migration.db)."
fi
if [ -n "$previous" ] && [ "$previous" != "$version" ]; then say "Upgrading Talon $previous → $version"; else say "Installing Talon $version"; fi

mkdir -p "$opt/releases" "$opt/bin"
target=$opt/releases/$version
rm -rf "$target.new"
mkdir -p "$target.new"
# Everything of the release but a Node.js archive lying beside it.
tar -C "$here" --exclude='./node-v*-linux-x64.tar.*' -cf - . | tar -C "$target.new" -xf - --no-same-owner
chown -R 0:0 "$target.new"
chmod -R u+rwX,go+rX,go-w "$target.new"

if [ -n "$archive" ]; then rm -rf "$node_home"; mv "$node_home.new" "$node_home"; fi
ln -sfn "$node_path" "$opt/bin/node.new" && mv -fT "$opt/bin/node.new" "$opt/bin/node"

# --- settings and data -----------------------------------------------------------------------
etc=$root/etc/talon
mkdir -p "$etc"
chmod 755 "$etc"
env_file=$etc/talon.env
[ "$agent" = yes ] && env_file=$etc/agent.env
if [ -e "$env_file" ]; then
  say "Keeping the settings in ${env_file#"$root"}"
else
  cp "$target.new/etc/$(basename "$env_file")" "$env_file"
  if [ "$agent" = no ]; then
    # The machine's zone, when it names one that exists.
    zone=$(cat "$root/etc/timezone" 2>/dev/null || readlink "$root/etc/localtime" 2>/dev/null | sed -n 's|.*/zoneinfo/||p' || true)
    if [ -n "$zone" ] && [ -e "/usr/share/zoneinfo/$zone" ]; then sed -i "s|^QUEUE_TIMEZONE=.*|QUEUE_TIMEZONE=$zone|" "$env_file"; fi
  fi
  say "Settings written to ${env_file#"$root"}: check them"
fi
chmod 640 "$env_file"
[ -z "$gid" ] || chgrp "$gid" "$env_file"

data=$root/var/lib/talon
mkdir -p "$data"
chmod 700 "$data"
own "$data"

# --- units and the command -------------------------------------------------------------------
units=$root/etc/systemd/system
mkdir -p "$units"
install -m 644 "$target.new/systemd/talon.service" "$units/talon.service"
install -m 644 "$target.new/systemd/talon-agent.service" "$units/talon-agent.service"
mkdir -p "$root/usr/local/bin"
ln -sfn /opt/talon/current/bin/talon "$root/usr/local/bin/talon"

service=talon
[ "$agent" = yes ] && service=talon-agent
if [ "$live" = yes ]; then
  systemctl daemon-reload
  was_active=no
  if systemctl is-active -q "$service"; then was_active=yes; say "Stopping $service.service"; systemctl stop "$service"; fi
fi

# The switch: releases/<version> and current → it, each by one rename.
if [ -e "$target" ]; then rm -rf "$target.old"; mv "$target" "$target.old"; fi
mv "$target.new" "$target"
rm -rf "$target.old"
ln -sfn "releases/$version" "$opt/current.new" && mv -fT "$opt/current.new" "$opt/current"
if [ -n "$previous" ] && [ "$previous" != "$version" ]; then
  ln -sfn "releases/$previous" "$opt/previous.new" && mv -fT "$opt/previous.new" "$opt/previous"
fi
# Two releases are kept: this one and the one before (for going back).
before=$(basename "$(readlink "$opt/previous" 2>/dev/null || true)")
for old in "$opt"/releases/*; do
  name=$(basename "$old")
  [ "$name" = "$version" ] || [ "$name" = "$before" ] || rm -rf "$old"
done

port=$(sed -n 's/^PORT=//p' "$etc/talon.env" 2>/dev/null | tail -n 1)
port=${port:-8080}

if [ "$live" = no ]; then
  say ""
  say "Installed into ${root:-/}. systemd is not managing this system, so nothing was started."
  say "The unit to enable on the target: /etc/systemd/system/$service.service"
  exit 0
fi

systemctl enable -q "$service"
if [ "$start" = no ]; then say "Installed; start it with: sudo systemctl start $service"; exit 0; fi
if [ "$agent" = yes ]; then
  if grep -q '^AGENT_TOKEN=.\+' "$env_file"; then systemctl restart talon-agent; say "talon-agent.service started: journalctl -u talon-agent"
  else say "Fill in $env_file (AGENT_SERVER, AGENT_TOKEN, the devices), then: sudo systemctl restart talon-agent"; fi
  exit 0
fi

say "Starting talon.service (a migration, if this release has one, backs the database up first)"
systemctl start talon
healthy() {
  for _ in $(seq 1 60); do
    if systemctl is-failed -q talon; then return 1; fi
    "$node_run" -e "fetch('http://127.0.0.1:$port/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && return 0
    sleep 1
  done
  return 1
}
if ! healthy; then
  say "" >&2
  say "talon.service did not become healthy. Its last log lines:" >&2
  journalctl -u talon -n 30 --no-pager >&2 || true
  # Exit status 78: the database could not be migrated, and a failed migration applies nothing,
  # so the previous release still opens it. After any other failure the database may already be
  # migrated, which the previous release would refuse: then a person decides (docs/operations.md).
  if [ "$(systemctl show -p ExecMainStatus --value talon)" = 78 ] && [ -n "$previous" ] && [ "$previous" != "$version" ] && [ -d "$opt/releases/$previous" ]; then
    say "Going back to Talon $previous: the database is as it was before." >&2
    systemctl stop talon || true
    ln -sfn "releases/$previous" "$opt/current.new" && mv -fT "$opt/current.new" "$opt/current"
    systemctl reset-failed talon || true
    systemctl start talon || true
  fi
  exit 1
fi

address=$(hostname -I 2>/dev/null | awk '{ print $1 }')
say ""
say "Talon $version is running: http://${address:-this-server}:$port/console/  (kiosk /kiosk/, board /display/)"
if [ -f "$data/initial-admin-password.txt" ]; then
  say "First login: admin, password in /var/lib/talon/initial-admin-password.txt (sudo cat it)"
fi
say "Check it any time with: talon status    Logs: journalctl -u talon"
