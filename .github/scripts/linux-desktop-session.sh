#!/usr/bin/env bash
# Runs "$@" the way a Linux desktop would: inside a D-Bus session bus (dbus-run-session) and an X
# display (xvfb-run), with gnome-keyring's Secret Service unlocked so Electron's safeStorage has a
# real backend (gnome_libsecret, not basic_text), and a notification daemon so a Notification shows.
# Used by .github/workflows/ci.yml:  dbus-run-session -- xvfb-run --auto-servernum .github/scripts/linux-desktop-session.sh npm test
set -euo pipefail
# Chromium picks its password store from the desktop it runs in; "GNOME" means the Secret Service.
export XDG_CURRENT_DESKTOP="${XDG_CURRENT_DESKTOP:-GNOME}"
# Creates the login keyring with this password on first use and unlocks it (nothing secret: a CI job's own keyring).
printf '%s' 'airisk-ci' | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null
dunst >/dev/null 2>&1 &
echo "desktop session: DBUS_SESSION_BUS_ADDRESS set, DISPLAY=$DISPLAY, XDG_CURRENT_DESKTOP=$XDG_CURRENT_DESKTOP, gnome-keyring unlocked, dunst started"
exec "$@"
