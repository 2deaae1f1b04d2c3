#include "ApiClient.h"

#include "HttpDate.h"
#include "common/Log.h"
#include "common/UrlPolicy.h"
#include "net/NetworkError.h"
#include "net/TlsPolicy.h"
#include "fhir/OperationOutcome.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <utility>

namespace hearth {

ApiClient::ApiClient(QNetworkAccessManager &nam, const QUrl &fhirBase, QObject *parent)
    : QObject(parent), m_nam(nam), m_base(fhirBase.adjusted(QUrl::StripTrailingSlash))
{
}

QUrl ApiClient::resolve(const QString &pathOrUrl) const
{
    const QUrl given(pathOrUrl);
    if (given.isRelative()) {
        // Relative paths are resolved against the base *with* its last segment, e.g. .../fhir/R4/Observation.
        QUrl base = m_base;
        base.setPath(base.path() + u'/');
        return base.resolved(given);
    }
    return given;
}

bool ApiClient::isUnderBase(const QUrl &url) const
{
    if (url.scheme() != m_base.scheme() || url.host() != m_base.host()
        || url.port(m_base.scheme() == QLatin1String("https") ? 443 : 80)
                != m_base.port(m_base.scheme() == QLatin1String("https") ? 443 : 80))
        return false;
    const QString basePath = m_base.path();
    const QString path = url.path();
    return path == basePath || path.startsWith(basePath + u'/');
}

ApiClient::~ApiClient()
{
    const QSet<QNetworkReply *> replies = std::exchange(m_replies, {});
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void ApiClient::get(const QString &pathOrUrl, Completion done)
{
    send("GET", pathOrUrl, {}, {}, std::move(done));
}

void ApiClient::send(const QByteArray &method, const QString &pathOrUrl, const QByteArray &body,
                     const HttpHeaders &headers, Completion done)
{
    const QUrl url = resolve(pathOrUrl);
    if (!isAllowedServerUrl(m_base)) {
        QMetaObject::invokeMethod(this, [done] {
            done(Error::make(Error::Kind::Security, QStringLiteral("refused plain http to a server that is not on this machine")));
        }, Qt::QueuedConnection);
        return;
    }
    if (!url.isValid() || !isUnderBase(url)) {
        // A next link pointing elsewhere must not receive the patient's token.
        QMetaObject::invokeMethod(this, [done] {
            done(Error::make(Error::Kind::Security, QStringLiteral("refused a URL outside the FHIR server")));
        }, Qt::QueuedConnection);
        return;
    }
    enqueue(Pending{method, url, body, headers, std::move(done)});
}

void ApiClient::enqueue(Pending pending)
{
    m_queue.enqueue(std::move(pending));
    pump();
}

void ApiClient::pump()
{
    while (!m_refreshing && m_inFlight < m_maxInFlight && !m_queue.isEmpty())
        send(m_queue.dequeue());
}

void ApiClient::send(Pending pending)
{
    QNetworkRequest request(pending.url);
    tls::applyTo(request);
    request.setRawHeader("Accept", "application/fhir+json");
    if (!pending.body.isEmpty())
        request.setRawHeader("Content-Type", "application/fhir+json; charset=utf-8");
    for (const auto &[name, value] : std::as_const(pending.headers))
        request.setRawHeader(name, value);
    if (!m_accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_accessToken);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    ++m_inFlight;
    ++m_sent;
    QNetworkReply *reply = pending.method == "GET" ? m_nam.get(request)
                                                   : m_nam.sendCustomRequest(request, pending.method, pending.body);
    m_replies.insert(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, pending = std::move(pending)]() mutable {
        m_replies.remove(reply);
        reply->deleteLater();
        --m_inFlight;
        // The completion may end the session and destroy this client: check before pumping on.
        QPointer<ApiClient> self(this);
        finished(reply, std::move(pending));
        if (self)
            pump();
    });
}

void ApiClient::finished(QNetworkReply *reply, Pending pending)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 401 && m_refresher && !pending.retriedAfterRefresh) {
        pending.retriedAfterRefresh = true;
        refreshThenResend(std::move(pending));
        return;
    }
    if (status == 0) {
        qCInfo(lcNet) << "request failed without HTTP status:" << reply->error();
        failOrRetry(std::move(pending), errorFromNetworkFailure(reply->error()));
        return;
    }
    if (status < 200 || status >= 300) {
        qCInfo(lcNet) << "HTTP" << status << "from FHIR server";
        Error error = Error::http(status, QStringLiteral("the server answered HTTP %1").arg(status),
                                  summariseOperationOutcome(body),
                                  parseRetryAfter(reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc()));
        error.serverText = operationOutcomeText(body);
        // 401 after the one refresh: the sign-in is no longer valid. A 403 is a refusal of this one
        // request (scope, consent), not a reason to sign the patient out: it stays an Http error.
        if (status == 401)
            error.kind = Error::Kind::Auth;
        failOrRetry(std::move(pending), error);
        return;
    }
    // Qt 6.4 can finish a reply whose connection closed part-way through the body without an
    // error. A body shorter than its Content-Length is a broken transfer, never a response.
    const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
    if (reply->error() != QNetworkReply::NoError || (announced.isValid() && body.size() < announced.toLongLong())) {
        qCInfo(lcNet) << "response cut short:" << body.size() << "of" << announced.toLongLong() << "bytes";
        failOrRetry(std::move(pending), errorFromNetworkFailure(reply->error() != QNetworkReply::NoError
                                                                    ? reply->error()
                                                                    : QNetworkReply::RemoteHostClosedError));
        return;
    }
    pending.done(HttpReply{status, body, reply->rawHeader("Date"), reply->rawHeader("Location"), reply->rawHeader("ETag")});
}

void ApiClient::failOrRetry(Pending pending, const Error &error)
{
    // Only idempotent requests are resent here; a POST goes back to its caller (the outbox), which
    // resends it with its conditional-create identifier.
    const bool idempotent = pending.method != "POST" && pending.method != "PATCH";
    const auto decision = m_retryPolicy.decide(++pending.failures, error);
    if (!idempotent || !decision.retry) {
        pending.done(error);
        return;
    }
    qCInfo(lcNet) << "retrying after" << decision.delayMs << "ms, attempt" << pending.failures + 1;
    QTimer::singleShot(decision.delayMs, this, [this, pending = std::move(pending)]() mutable {
        enqueue(std::move(pending));
    });
}

void ApiClient::refreshThenResend(Pending pending)
{
    m_waitingForRefresh << std::move(pending);
    if (m_refreshing)
        return;   // single flight: the refresh already under way will resend this one too
    m_refreshing = true;
    qCInfo(lcNet) << "access token rejected; refreshing once";
    QPointer<ApiClient> self(this);
    m_refresher([this, self](Result<QByteArray> token) {
        if (!self)
            return;
        m_refreshing = false;
        QList<Pending> waiting;
        waiting.swap(m_waitingForRefresh);
        if (!token) {
            for (auto &p : waiting)
                p.done(token.error());
        } else {
            m_accessToken = token.value();
            for (auto &p : waiting)
                m_queue.prepend(std::move(p));
        }
        pump();
    });
}

} // namespace hearth
