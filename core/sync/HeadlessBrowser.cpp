#include "HeadlessBrowser.h"

#include "common/Log.h"
#include "common/UrlPolicy.h"
#include "net/TlsPolicy.h"

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
    tls::applyTo(request);
    // A browser follows the server's https redirect to Hearth's own http://127.0.0.1 listener (RFC 8252),
    // which Qt's "no less safe" policy would refuse: allow exactly that, to loopback only.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    QNetworkReply *reply = m_nam.get(request);
    connect(reply, &QNetworkReply::redirected, reply, [reply](const QUrl &target) {
        if (isLoopbackUrl(target))
            emit reply->redirectAllowed();
    });
    // The sign-in flow learns the outcome from its loopback listener; this reply is just drained.
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

} // namespace hearth
