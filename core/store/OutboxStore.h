#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace hearth {

// Lifecycle of a write the patient made (stored as text in outbox.state):
//   waiting ──markSending──▶ sending ──markSent──▶ sent
//      ▲                        │
//      └──────markRetry─────────┤        (network, timeout, 5xx, 429, 401: try again later)
//                               └──markFailed──▶ failed   (the server refused it: 4xx)
//                                                   │
//      ◀─────────────────requeue────────────────────┘        (the patient chose "try again")
// `sending` is persisted before the request leaves, so a crash mid-send leaves a row that
// resetInterrupted() turns back into `waiting` on the next start (resending is safe: see Outbox.h).
enum class OutboxState { Waiting, Sending, Sent, Failed };

QString outboxStateName(OutboxState state);                 // "waiting", "sending", "sent", "failed"
std::optional<OutboxState> outboxStateFromName(const QString &name);

struct OutboxItem {
    QString clientId;          // UUID v4 (no braces); also the resource's urn:uuid identifier
    QString kind;              // what the write is for the app, e.g. "repeat-prescription", "message"
    QString resourceType;      // FHIR type it is POSTed to, e.g. "Task"
    QByteArray payload;        // the resource JSON exactly as it is sent (identifier included)
    OutboxState state = OutboxState::Waiting;
    int attempts = 0;          // requests started for this item (a crash mid-send counts)
    QString lastError;         // a short code ("network", "http-503", ...), never server text
    QDateTime created;         // UTC; items are sent in this order
    QString serverLocation;    // Location (or Type/id) the server gave once sent
    QDateTime nextAttempt;     // UTC; invalid = due now
    QString refusal;           // failed: the server's words for people (Error::serverText), may be empty

    friend bool operator==(const OutboxItem &, const OutboxItem &) = default;
};

// The `outbox` table. State changes are guarded in SQL (e.g. markSent only from `sending`), so an
// out-of-order transition is an error value instead of a silent overwrite.
class OutboxStore {
public:
    explicit OutboxStore(QSqlDatabase db);

    Status insert(const OutboxItem &item);       // a new item; an existing client id is an error
    Result<std::optional<OutboxItem>> get(const QString &clientId) const;
    Result<QList<OutboxItem>> list() const;      // every item, oldest first
    Result<QList<OutboxItem>> unsent() const;    // waiting + sending, oldest first

    Status markSending(const QString &clientId);                 // waiting → sending, attempts + 1
    Status markSent(const QString &clientId, const QString &serverLocation);   // sending → sent
    Status markRetry(const QString &clientId, const QString &errorCode,
                     const QDateTime &nextAttempt);              // sending → waiting
    Status markFailed(const QString &clientId, const QString &errorCode,
                      const QString &refusal = {});                // sending → failed
    // failed → waiting, due now: the server refused it, so nothing was created and the same client id
    // is safe to send again. Keeps `attempts`; clears the error and the refusal.
    Status requeue(const QString &clientId);
    // Every `sending` row back to `waiting` (run once at start-up); returns how many.
    Result<int> resetInterrupted();
    Status remove(const QString &clientId);      // e.g. the patient dismisses a failed item

private:
    Status transition(const QString &clientId, const QString &sql, const QList<QVariant> &binds,
                      const QString &what);
    QSqlDatabase m_db;
};

} // namespace hearth
