#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace hearth {

struct IdTokenClaims {
    QString iss;
    QString sub;
    QStringList aud;
    QDateTime exp;
    QDateTime iat;
    QString nonce;
    QString fhirUser;
};

// Verifies an OpenID Connect id_token (OIDC Core §3.1.3.7) against a JWKS document.
// Algorithms allowed: RS256 (RSA ≥ 2048 bits) and ES256 (P-256). Everything else — none, HS*, PS*,
// unknown — is refused before any key is touched. Every failure is a Security error whose message
// names the check ("id_token: signature invalid", "id_token: issuer mismatch", ...).
class IdTokenVerifier {
public:
    static constexpr int kClockSkewSeconds = 60;

    static Result<IdTokenClaims> verify(const QByteArray &idToken, const QByteArray &jwksJson,
                                       const QString &issuer, const QString &clientId,
                                       const QByteArray &nonce, const QDateTime &now);
};

} // namespace hearth
