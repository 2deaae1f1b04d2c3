#!/usr/bin/env bash
# Fails if any source file could weaken TLS: a call that ignores TLS errors, or a peer-verify mode set
# anywhere but core/net/TlsPolicy.cpp (and this directory's test server, which verifies no client).
# Usage: check-tls-settings.sh SOURCE_DIR
set -euo pipefail
src=${1:?source dir}
cd "$src"
status=0
hits=$(grep -rnI --include='*.cpp' --include='*.h' --include='*.qml' --include='*.js' -e 'ignoreSslErrors' \
    core app platform sandbox qml tests tools 2>/dev/null || true)
if [ -n "$hits" ]; then
    echo "TLS errors must never be ignored; found:"; echo "$hits"; status=1
fi
hits=$(grep -rnI --include='*.cpp' --include='*.h' -e 'setPeerVerifyMode\|VerifyNone\|QueryPeer\|AutoVerifyPeer\|setProtocol *(' \
    core app platform sandbox qml tests tools 2>/dev/null \
    | grep -v '^core/net/TlsPolicy.cpp:' | grep -v '^tests/security/RecordingTlsServer.h:' || true)
if [ -n "$hits" ]; then
    echo "TLS settings belong in core/net/TlsPolicy.cpp only; found:"; echo "$hits"; status=1
fi
# The self-check: the pattern must find a planted call, or this test proves nothing.
probe=$(mktemp -d); trap 'rm -rf "$probe"' EXIT
mkdir -p "$probe/core"; printf 'void f(QNetworkReply *r) { r->ignoreSslErrors(); }\n' > "$probe/core/x.cpp"
if ! (cd "$probe" && grep -rqI --include='*.cpp' -e 'ignoreSslErrors' core); then
    echo "self-check failed: the pattern does not match"; status=1
fi
[ $status -eq 0 ] && echo "no TLS weakening found"
exit $status
