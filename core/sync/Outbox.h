#pragma once

#include "common/Result.h"
#include "net/ApiClient.h"
#include "store/OutboxStore.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

namespace hearth {

class CacheDatabase;

// Writes the patient made (a repeat prescription request as a Task, a message as a Communication),
// delivered exactly once:
//
// - Never lost: enqueue() stores the item in the patient's encrypted database, in one transaction,
//   before any network call. `sending` is persisted before the request leaves; open() turns
//   `sending` rows left by a crash back into `waiting`.
// - Never twice: enqueue() gives the resource an identifier {urn:ietf:rfc:3986, urn:uuid:<clientId>}
//   and flush() POSTs it as a FHIR conditional create with
//   `If-None-Exist: identifier=urn:ietf:rfc:3986|urn:uuid:<clientId>`. If the server committed a
//   write but the reply was lost, the resend carries the same identifier and the server answers with
//   the resource it already has (200) instead of creating a second one.
// - In order: flush() sends due items one at a time, oldest first. A transient failure stops the
//   pass, so a later write (a reply) never overtakes an earlier one.
//
// Outcome of one send:
//   2xx                                  → sent (Location, else "<Type>/<id>" of the body, kept)
//   network, timeout, 5xx, 408, 429      → waiting, last error code, next attempt after backoff()
//                                          (Retry-After honoured); the pass stops
//   401 / Auth (ApiClient refreshed once) → waiting, code "auth", due at once; the pass stops
//                                          (the session asks for sign-in)
//   any other 4xx (400/403/404/409/412/422) → failed with code "http-<status>" (the server refused it)
// Error codes are short and stable; patient-facing wording is made in app/.
//
// Use from the thread that owns the database. The CacheDatabase and ApiClient must outlive it.
class Outbox : public QObject {
    Q_OBJECT
public:
    // (attempts so far, the error) → delay before the next attempt.
    using Backoff = std::function<std::chrono::milliseconds(int attempts, const Error &error)>;

    struct FlushReport {
        int sent = 0;        // items that reached `sent` in this pass
        int failed = 0;      // items that reached `failed` in this pass
        int waiting = 0;     // items still waiting when the pass ended
        Error stoppedBy;     // what ended the pass early (kind None if it ran to the end)
    };

    // Loads the outbox of one patient database and resets interrupted sends.
    static Result<std::unique_ptr<Outbox>> open(CacheDatabase &db, ApiClient &api, QObject *parent = nullptr);
    ~Outbox() override;

    // Stores the write and returns its client id. `resourceJson` must be a JSON object; if it names a
    // resourceType it must equal `resourceType`. Does not send: call flush().
    Result<QString> enqueue(const QString &kind, const QString &resourceType, const QByteArray &resourceJson);

    // Sends every due waiting item (see above). `done` is called once, later, when the pass ends.
    // A call while a pass runs joins that pass. If autoRetry() is on, a timer starts the next pass
    // when the earliest waiting item becomes due.
    void flush(std::function<void(FlushReport)> done = {});
    bool isFlushing() const { return m_flushing; }

    // The patient's "try again" on an item the server refused (failed → waiting, same client id:
    // the server created nothing). Does not send: call flush().
    Status retry(const QString &clientId);

    // For the UI: every item, oldest first, with state, attempts, last error, refusal and creation time.
    Result<QList<OutboxItem>> items() const;
    Result<std::optional<OutboxItem>> item(const QString &clientId) const;

    // Default: the shared RetryPolicy table at the outbox pace (2 s doubling to 5 min, ±25 % jitter,
    // never giving up); Retry-After wins when given.
    void setBackoff(Backoff backoff) { m_backoff = std::move(backoff); }
    static std::chrono::milliseconds defaultBackoff(int attempts, const Error &error);
    void setAutoRetry(bool on);
    void setClock(std::function<QDateTime()> nowUtc) { m_now = std::move(nowUtc); }   // tests

    // "network", "timeout", "auth", "http-<status>", "storage", ... (no server text).
    static QString errorCode(const Error &error);

signals:
    void itemChanged(const QString &clientId);

private:
    Outbox(CacheDatabase &db, ApiClient &api, QObject *parent);
    void sendNext();
    void onReply(const OutboxItem &item, const Result<HttpReply> &reply);
    void finishPass(const Error &stoppedBy);
    void scheduleRetry();

    CacheDatabase &m_db;
    ApiClient &m_api;
    OutboxStore m_store;
    Backoff m_backoff = &Outbox::defaultBackoff;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTimeUtc(); };
    bool m_autoRetry = true;
    bool m_flushing = false;
    FlushReport m_report;
    QList<std::function<void(FlushReport)>> m_waiters;
    QTimer m_retryTimer;
};

} // namespace hearth
