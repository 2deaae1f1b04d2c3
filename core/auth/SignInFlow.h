#pragma once

#include "auth/AuthRequest.h"
#include "auth/IdTokenVerifier.h"
#include "auth/SmartConfiguration.h"
#include "auth/TokenSet.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QNetworkAccessManager;

namespace hearth {

class JwksClient;
class LoopbackRedirectListener;
class SmartDiscovery;
class TokenClient;

struct SignInResult {
    SmartConfiguration config;
    TokenSet tokens;           // fhirUser filled from the verified id_token
    IdTokenClaims claims;
    QString patientId;
};

// The whole standalone patient launch: discover → listen on loopback → prepare (PKCE, state, nonce, aud)
// → openUrl(authorizeUrl) → wait for the redirect → check state → exchange the code → fetch the JWKS →
// verify the id_token → patientId = the token response's `patient`, else the id of a Patient fhirUser.
// `openUrl` decides how the authorize URL reaches the system browser (never a WebView).
// `done` is called exactly once, later; deleting this object cancels everything without calling it.
class SignInFlow : public QObject {
    Q_OBJECT
public:
    explicit SignInFlow(QNetworkAccessManager &nam, QObject *parent = nullptr);
    ~SignInFlow() override;

    void start(const QUrl &fhirBase, const AuthParams &params, std::function<void(const QUrl &authorizeUrl)> openUrl,
               std::function<void(Result<SignInResult>)> done, int redirectTimeoutMs = 300000);

    // "Patient/123", ".../Patient/123" → "123"; anything else (Practitioner, RelatedPerson, junk) → empty.
    static QString patientIdFromFhirUser(const QString &fhirUser);

private:
    void onDiscovered(Result<SmartConfiguration> config);
    void onRedirect(Result<QUrl> redirect);
    void onTokens(Result<TokenSet> tokens);
    void onJwks(Result<QByteArray> jwks);
    void fail(const Error &error);
    void succeed(SignInResult result);

    QNetworkAccessManager &m_nam;
    QPointer<SmartDiscovery> m_discovery;
    QPointer<LoopbackRedirectListener> m_listener;
    QPointer<TokenClient> m_tokenClient;
    QPointer<JwksClient> m_jwksClient;

    QUrl m_fhirBase;
    AuthParams m_params;
    int m_timeoutMs = 0;
    std::function<void(const QUrl &)> m_openUrl;
    std::function<void(Result<SignInResult>)> m_done;
    SmartConfiguration m_config;
    AuthRequest m_request;
    TokenSet m_tokens;
    bool m_running = false;
};

} // namespace hearth
