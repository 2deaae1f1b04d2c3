#include "TlsPolicy.h"

#include <QMutex>
#include <QMutexLocker>
#include <QNetworkRequest>
#include <QSslSocket>

namespace hearth::tls {

namespace {

QMutex &testCaMutex()
{
    static QMutex mutex;
    return mutex;
}

QList<QSslCertificate> &testCas()
{
    static QList<QSslCertificate> certificates;
    return certificates;
}

} // namespace

QSslConfiguration clientConfiguration()
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    const QList<QSslCertificate> extra = testCaCertificates();
    if (!extra.isEmpty()) {
        // Adding CAs switches off Qt's on-demand loading of the system roots, so name them too.
        QList<QSslCertificate> cas = QSslConfiguration::systemCaCertificates();
        cas += extra;
        config.setCaCertificates(cas);
    }
    return config;
}

void applyTo(QNetworkRequest &request)
{
    request.setSslConfiguration(clientConfiguration());
}

void setTestCaCertificates(const QList<QSslCertificate> &certificates)
{
    const QMutexLocker lock(&testCaMutex());
    testCas() = certificates;
}

QList<QSslCertificate> testCaCertificates()
{
    const QMutexLocker lock(&testCaMutex());
    return testCas();
}

} // namespace hearth::tls
