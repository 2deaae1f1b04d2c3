#include "auth/SmartDiscovery.h"

#include "auth/HttpSupport.h"
#include "common/Log.h"

#include <QNetworkAccessManager>

namespace hearth {

using authhttp::HttpResult;
using Done = std::function<void(Result<SmartConfiguration>)>;

QUrl wellKnownUrl(const QUrl &base, const QString &name)
{
    QUrl url = base;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + QStringLiteral(".well-known/") + name);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

namespace {
Result<SmartConfiguration> parseReply(const HttpResult &r)
{
    if (r.status == 0)
        return r.networkError;
    if (r.status < 200 || r.status >= 300)
        return Error::http(r.status, QStringLiteral("discovery document not available"));
    return SmartConfiguration::fromJson(r.body);
}
} // namespace

SmartDiscovery::SmartDiscovery(QNetworkAccessManager &nam, QObject *parent)
    : QObject(parent), m_nam(nam)
{
}

void SmartDiscovery::discover(const QUrl &fhirBase, Done done)
{
    if (!authhttp::isAllowedEndpoint(fhirBase)) {
        authhttp::later(this, [done] {
            done(Error::make(Error::Kind::Config, QStringLiteral("FHIR base URL must be https")));
        });
        return;
    }
    authhttp::send(m_nam, this, wellKnownUrl(fhirBase, QStringLiteral("smart-configuration")), nullptr,
                   [this, fhirBase, done](const HttpResult &r) {
        auto smart = parseReply(r);
        if (!smart) {
            // Network trouble is reported as is: falling back would only hide it.
            if (smart.error().kind == Error::Kind::Network || smart.error().kind == Error::Kind::Timeout) {
                done(smart.error());
                return;
            }
            qCInfo(lcAuth) << "smart-configuration unusable, trying openid-configuration:" << smart.error().kindName();
            fetchOpenId(fhirBase, done);
            return;
        }
        if (smart->supportsOpenId() || smart->issuer.isEmpty()) {
            done(smart);
            return;
        }
        // SMART document names an issuer but no jwks_uri: take it from the issuer's OIDC document.
        const SmartConfiguration base = smart.value();
        fetchOpenId(base.issuer, [base, done](Result<SmartConfiguration> oidc) {
            if (!oidc) {
                done(oidc.error());
                return;
            }
            SmartConfiguration merged = base;
            merged.jwksUri = oidc->jwksUri;
            done(merged);
        });
    });
}

void SmartDiscovery::fetchOpenId(const QUrl &issuer, Done done)
{
    authhttp::send(m_nam, this, wellKnownUrl(issuer, QStringLiteral("openid-configuration")), nullptr,
                   [issuer, done](const HttpResult &r) {
        auto oidc = parseReply(r);
        if (!oidc) {
            done(oidc.error());
            return;
        }
        // OpenID Connect Discovery §4.3: the issuer in the document must be the one we asked.
        if (oidc->issuer.toString(QUrl::StripTrailingSlash) != issuer.toString(QUrl::StripTrailingSlash)) {
            done(Error::make(Error::Kind::Security, QStringLiteral("openid-configuration issuer mismatch")));
            return;
        }
        if (!oidc->supportsOpenId()) {
            done(Error::make(Error::Kind::Parse, QStringLiteral("openid-configuration lacks jwks_uri")));
            return;
        }
        done(oidc);
    });
}

} // namespace hearth
