#!/usr/bin/env bash
# Checks built executables for the toolchain hardening cmake/HearthHardening.cmake asks for, with
# readelf (binutils): PIE, full RELRO (GNU_RELRO + BIND_NOW), no executable stack, the stack
# protector (__stack_chk_fail) and FORTIFY (*_chk libc calls) where the binary can show them.
# FORTIFY only turns a libc call into its *_chk form where the compiler knows the buffer's size, so a
# binary may rightly have none; the flags themselves are then checked on every compile command
# (compile_commands.json), and at least one binary must show *_chk calls.
# Debian's `hardening-check` (devscripts) runs as well when it is installed.
# Usage: check-hardening.sh BUILD_TYPE COMPILE_COMMANDS_JSON|- BINARY...
set -uo pipefail
build_type=${1:?build type}; compile_commands=${2:?compile_commands.json or -}; shift 2
status=0
fortified=0
fail() { echo "FAIL $1: $2"; status=1; }
if [ "$compile_commands" != "-" ]; then
    total=$(grep -c '"command":' "$compile_commands" || true)
    [ "$total" -gt 0 ] || fail compile_commands "no compile commands in $compile_commands"
    missing=$(grep '"command":' "$compile_commands" | grep -v -- '-fstack-protector-strong' | head -3)
    [ -z "$missing" ] || fail compile_commands "compiled without -fstack-protector-strong: $missing"
    if [ "$build_type" != "Debug" ]; then
        missing=$(grep '"command":' "$compile_commands" | grep -v -- '-D_FORTIFY_SOURCE=2' | head -3)
        [ -z "$missing" ] || fail compile_commands "compiled without -D_FORTIFY_SOURCE=2: $missing"
    fi
    [ $status -eq 0 ] && echo "ok all $total compile commands carry the hardening flags"
fi
for bin in "$@"; do
    [ -x "$bin" ] || { fail "$bin" "not built"; continue; }
    name=$(basename "$bin")
    header=$(readelf -hW "$bin")
    dynamic=$(readelf -dW "$bin")
    segments=$(readelf -lW "$bin")
    symbols=$(readelf --dyn-syms -W "$bin")
    grep -q 'Type:.*DYN' <<<"$header" && grep -q 'FLAGS_1.*PIE' <<<"$dynamic" || fail "$name" "not a position-independent executable"
    grep -q 'GNU_RELRO' <<<"$segments" || fail "$name" "no GNU_RELRO segment"
    grep -Eq '\(BIND_NOW\)|FLAGS.*BIND_NOW|FLAGS_1.*NOW' <<<"$dynamic" || fail "$name" "not linked with -z now (BIND_NOW)"
    grep -A1 'GNU_STACK' <<<"$segments" | grep -q 'RWE' && fail "$name" "executable stack"
    grep -q '__stack_chk_fail' <<<"$symbols" || fail "$name" "no stack protector (__stack_chk_fail not referenced)"
    grep -Eq '__[a-z0-9_]+_chk@' <<<"$symbols" && fortified=$((fortified + 1))
    if command -v hardening-check >/dev/null 2>&1; then
        # --nofortify: judged above across the binaries and the compile commands (see the header).
        hardening-check --nocfprotection --nofortify "$bin" >/dev/null \
            || { hardening-check --nocfprotection --nofortify "$bin"; fail "$name" "hardening-check"; }
    fi
    [ $status -eq 0 ] && echo "ok $name"
done
if [ "$build_type" != "Debug" ] && [ -z "${HEARTH_HARDENING_SELFCHECK:-}" ] && [ $fortified -eq 0 ]; then
    fail FORTIFY "no binary calls a *_chk libc function"
fi
# The self-check: a binary built without the flags must fail, or this script proves nothing.
if [ -z "${HEARTH_HARDENING_SELFCHECK:-}" ] && command -v c++ >/dev/null 2>&1; then
    probe=$(mktemp -d); trap 'rm -rf "$probe"' EXIT
    printf '#include <cstdio>\nint main(){char b[64];std::snprintf(b,sizeof b,"%%d",1);std::puts(b);}\n' > "$probe/p.cpp"
    if c++ -O2 -fno-stack-protector -no-pie -Wl,-z,norelro,-z,lazy -o "$probe/p" "$probe/p.cpp" 2>/dev/null; then
        if HEARTH_HARDENING_SELFCHECK=1 "$0" "$build_type" - "$probe/p" >/dev/null 2>&1; then
            echo "self-check failed: an unhardened binary passed"; status=1
        fi
    fi
fi
exit $status
