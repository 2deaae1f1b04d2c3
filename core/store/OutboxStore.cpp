#include "OutboxStore.h"

#include "StoreSql.h"

#include <QSqlQuery>
#include <QVariant>

namespace hearth {

using store_detail::exec;
using store_detail::orNull;
using store_detail::prepare;

namespace {

const QString kColumns = QStringLiteral(
    "client_id, kind, resource_type, payload, state, attempts, last_error, created, server_location, next_attempt, "
    "refusal");
// rowid breaks ties between items created in the same millisecond: insertion order.
const QString kOrder = QStringLiteral(" ORDER BY created, rowid");

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFromText(const QString &s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.toUTC();
}

Result<QList<OutboxItem>> readAll(QSqlQuery &q, const QString &what)
{
    if (Status s = exec(q, what); !s)
        return s.error();
    QList<OutboxItem> out;
    while (q.next()) {
        OutboxItem item;
        item.clientId = q.value(0).toString();
        item.kind = q.value(1).toString();
        item.resourceType = q.value(2).toString();
        item.payload = q.value(3).toByteArray();
        const auto state = outboxStateFromName(q.value(4).toString());
        if (!state)
            return Error::make(Error::Kind::Storage, QStringLiteral("outbox row has an unknown state"));
        item.state = *state;
        item.attempts = q.value(5).toInt();
        item.lastError = q.value(6).toString();
        item.created = timeFromText(q.value(7).toString());
        item.serverLocation = q.value(8).toString();
        item.nextAttempt = timeFromText(q.value(9).toString());
        item.refusal = q.value(10).toString();
        out.append(item);
    }
    if (q.lastError().isValid())
        return store_detail::sqlError(what, q.lastError());
    return out;
}

} // namespace

QString outboxStateName(OutboxState state)
{
    switch (state) {
    case OutboxState::Waiting: return QStringLiteral("waiting");
    case OutboxState::Sending: return QStringLiteral("sending");
    case OutboxState::Sent: return QStringLiteral("sent");
    case OutboxState::Failed: return QStringLiteral("failed");
    }
    return {};
}

std::optional<OutboxState> outboxStateFromName(const QString &name)
{
    for (OutboxState s : {OutboxState::Waiting, OutboxState::Sending, OutboxState::Sent, OutboxState::Failed})
        if (outboxStateName(s) == name)
            return s;
    return std::nullopt;
}

OutboxStore::OutboxStore(QSqlDatabase db) : m_db(std::move(db)) {}

Status OutboxStore::insert(const OutboxItem &item)
{
    if (item.clientId.isEmpty() || item.resourceType.isEmpty() || item.payload.isEmpty() || !item.created.isValid())
        return Error::make(Error::Kind::Config, QStringLiteral("outbox item needs an id, a type, a payload and a time"));
    QSqlQuery q(m_db);
    if (Status s = prepare(q, QStringLiteral("INSERT INTO outbox (") + kColumns
                                  + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                           QStringLiteral("prepare outbox insert"));
        !s)
        return s;
    q.addBindValue(item.clientId);
    q.addBindValue(item.kind);
    q.addBindValue(item.resourceType);
    q.addBindValue(item.payload);
    q.addBindValue(outboxStateName(item.state));
    q.addBindValue(item.attempts);
    q.addBindValue(orNull(item.lastError));
    q.addBindValue(timeText(item.created));
    q.addBindValue(orNull(item.serverLocation));
    q.addBindValue(orNull(timeText(item.nextAttempt)));
    q.addBindValue(orNull(item.refusal));
    return exec(q, QStringLiteral("insert outbox item"));
}

Result<std::optional<OutboxItem>> OutboxStore::get(const QString &clientId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (Status s = prepare(q, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM outbox WHERE client_id = ?"),
                           QStringLiteral("prepare outbox get"));
        !s)
        return s.error();
    q.addBindValue(clientId);
    auto rows = readAll(q, QStringLiteral("read outbox item"));
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<OutboxItem>();
    return std::optional<OutboxItem>(rows->first());
}

Result<QList<OutboxItem>> OutboxStore::list() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (Status s = prepare(q, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM outbox") + kOrder,
                           QStringLiteral("prepare outbox list"));
        !s)
        return s.error();
    return readAll(q, QStringLiteral("list outbox"));
}

