#pragma once

#include <QByteArray>

namespace hearth {

// RFC 7636 proof key, S256 only.
struct Pkce {
    QByteArray verifier;    // 43 chars: base64url of 32 random bytes
    QByteArray challenge;   // base64url(SHA-256(verifier))

    static Pkce generate();
    static QByteArray challengeFor(const QByteArray &verifier);
};

} // namespace hearth
