#pragma once

#include "auth/SmartConfiguration.h"

#include <QObject>
#include <functional>

class QNetworkAccessManager;

namespace hearth {

// Finds the authorization server for a FHIR base URL.
// 1. GET {fhirBase}/.well-known/smart-configuration.
// 2. If that document names an issuer but lacks jwks_uri, complete it from
//    {issuer}/.well-known/openid-configuration (whose issuer must match).
// 3. If (1) fails (HTTP error or not a valid document), fall back to
//    {fhirBase}/.well-known/openid-configuration (servers whose FHIR base is also the issuer).
// `done` is called exactly once, later; deleting this object cancels without calling it.
class SmartDiscovery : public QObject {
    Q_OBJECT
public:
    explicit SmartDiscovery(QNetworkAccessManager &nam, QObject *parent = nullptr);

    void discover(const QUrl &fhirBase, std::function<void(Result<SmartConfiguration>)> done);

private:
    void fetchOpenId(const QUrl &issuer, std::function<void(Result<SmartConfiguration>)> done);

    QNetworkAccessManager &m_nam;
};

// {base}/.well-known/{name}, keeping any path of base.
QUrl wellKnownUrl(const QUrl &base, const QString &name);

} // namespace hearth
