#!/usr/bin/env bash
# docs/security.md names the test behind each MASVS control; every name it gives must be a real ctest
# test of this build, so the table cannot point at a test that was renamed or never written.
# Usage: check-doc-tests.sh DOC BUILD_DIR
set -euo pipefail
doc=${1:?doc}; build=${2:?build dir}
names=$(grep -oE '`(security|auth|store|tst|viewmodels)_[a-z_]+`' "$doc" | tr -d '`' | sort -u)
[ -n "$names" ] || { echo "no test names found in $doc"; exit 1; }
listed=$(cd "$build" && ctest -N | sed -n 's/^ *Test *#[0-9]*: *//p')
status=0
for n in $names; do
    grep -qx "$n" <<<"$listed" || { echo "docs name a test that does not exist: $n"; status=1; }
done
[ $status -eq 0 ] && echo "$(wc -w <<<"$names") test names in $doc all exist"
exit $status
