#pragma once

#include "common/Result.h"
#include "net/RetryPolicy.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSet>
#include <QUrl>
#include <functional>

namespace hearth {

struct HttpReply {
    int status = 0;
    QByteArray body;
    QByteArray dateHeader;   // the server's Date header, raw
    QByteArray location;     // Location (e.g. of a created resource), raw
    QByteArray etag;         // ETag, raw
};

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Sends FHIR requests to one server: adds the bearer token and Accept header, caps how many are in
// flight, refreshes the token once on 401 (one refresh shared by every request waiting on it) and
// resends. Turns every failure into an Error value. The bearer token is only ever sent to URLs
// under the FHIR base it was issued for.
class ApiClient : public QObject {
    Q_OBJECT
public:
    using Completion = std::function<void(Result<HttpReply>)>;
    // Refreshes the access token; calls back with the new one or an Auth error.
    using Refresher = std::function<void(std::function<void(Result<QByteArray>)>)>;

    ApiClient(QNetworkAccessManager &nam, const QUrl &fhirBase, QObject *parent = nullptr);
    // Aborts whatever is still in flight: no request outlives the session that made it.
    ~ApiClient() override;

    QUrl fhirBase() const { return m_base; }
    void setAccessToken(const QByteArray &token) { m_accessToken = token; }
    void setRefresher(Refresher refresher) { m_refresher = std::move(refresher); }
    void setMaxInFlight(int count) { m_maxInFlight = qMax(1, count); }
    void setTransferTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Transient failures of idempotent requests are retried here, and only here, as this policy says.
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    const RetryPolicy &retryPolicy() const { return m_retryPolicy; }

    // `pathOrUrl`: relative to the FHIR base ("Observation?patient=1") or an absolute URL under it
    // (a `next` link). Completion is called exactly once, later, unless the client is destroyed
    // first. A base that is neither https nor loopback is refused: tokens never cross plain http.
    void get(const QString &pathOrUrl, Completion done);
    // Any method; a body is sent as application/fhir+json. Same rules and guarantees as get().
    void send(const QByteArray &method, const QString &pathOrUrl, const QByteArray &body,
              const HttpHeaders &headers, Completion done);

    QUrl resolve(const QString &pathOrUrl) const;
    bool isUnderBase(const QUrl &url) const;

    // Requests sent over the network since construction (retries included).
    int requestsSent() const { return m_sent; }

private:
    struct Pending {
        QByteArray method;
        QUrl url;
        QByteArray body;
        HttpHeaders headers;
        Completion done;
        bool retriedAfterRefresh = false;
        int failures = 0;
    };

    void enqueue(Pending pending);
    void pump();
    void send(Pending pending);
    void finished(QNetworkReply *reply, Pending pending);
    void refreshThenResend(Pending pending);
    void failOrRetry(Pending pending, const Error &error);

    QNetworkAccessManager &m_nam;
    QUrl m_base;
    QByteArray m_accessToken;
    Refresher m_refresher;
    QQueue<Pending> m_queue;
    QList<Pending> m_waitingForRefresh;
    bool m_refreshing = false;
    int m_inFlight = 0;
    int m_maxInFlight = 4;
    int m_timeoutMs = 60000;
    int m_sent = 0;
    RetryPolicy m_retryPolicy;
    QSet<QNetworkReply *> m_replies;
};

} // namespace hearth
