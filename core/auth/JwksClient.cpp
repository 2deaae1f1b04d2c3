#include "auth/JwksClient.h"

#include "auth/HttpSupport.h"

#include <QJsonObject>
#include <QNetworkAccessManager>

namespace hearth {

JwksClient::JwksClient(QNetworkAccessManager &nam, QObject *parent)
    : QObject(parent), m_nam(nam)
{
}

void JwksClient::fetch(const QUrl &jwksUri, std::function<void(Result<QByteArray>)> done)
{
    if (!authhttp::isAllowedEndpoint(jwksUri)) {
        authhttp::later(this, [done] {
            done(Error::make(Error::Kind::Config, QStringLiteral("jwks_uri must be https")));
        });
        return;
    }
    authhttp::send(m_nam, this, jwksUri, nullptr, [done](const authhttp::HttpResult &r) {
        if (r.status == 0) {
            done(r.networkError);
            return;
        }
        if (r.status < 200 || r.status >= 300) {
            done(Error::http(r.status, QStringLiteral("JWKS not available")));
            return;
        }
        auto obj = authhttp::parseObject(r.body, QStringLiteral("JWKS"));
        if (!obj || !obj->value(QStringLiteral("keys")).isArray()) {
            done(Error::make(Error::Kind::Parse, QStringLiteral("JWKS has no keys array")));
            return;
        }
        done(r.body);
    });
}

} // namespace hearth
