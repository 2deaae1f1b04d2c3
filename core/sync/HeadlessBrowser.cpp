#include "HeadlessBrowser.h"

#include "common/Log.h"
#include "common/UrlPolicy.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace hearth {

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
