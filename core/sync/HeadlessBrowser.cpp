#include "HeadlessBrowser.h"

#include "common/Log.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace hearth {

bool isLoopbackUrl(const QUrl &url)
{
    const QString host = url.host();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

HeadlessBrowser::HeadlessBrowser(QNetworkAccessManager &nam, QObject *parent) : QObject(parent), m_nam(nam) {}

void HeadlessBrowser::open(const QUrl &url)
{
    if (!isLoopbackUrl(url)) {
        qCWarning(lcAuth) << "headless sign-in refused for a non-loopback server";
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    QNetworkReply *reply = m_nam.get(request);
    // The sign-in flow learns the outcome from its loopback listener; this reply is just drained.
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

} // namespace hearth
