#!/usr/bin/env bash
# Takes the documentation screenshots: every record section on a phone (360×780) and a desktop
# (1280×800) window, light and dark, from the built-in sandbox, under Xvfb with a private keyring.
#   tools/screenshots.sh [OUTDIR] [PAGE...]     (default: docs/screenshots/record, every page below)
set -euo pipefail
cd "$(dirname "$0")/.."
# One private keyring for the whole run, so every shot reopens the same encrypted profile.
if [ -z "${HEARTH_SCREENSHOT_KEYRING:-}" ]; then
  HEARTH_SCREENSHOT_KEYRING=1 exec tests/with-keyring.sh "$0" "$@"
fi
out="${1:-docs/screenshots/record}"
shift || true
pages=("$@")
[ ${#pages[@]} -eq 0 ] && pages=(home record record:summary record:problems record:medicines record:allergies
  record:immunisations record:results record:consultations record:documents "search:asthma review"
  record:consultations:enc-p1-000151 record:documents:doc-p1-000002)
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

shoot() {   # page size theme file
  xvfb-run -a -s "-screen 0 1400x1000x24" \
    build/bin/hearth --sandbox --profile "$profile" --window-size "$2" --theme "$3" \
    --screenshot "$4" --screenshot-page "$1" >/dev/null
}

for page in "${pages[@]}"; do
  name="${page//:/-}"; name="${name// /-}"
  for theme in light dark; do
    suffix=""; [ "$theme" = dark ] && suffix="-dark"
    shoot "$page" 1280x800 "$theme" "$out/$name$suffix.png"
    shoot "$page" 360x780 "$theme" "$out/$name-phone$suffix.png"
    echo "saved $out/$name{,-phone}$suffix.png"
  done
done
