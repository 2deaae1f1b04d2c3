#include "auth/TokenClient.h"

#include "auth/HttpSupport.h"
#include "common/Log.h"

#include <QJsonObject>
#include <QNetworkAccessManager>

namespace hearth {

TokenClient::TokenClient(QNetworkAccessManager &nam, QObject *parent)
    : QObject(parent), m_nam(nam)
{
}

void TokenClient::exchangeCode(const SmartConfiguration &config, const AuthRequest &request, const QString &code,
                               std::function<void(Result<TokenSet>)> done)
{
    const QByteArray body = authhttp::formEncode({
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("code"), code},
        {QStringLiteral("redirect_uri"), request.redirectUri.toString(QUrl::FullyEncoded)},
        {QStringLiteral("client_id"), request.clientId},
        {QStringLiteral("code_verifier"), QString::fromLatin1(request.codeVerifier)},
    });
    post(config.tokenEndpoint, body, std::move(done));
}

void TokenClient::refresh(const SmartConfiguration &config, const QString &clientId, const QByteArray &refreshToken,
                          std::function<void(Result<TokenSet>)> done)
{
    if (refreshToken.isEmpty()) {
        authhttp::later(this, [done] {
            done(Error::make(Error::Kind::Auth, QStringLiteral("no refresh token")));
        });
        return;
    }
    const QByteArray body = authhttp::formEncode({
        {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
        {QStringLiteral("refresh_token"), QString::fromLatin1(refreshToken)},
        {QStringLiteral("client_id"), clientId},
    });
    post(config.tokenEndpoint, body, [refreshToken, done](Result<TokenSet> result) {
        if (result && result->refreshToken.isEmpty())
            result->refreshToken = refreshToken;
        done(std::move(result));
    });
}

void TokenClient::post(const QUrl &tokenEndpoint, const QByteArray &body, std::function<void(Result<TokenSet>)> done)
{
    if (!authhttp::isAllowedEndpoint(tokenEndpoint)) {
        authhttp::later(this, [done] {
            done(Error::make(Error::Kind::Config, QStringLiteral("token endpoint must be https")));
        });
        return;
    }
    authhttp::send(m_nam, this, tokenEndpoint, &body, [done](const authhttp::HttpResult &r) {
        if (r.status == 0) {
            qCWarning(lcAuth) << "token request failed:" << r.networkError.kindName();
            done(r.networkError);
            return;
        }
        auto tokens = parseTokenResponse(r.status, r.body, QDateTime::currentDateTimeUtc());
        if (!tokens)
            qCWarning(lcAuth) << "token request rejected:" << tokens.error().kindName() << tokens.error().outcome;
        done(std::move(tokens));
    });
}

Result<TokenSet> TokenClient::parseTokenResponse(int httpStatus, const QByteArray &body, const QDateTime &now)
{
    if (httpStatus < 200 || httpStatus >= 300) {
        // RFC 6749 §5.2: 400 (or 401 for client auth) with {"error": "..."}.
        auto obj = authhttp::parseObject(body, QStringLiteral("token error"));
        const QString code = obj ? obj->value(QStringLiteral("error")).toString() : QString();
        if ((httpStatus == 400 || httpStatus == 401) && !code.isEmpty()) {
            Error e = Error::make(Error::Kind::Auth, QStringLiteral("token endpoint refused the grant"));
            e.httpStatus = httpStatus;
            e.outcome = code.left(64);
            return e;
        }
        return Error::http(httpStatus, QStringLiteral("token endpoint error"), code.left(64));
    }
    auto parsed = authhttp::parseObject(body, QStringLiteral("token response"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &obj = parsed.value();
    TokenSet t;
    t.accessToken = obj.value(QStringLiteral("access_token")).toString().toLatin1();
    if (t.accessToken.isEmpty())
        return Error::make(Error::Kind::Parse, QStringLiteral("token response has no access_token"));
    if (obj.value(QStringLiteral("token_type")).toString().compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        return Error::make(Error::Kind::Parse, QStringLiteral("token response is not a Bearer token"));
    t.refreshToken = obj.value(QStringLiteral("refresh_token")).toString().toLatin1();
    t.idToken = obj.value(QStringLiteral("id_token")).toString().toLatin1();
    const QJsonValue expiresIn = obj.value(QStringLiteral("expires_in"));
    if (expiresIn.isDouble() && expiresIn.toDouble() > 0)
        t.expiresAt = now.toUTC().addSecs(static_cast<qint64>(expiresIn.toDouble()));
    t.scope = obj.value(QStringLiteral("scope")).toString();
    t.patient = obj.value(QStringLiteral("patient")).toString();
    return t;
}

} // namespace hearth
