#pragma once
// The OpenID Connect / SMART side of the sandbox, free of HTTP plumbing: authorization codes with PKCE
// (S256 only), rotating refresh tokens, opaque access tokens and RS256 id_tokens for the public client
// "hearth". The HTTP layer turns its outcomes into responses.
#include "JwtSigner.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace hearth::sandbox {

struct DemoUser
{
    QString name;                // login name: "parent", "teen"
    QString label;               // shown on the sign-in page
    QString patientId;           // launch context
    QStringList visiblePatients; // ids this user may read
};

using Params = QHash<QString, QString>;

struct AuthorizeOutcome
{
    enum class Kind { ErrorPage, SignInPage, Redirect };
    Kind kind = Kind::ErrorPage;
    int status = 400;
    QByteArray location; // for Redirect
    QByteArray html;     // for ErrorPage / SignInPage
};

struct TokenReply
{
    int status = 200;
    QJsonObject body;
};

class AuthServer
{
public:
    AuthServer(QList<DemoUser> users, int accessTokenLifetimeSeconds);

    // The FHIR base URL: issuer, required `aud`; set once the port is known.
    void setFhirBase(const QString &fhirBase) { m_fhirBase = fhirBase; }
    const JwtSigner &signer() const { return m_signer; }
    const QList<DemoUser> &users() const { return m_users; }

    // GET (chosenUser empty, uses login_hint) or POST from the sign-in form (chosenUser set).
    AuthorizeOutcome authorize(const Params &params, const QString &chosenUser);
    TokenReply token(const Params &form);
    // The user an unexpired access token belongs to, or nullptr.
    const DemoUser *userForAccessToken(const QString &token) const;
    // The next token response carries an id_token whose payload was changed after signing.
    void tamperNextIdToken() { m_tamperNext = true; }
    void clearFaults() { m_tamperNext = false; }
    // Every current access token of `user` (all users if empty) stops working; refresh tokens keep working.
    int expireAccessTokens(const QString &user);
    // Access and refresh tokens of `user` are revoked: a later refresh gets invalid_grant.
    int revokeUser(const QString &user);

    static bool isAllowedRedirectUri(const QString &uri);

private:
    struct Code
    {
        QString user, clientId, redirectUri, challenge, scope, nonce;
        qint64 expiresMs = 0;
        bool used = false;
    };
    struct Grant // tokens issued from one authorization code; revoked together
    {
        QString user, scope;
        QStringList accessTokens;
        QString liveRefresh;
        bool revoked = false;
    };
    struct AccessToken
    {
        QString user, grantId;
        qint64 expiresMs = 0;
    };

    const DemoUser *findUser(const QString &name) const;
    TokenReply issue(const QString &grantId, const QString &nonce, bool withIdToken);
    void revokeGrant(const QString &grantId);
    QByteArray signInPage(const Params &params) const;

    QList<DemoUser> m_users;
    int m_lifetime;
    JwtSigner m_signer;
    QString m_fhirBase;
    bool m_tamperNext = false;
    QHash<QString, Code> m_codes;                // code -> state
    QHash<QString, Grant> m_grants;              // grant id (the code) -> tokens
    QHash<QString, AccessToken> m_accessTokens;  // token -> owner
    QHash<QString, QString> m_refreshTokens;     // every refresh token ever issued -> grant id
};

} // namespace hearth::sandbox
