#include "auth/HttpSupport.h"
#include "common/UrlPolicy.h"
#include "net/NetworkError.h"
#include "net/TlsPolicy.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

namespace hearth::authhttp {

namespace {
constexpr int kTransferTimeoutMs = 30000;
constexpr qint64 kMaxBody = 1024 * 1024;   // discovery, token and JWKS documents are small

} // namespace

void send(QNetworkAccessManager &nam, QObject *owner, const QUrl &url, const QByteArray *postBody,
          std::function<void(const HttpResult &)> done)
{
    QNetworkRequest request(url);
    tls::applyTo(request);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(kTransferTimeoutMs);
    // Tokens and codes must not be cached by anything on the way.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    QNetworkReply *reply = nullptr;
    if (postBody) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = nam.post(request, *postBody);
    } else {
        reply = nam.get(request);
    }
    reply->setParent(owner);   // owner destroyed → reply deleted → request aborted, no callback
    QObject::connect(reply, &QNetworkReply::finished, owner, [reply, done = std::move(done)] {
        // Detach first: `done` may destroy the owner, which must not delete the reply under our feet.
        reply->setParent(nullptr);
        reply->deleteLater();
        HttpResult result;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid() && status.toInt() > 0) {
            result.status = status.toInt();
            if (reply->bytesAvailable() > kMaxBody) {
                result.status = 0;
                result.networkError = Error::make(Error::Kind::Parse, QStringLiteral("response too large"));
            } else {
                result.body = reply->readAll();
            }
        } else {
            result.networkError = errorFromNetworkFailure(reply->error());
        }
        done(result);
    });
}

void later(QObject *owner, std::function<void()> fn)
{
    QTimer::singleShot(0, owner, std::move(fn));
}

Result<QJsonObject> parseObject(const QByteArray &body, const QString &what)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(Error::Kind::Parse, what + QStringLiteral(" is not a JSON object"));
    return doc.object();
}

bool isAllowedEndpoint(const QUrl &url)
{
    return isAllowedServerUrl(url);
}

QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace hearth::authhttp
