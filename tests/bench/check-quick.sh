#!/usr/bin/env bash
# Runs hearth-bench --quick and checks that it completes and prints every figure as a JSON line.
# Never looks at the numbers: timings do not gate CI.
set -euo pipefail
status=0
out=$("$1" --quick) || { echo "check-quick: hearth-bench --quick exited with $?" >&2; status=1; }
printf '%s\n' "$out"
for name in first_sync resync_nochange resync_nochange_requests cold_start results_first_page trend_500 \
            search rss_home rss_growth; do
  if ! printf '%s\n' "$out" | grep -q "^{.*\"name\":\"$name\""; then
    echo "check-quick: figure $name missing" >&2
    status=1
  fi
done
if printf '%s\n' "$out" | grep -q '"note":"failed'; then
  echo "check-quick: a figure failed" >&2
  status=1
fi
exit $status
