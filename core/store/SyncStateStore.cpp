#include "SyncStateStore.h"

#include "StoreSql.h"

#include <QSqlQuery>
#include <QVariant>

namespace hearth {

using store_detail::exec;
using store_detail::orNull;
using store_detail::prepare;

namespace {

SyncCursor fromRow(const QSqlQuery &q, int first)
{
    SyncCursor c;
    c.cursor = q.value(first).toString();
    c.nextLink = q.value(first + 1).toString();
    c.lastSuccess = q.value(first + 2).toString();
    c.lastError = q.value(first + 3).toString();
    return c;
}

} // namespace

SyncStateStore::SyncStateStore(QSqlDatabase db) : m_db(std::move(db)) {}

Result<SyncCursor> SyncStateStore::get(const QString &type) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (Status s = prepare(q, QStringLiteral("SELECT cursor, next_link, last_success, last_error "
                                             "FROM sync_state WHERE type = ?"),
                           QStringLiteral("prepare sync state get"));
        !s)
        return s.error();
    q.addBindValue(type);
    if (Status s = exec(q, QStringLiteral("read sync state")); !s)
        return s.error();
    if (q.next())
        return fromRow(q, 0);
    if (q.lastError().isValid())
        return store_detail::sqlError(QStringLiteral("read sync state"), q.lastError());
    return SyncCursor{};
}

Status SyncStateStore::put(const QString &type, const SyncCursor &cursor)
{
    if (type.isEmpty())
        return Error::make(Error::Kind::Config, QStringLiteral("sync state needs a type"));
    QSqlQuery q(m_db);
    if (Status s = prepare(q, QStringLiteral("INSERT OR REPLACE INTO sync_state "
                                             "(type, cursor, next_link, last_success, last_error) "
                                             "VALUES (?, ?, ?, ?, ?)"),
                           QStringLiteral("prepare sync state put"));
        !s)
        return s;
    q.addBindValue(type);
    q.addBindValue(orNull(cursor.cursor));
    q.addBindValue(orNull(cursor.nextLink));
    q.addBindValue(orNull(cursor.lastSuccess));
    q.addBindValue(orNull(cursor.lastError));
    return exec(q, QStringLiteral("store sync state"));
}

Result<QMap<QString, SyncCursor>> SyncStateStore::all() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT type, cursor, next_link, last_success, last_error FROM sync_state")))
        return store_detail::sqlError(QStringLiteral("read sync states"), q.lastError());
    QMap<QString, SyncCursor> out;
    while (q.next())
        out.insert(q.value(0).toString(), fromRow(q, 1));
    if (q.lastError().isValid())
        return store_detail::sqlError(QStringLiteral("read sync states"), q.lastError());
    return out;
}

} // namespace hearth
