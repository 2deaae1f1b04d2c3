#include "auth/SmartConfiguration.h"

#include "auth/HttpSupport.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hearth {

namespace {
Error configError(const QString &what)
{
    return Error::make(Error::Kind::Parse, QStringLiteral("SMART configuration: ") + what);
}

// Reads an optional URL field; an invalid or non-https value is an error, an absent one is empty.
Result<QUrl> endpoint(const QJsonObject &obj, const QString &key, bool required)
{
    const QJsonValue value = obj.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return configError(key + QStringLiteral(" missing"));
        return QUrl();
    }
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!value.isString() || !authhttp::isAllowedEndpoint(url))
        return configError(key + QStringLiteral(" is not an https URL"));
    return url;
}

QStringList stringList(const QJsonObject &obj, const QString &key)
{
    QStringList out;
    const QJsonArray array = obj.value(key).toArray();
    for (const QJsonValue &v : array) {
        if (v.isString())
            out << v.toString();
    }
    return out;
}
} // namespace

Result<SmartConfiguration> SmartConfiguration::fromJson(const QByteArray &json)
{
    auto parsed = authhttp::parseObject(json, QStringLiteral("SMART configuration"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &obj = parsed.value();

    SmartConfiguration config;
    auto authz = endpoint(obj, QStringLiteral("authorization_endpoint"), true);
    if (!authz)
        return authz.error();
    auto token = endpoint(obj, QStringLiteral("token_endpoint"), true);
    if (!token)
        return token.error();
    auto issuer = endpoint(obj, QStringLiteral("issuer"), false);
    if (!issuer)
        return issuer.error();
    auto jwks = endpoint(obj, QStringLiteral("jwks_uri"), false);
    if (!jwks)
        return jwks.error();
    config.authorizationEndpoint = authz.value();
    config.tokenEndpoint = token.value();
    config.issuer = issuer.value();
    config.jwksUri = jwks.value();

    config.codeChallengeMethods = stringList(obj, QStringLiteral("code_challenge_methods_supported"));
    // PKCE with S256 is mandatory for a public client (SMART 2.0); "plain" alone is not good enough.
    if (!config.codeChallengeMethods.contains(QStringLiteral("S256")))
        return configError(QStringLiteral("code_challenge_methods_supported lacks S256"));
    config.scopesSupported = stringList(obj, QStringLiteral("scopes_supported"));
    config.capabilities = stringList(obj, QStringLiteral("capabilities"));
    return config;
}

} // namespace hearth
