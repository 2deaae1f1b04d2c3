#include "auth/AuthRequest.h"

#include "auth/AuthCrypto.h"
#include "auth/HttpSupport.h"
#include "auth/Pkce.h"

#include <QUrlQuery>

namespace hearth {

namespace {
// Error codes are ASCII tokens (RFC 6749 §4.1.2.1); keep only that so nothing odd flows into logs or UI.
QString sanitizeErrorCode(const QString &code)
{
    QString out;
    for (QChar c : code.left(64)) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c;
        else if (c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('.'))
            out += c;
    }
    return out.isEmpty() ? QStringLiteral("unknown_error") : out;
}

bool sameEndpoint(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
            && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port() == b.port()
            && a.path() == b.path();
}
} // namespace

AuthRequest prepareAuthRequest(const SmartConfiguration &config, const QUrl &fhirBase, const AuthParams &params)
{
    const Pkce pkce = Pkce::generate();
    AuthRequest request;
    request.redirectUri = params.redirectUri;
    request.state = authcrypto::randomB64url(32);
    request.nonce = authcrypto::randomB64url(32);
    request.codeVerifier = pkce.verifier;
    request.clientId = params.clientId;
    request.fhirBase = fhirBase;
    request.issuer = config.issuer;

    QList<QPair<QString, QString>> fields{
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("client_id"), params.clientId},
        {QStringLiteral("redirect_uri"), params.redirectUri.toString(QUrl::FullyEncoded)},
        {QStringLiteral("scope"), params.scopes.join(QLatin1Char(' '))},
        {QStringLiteral("state"), QString::fromLatin1(request.state)},
        {QStringLiteral("nonce"), QString::fromLatin1(request.nonce)},
        {QStringLiteral("code_challenge"), QString::fromLatin1(pkce.challenge)},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
        {QStringLiteral("aud"), fhirBase.toString(QUrl::FullyEncoded)},
    };
    if (!params.loginHint.isEmpty())
        fields.append({QStringLiteral("login_hint"), params.loginHint});

    QUrl url = config.authorizationEndpoint;
    QString query = url.query(QUrl::FullyEncoded);
    if (!query.isEmpty())
        query += QLatin1Char('&');
    query += QString::fromLatin1(authhttp::formEncode(fields));
    url.setQuery(query, QUrl::StrictMode);
    request.authorizeUrl = url;
    return request;
}

Result<QString> codeFromRedirect(const AuthRequest &request, const QUrl &redirect)
{
    if (!sameEndpoint(redirect, request.redirectUri))
        return Error::make(Error::Kind::Security, QStringLiteral("redirect URI mismatch"));
    const QUrlQuery query(redirect);
    // State first: an error redirect must carry our state too (RFC 6749 §4.1.2.1), so a forged
    // "error" cannot end a sign-in either.
    const QByteArray state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8();
    if (request.state.isEmpty() || !authcrypto::constantTimeEquals(state, request.state))
        return Error::make(Error::Kind::Security, QStringLiteral("state mismatch"));
    if (query.hasQueryItem(QStringLiteral("error"))) {
        Error e = Error::make(Error::Kind::Auth, QStringLiteral("authorization server returned an error"));
        e.outcome = sanitizeErrorCode(query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded));
        return e;
    }
    if (query.hasQueryItem(QStringLiteral("iss"))) {
        const QString iss = query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded);
        if (iss != request.issuer.toString(QUrl::FullyEncoded))
            return Error::make(Error::Kind::Security, QStringLiteral("issuer mismatch in redirect"));
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty())
        return Error::make(Error::Kind::Auth, QStringLiteral("redirect carries no authorization code"));
    return code;
}

} // namespace hearth