Result<QList<OutboxItem>> OutboxStore::unsent() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (Status s = prepare(q, QStringLiteral("SELECT ") + kColumns
                                  + QStringLiteral(" FROM outbox WHERE state IN ('waiting', 'sending')") + kOrder,
                           QStringLiteral("prepare outbox unsent"));
        !s)
        return s.error();
    return readAll(q, QStringLiteral("list unsent outbox items"));
}

// Runs one guarded UPDATE (last bind = client id); no row changed means the item is missing or
// not in the state the transition starts from.
Status OutboxStore::transition(const QString &clientId, const QString &sql, const QList<QVariant> &binds,
                               const QString &what)
{
    QSqlQuery q(m_db);
    if (Status s = prepare(q, sql, QStringLiteral("prepare ") + what); !s)
        return s;
    for (const QVariant &v : binds)
        q.addBindValue(v);
    q.addBindValue(clientId);
    if (Status s = exec(q, what); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return Error::make(Error::Kind::NotFound, what + QStringLiteral(": no outbox item in the expected state"));
    return {};
}

Status OutboxStore::markSending(const QString &clientId)
{
    return transition(clientId,
                      QStringLiteral("UPDATE outbox SET state = 'sending', attempts = attempts + 1 "
                                     "WHERE state = 'waiting' AND client_id = ?"),
                      {}, QStringLiteral("mark outbox item sending"));
}

Status OutboxStore::markSent(const QString &clientId, const QString &serverLocation)
{
    return transition(clientId,
                      QStringLiteral("UPDATE outbox SET state = 'sent', server_location = ?, last_error = NULL, "
                                     "next_attempt = NULL WHERE state = 'sending' AND client_id = ?"),
                      {orNull(serverLocation)}, QStringLiteral("mark outbox item sent"));
}

Status OutboxStore::markRetry(const QString &clientId, const QString &errorCode, const QDateTime &nextAttempt)
{
    return transition(clientId,
                      QStringLiteral("UPDATE outbox SET state = 'waiting', last_error = ?, next_attempt = ? "
                                     "WHERE state = 'sending' AND client_id = ?"),
                      {orNull(errorCode), orNull(timeText(nextAttempt))}, QStringLiteral("mark outbox item for retry"));
}

Status OutboxStore::markFailed(const QString &clientId, const QString &errorCode, const QString &refusal)
{
    return transition(clientId,
                      QStringLiteral("UPDATE outbox SET state = 'failed', last_error = ?, refusal = ?, "
                                     "next_attempt = NULL WHERE state = 'sending' AND client_id = ?"),
                      {orNull(errorCode), orNull(refusal)}, QStringLiteral("mark outbox item failed"));
}

Status OutboxStore::requeue(const QString &clientId)
{
    return transition(clientId,
                      QStringLiteral("UPDATE outbox SET state = 'waiting', last_error = NULL, refusal = NULL, "
                                     "next_attempt = NULL WHERE state = 'failed' AND client_id = ?"),
                      {}, QStringLiteral("requeue refused outbox item"));
}

Result<int> OutboxStore::resetInterrupted()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("UPDATE outbox SET state = 'waiting' WHERE state = 'sending'")))
        return store_detail::sqlError(QStringLiteral("reset interrupted outbox items"), q.lastError());
    return q.numRowsAffected();
}

Status OutboxStore::remove(const QString &clientId)
{
    QSqlQuery q(m_db);
    if (Status s = prepare(q, QStringLiteral("DELETE FROM outbox WHERE client_id = ?"),
                           QStringLiteral("prepare outbox remove"));
        !s)
        return s;
    q.addBindValue(clientId);
    return exec(q, QStringLiteral("remove outbox item"));
}

} // namespace hearth
