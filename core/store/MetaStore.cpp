#include "MetaStore.h"

#include "StoreSql.h"

#include <QSqlQuery>
#include <QVariant>

namespace hearth {

using store_detail::exec;
using store_detail::prepare;

MetaStore::MetaStore(QSqlDatabase db) : m_db(std::move(db)) {}

Result<std::optional<QByteArray>> MetaStore::get(const QString &key) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (Status s = prepare(q, QStringLiteral("SELECT value FROM meta WHERE key = ?"),
                           QStringLiteral("prepare meta get"));
        !s)
        return s.error();
    q.addBindValue(key);
    if (Status s = exec(q, QStringLiteral("read meta")); !s)
        return s.error();
    if (q.next()) {
        // Values written here are BLOBs; tolerate TEXT written by hand (e.g. a debugging session).
        const QVariant v = q.value(0);
        QByteArray bytes = v.metaType().id() == QMetaType::QString ? v.toString().toUtf8() : v.toByteArray();
        if (bytes.isNull())
            bytes = QByteArray("");
        return std::optional<QByteArray>(bytes);
    }
    if (q.lastError().isValid())
        return store_detail::sqlError(QStringLiteral("read meta"), q.lastError());
    return std::optional<QByteArray>();
}

Status MetaStore::put(const QString &key, const QByteArray &value)
{
    if (key.isEmpty())
        return Error::make(Error::Kind::Config, QStringLiteral("meta key is empty"));
    QSqlQuery q(m_db);
    if (Status s = prepare(q, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
                           QStringLiteral("prepare meta put"));
        !s)
        return s;
    q.addBindValue(key);
    q.addBindValue(value.isNull() ? QByteArray("") : value);
    return exec(q, QStringLiteral("store meta"));
}

Status MetaStore::remove(const QString &key)
{
    QSqlQuery q(m_db);
    if (Status s = prepare(q, QStringLiteral("DELETE FROM meta WHERE key = ?"), QStringLiteral("prepare meta remove"));
        !s)
        return s;
    q.addBindValue(key);
    return exec(q, QStringLiteral("remove meta"));
}

} // namespace hearth
