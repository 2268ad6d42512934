#!/bin/bash
# Sets up a Debian/Ubuntu PC to open a Talon screen at login, full-screen, kept open:
#   sudo ./install-screen.sh --user kiosk http://hall-server:8080/kiosk/
#   sudo ./install-screen.sh --user tv --restart-at 04:30 'http://hall-server:8080/display/?board=main'
#   ./install-screen.sh http://hall-server:8080/console/        (for the logged-in user itself)
# Options: --user NAME (whose login opens it; needs root), --restart-at HH:MM (a daily browser
# restart), --autologin (LightDM: log NAME in at boot), --bin DIR (where talon-screen goes;
# default /usr/local/bin as root, ~/.local/bin otherwise).
# It installs talon-screen and an autostart entry (~/.config/autostart/talon-screen.desktop),
# which every desktop that follows the XDG autostart rules (GNOME, Xfce, LXQt, MATE, Cinnamon,
# LXDE) runs at login. Chromium itself: sudo apt install chromium (Ubuntu: the snap is fine too).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
user=
url=
restart_at=
autologin=no
bin=
while [ $# -gt 0 ]; do
  case $1 in
    --user) user=${2:?}; shift 2 ;;
    --restart-at) restart_at=${2:?}; shift 2 ;;
    --autologin) autologin=yes; shift ;;
    --bin) bin=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    -*) echo "install-screen.sh: unknown option $1" >&2; exit 2 ;;
    *) url=$1; shift ;;
  esac
done
[ -n "$url" ] || { echo "usage: install-screen.sh [--user NAME] [--restart-at HH:MM] [--autologin] URL" >&2; exit 2; }
case $url in http://*|https://*) ;; *) echo "install-screen.sh: $url is not an http(s) address" >&2; exit 2 ;; esac
[ -z "$restart_at" ] || [[ $restart_at =~ ^([01][0-9]|2[0-3]):[0-5][0-9]$ ]] || { echo "install-screen.sh: --restart-at takes HH:MM" >&2; exit 2; }

if [ -n "$user" ]; then
  [ "$(id -u)" = 0 ] || { echo "install-screen.sh: --user needs root (sudo)" >&2; exit 1; }
  home=$(getent passwd "$user" | cut -d: -f6)
  [ -n "$home" ] || { echo "install-screen.sh: no user $user (create it: sudo adduser $user)" >&2; exit 1; }
else
  user=$(id -un)
  home=$HOME
fi
if [ -z "$bin" ]; then
  if [ "$(id -u)" = 0 ]; then bin=/usr/local/bin; else bin=$home/.local/bin; fi
fi

mkdir -p "$bin" "$home/.config/autostart"
install -m 755 "$here/talon-screen" "$bin/talon-screen"
entry=$home/.config/autostart/talon-screen.desktop
# Exec quoting (XDG desktop entry spec): the address in double quotes, % doubled.
quoted="\"${url//%/%%}\""
{
  echo '[Desktop Entry]'
  echo 'Type=Application'
  echo 'Name=Talon screen'
  echo 'Comment=Opens the Talon screen in kiosk mode and keeps it open'
  if [ -n "$restart_at" ]; then
    echo "Exec=env TALON_SCREEN_RESTART_AT=$restart_at $bin/talon-screen $quoted"
  else
    echo "Exec=$bin/talon-screen $quoted"
  fi
  echo 'X-GNOME-Autostart-enabled=true'
  echo 'NoDisplay=true'
} > "$entry"
if [ "$(id -u)" = 0 ]; then chown -R "$user:" "$home/.config"; fi
echo "At the next login of $user, talon-screen opens $url"

if [ "$autologin" = yes ]; then
  if [ -d /etc/lightdm ]; then
    mkdir -p /etc/lightdm/lightdm.conf.d
    printf '[Seat:*]\nautologin-user=%s\nautologin-user-timeout=0\n' "$user" > /etc/lightdm/lightdm.conf.d/50-talon-autologin.conf
    echo "LightDM logs $user in at boot"
  else
    echo "No LightDM here: turn on automatic login for $user in the desktop's settings (GNOME: Settings → Users → Automatic Login)" >&2
  fi
fi
