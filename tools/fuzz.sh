#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset `fuzz`: clang 14, ASan + UBSan) and runs each for SECONDS
# (default 60) on a corpus seeded from tests/fuzz/corpus and the FHIR/NHS fixtures. Fails on any crash,
# leak, sanitizer report or timeout; the input that caused it is kept in build-fuzz/artifacts/.
#   tools/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_fhir_bundle fuzz_redirect fuzz_id_token)

[ -f build-fuzz/build.ninja ] || cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

seed() {   # seed TARGET: the working corpus, created from the checked-in seeds (+ fixtures) once
  local dir="build-fuzz/corpus/$1"
  [ -d "$dir" ] && return 0
  mkdir -p "$dir"
  cp tests/fuzz/corpus/"${1#fuzz_}"/* "$dir"/ 2>/dev/null || true
  if [ "$1" = fuzz_fhir_bundle ]; then
    find tests/unit/fhir/fixtures tests/unit/domain/fixtures ../shared/fixtures/nhs -name '*.json' -size -256k \
      -exec cp -t "$dir" {} + 2>/dev/null || true
  fi
}

mkdir -p build-fuzz/artifacts
total=0
for t in "${targets[@]}"; do
  seed "$t"
  log="build-fuzz/$t.log"
  if ! build-fuzz/bin/"$t" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix=build-fuzz/artifacts/"$t"- "build-fuzz/corpus/$t" >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $t FAILED (input kept under build-fuzz/artifacts/)" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  corpus=$(find "build-fuzz/corpus/$t" -type f | wc -l)
  echo "fuzz: $t ran ${runs:-?} inputs in ${seconds}s, 0 crashes (corpus $corpus files)"
  total=$((total + ${runs:-0}))
done
echo "fuzz: ${#targets[@]} targets, $total inputs in total, 0 crashes"
