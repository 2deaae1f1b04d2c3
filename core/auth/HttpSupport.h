#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QObject;

// Internal plumbing shared by the auth network clients (not part of the public API).
namespace hearth::authhttp {

// What came back from one request, read before the reply object goes away.
struct HttpResult {
    int status = 0;               // HTTP status, 0 if none (network failure)
    QByteArray body;
    Error networkError;           // set when status == 0
};

// Sends `request` (GET, or POST with `postBody` when it is not null) and calls `done` exactly once when it
// finishes, later, on the owner's thread. The reply is parented to `owner`: deleting the owner aborts
// the request and `done` is never called.
void send(QNetworkAccessManager &nam, QObject *owner, const QUrl &url, const QByteArray *postBody,
          std::function<void(const HttpResult &)> done);

// Calls `fn` on the next event-loop turn unless `owner` has been destroyed (for errors found before any I/O,
// so completions are never called synchronously).
void later(QObject *owner, std::function<void()> fn);

// Parses a JSON object body, or a Parse error naming `what`.
Result<QJsonObject> parseObject(const QByteArray &body, const QString &what);

// http(s) URL check: https anywhere, plain http only for loopback hosts (local test servers).
bool isAllowedEndpoint(const QUrl &url);

// application/x-www-form-urlencoded (also used for the authorize query): every byte outside the RFC 3986
// unreserved set is percent-encoded, so '+' and '&' in values survive.
QByteArray formEncode(const QList<QPair<QString, QString>> &fields);

} // namespace hearth::authhttp
