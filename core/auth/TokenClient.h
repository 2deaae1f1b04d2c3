#pragma once

#include "auth/AuthRequest.h"
#include "auth/SmartConfiguration.h"
#include "auth/TokenSet.h"

#include <QObject>
#include <functional>

class QNetworkAccessManager;

namespace hearth {

// Talks to the token endpoint (RFC 6749 §4.1.3 and §6) as a public client: form-encoded POST, client_id
// in the body, PKCE code_verifier. Errors: 400/401 with an OAuth `error` → Auth error with
// Error::outcome = that code and httpStatus set; other non-2xx → Http error; a reply without
// access_token or with a token_type other than Bearer → Parse error.
// Each `done` is called exactly once, later; deleting this object cancels without calling it.
class TokenClient : public QObject {
    Q_OBJECT
public:
    explicit TokenClient(QNetworkAccessManager &nam, QObject *parent = nullptr);

    // The id_token is NOT verified here (see IdTokenVerifier). fhirUser is left empty.
    void exchangeCode(const SmartConfiguration &config, const AuthRequest &request, const QString &code,
                      std::function<void(Result<TokenSet>)> done);
    // Keeps `refreshToken` in the result if the server returns none (no rotation).
    void refresh(const SmartConfiguration &config, const QString &clientId, const QByteArray &refreshToken,
                 std::function<void(Result<TokenSet>)> done);

    // Parses a token endpoint reply (exposed for tests). `now` sets expiresAt from expires_in.
    static Result<TokenSet> parseTokenResponse(int httpStatus, const QByteArray &body, const QDateTime &now);

private:
    void post(const QUrl &tokenEndpoint, const QByteArray &body, std::function<void(Result<TokenSet>)> done);

    QNetworkAccessManager &m_nam;
};

} // namespace hearth
