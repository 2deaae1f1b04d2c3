#!/usr/bin/env bash
# Hearth developer entry point.
#   ./hearth.sh run [hearth args]   install what is missing, build, open Hearth on the built-in sandbox
#   ./hearth.sh test                install what is missing, build, run every test and the fuzzers (60 s each)
#   ./hearth.sh bench [args]        install what is missing, build, run the benchmarks (docs/performance.md)
#   ./hearth.sh build | deps
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(g++ cmake ninja-build pkg-config qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-l10n-tools
  qt6-networkauth-dev qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev qt6-svg-dev qt6-pdf-dev
  qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtqml-workerscript qml6-module-qtquick-controls
  qml6-module-qtquick-templates qml6-module-qtquick-layouts qml6-module-qtquick-shapes qml6-module-qttest
  qml6-module-qtcharts qtkeychain-qt6-dev libsqlcipher-dev sqlcipher libssl-dev openssl catch2 libsimdjson-dev
  xvfb xauth libgl1-mesa-dri fonts-dejavu-core fonts-liberation2 dbus-daemon dbus-x11 gnome-keyring libsecret-1-0
  fiu-utils clang-14 libclang-rt-14-dev binutils)

say() { printf '\033[1mhearth:\033[0m %s\n' "$*"; }

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${#missing[@]} Debian package(s): ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  [ -f build/build.ninja ] || cmake --preset dev
  cmake --build --preset dev -j "$(nproc)"
}

# Hearth keeps its keys only in the OS keystore. Where no desktop session provides one (a server,
# CI, a bare X), the demo gets its own gnome-keyring in a persistent demo home, so a second run
# reopens the same encrypted record.
with_demo_keyring() {
  local demo="${XDG_STATE_HOME:-$HOME/.local/state}/hearth-demo"
  mkdir -p "$demo/home" "$demo/run"
  chmod 700 "$demo/run"
  HOME="$demo/home" XDG_RUNTIME_DIR="$demo/run" XDG_DATA_HOME="$demo/home/.local/share" \
    XDG_CONFIG_HOME="$demo/home/.config" \
    dbus-run-session -- sh -c 'printf hearth-demo | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 && exec "$@"' hearth "$@"
}

run() {
  deps
  build
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    local shot="$PWD/hearth-summary.png"
    say "no display found: running the demo under Xvfb; the record summary will be saved to $shot"
    with_demo_keyring xvfb-run -a -s "-screen 0 1280x900x24" build/bin/hearth --sandbox --screenshot "$shot" "$@"
  elif [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    say "no desktop session bus: using a separate demo keyring"
    with_demo_keyring build/bin/hearth --sandbox "$@"
  else
    build/bin/hearth --sandbox "$@"
  fi
}

run_tests() {
  deps
  build
  ctest --preset dev -j 2
  tools/fuzz.sh 60   # libFuzzer targets, 60 s each (docs/security.md)
}

case "${1:-run}" in
  run) shift || true; run "$@" ;;
  test) run_tests ;;
  build) deps; build ;;
  bench) shift; deps; build; tests/with-keyring.sh build/bin/hearth-bench "$@" ;;
  deps) deps ;;
  *) echo "usage: $0 run|test|bench|build|deps" >&2; exit 2 ;;
esac
