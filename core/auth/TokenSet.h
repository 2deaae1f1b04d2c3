#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace hearth {

// The tokens of one signed-in session. Secrets: keep in the OS keystore, never in logs or plain files.
struct TokenSet {
    QByteArray accessToken;
    QByteArray refreshToken;
    QByteArray idToken;
    QDateTime expiresAt;       // UTC; invalid = the server gave no lifetime
    QString scope;
    QString patient;           // launch context
    QString fhirUser;          // from the verified id_token, e.g. "Patient/123" or an absolute URL

    // Expired, or expiring within `skewSeconds`. No access token → expired. Unknown lifetime → not
    // expired (the server's 401 then drives the refresh).
    bool isExpired(const QDateTime &now, int skewSeconds = 60) const;

    QByteArray toJson() const;
    static Result<TokenSet> fromJson(const QByteArray &json);
};

} // namespace hearth
