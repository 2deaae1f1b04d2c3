#!/usr/bin/env bash
# Runs a command with a private, unlocked gnome-keyring on a private D-Bus session, so tests use
# the real OS keystore (Secret Service) without touching the user's own keyring.
# Usage: tests/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail
scratch=$(mktemp -d "${TMPDIR:-/tmp}/hearth-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/run"
chmod 700 "$scratch/run"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/home/.local/share"
exec dbus-run-session -- sh -c 'printf hearth-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 && exec "$@"' hearth-keyring "$@"
