#pragma once

// Internal helpers shared by the store's .cpp files (not part of the public API).

#include "common/Result.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace hearth::store_detail {

// A Storage error naming what failed plus SQLite's message (which names tables/columns, never values).
inline Error sqlError(const QString &what, const QSqlError &err)
{
    return Error::make(Error::Kind::Storage, what + QStringLiteral(": ") + err.text());
}

// Empty text is stored as SQL NULL, so "absent" has one representation.
inline QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

inline Status prepare(QSqlQuery &q, const QString &sql, const QString &what)
{
    if (!q.prepare(sql))
        return sqlError(what, q.lastError());
    return {};
}

inline Status exec(QSqlQuery &q, const QString &what)
{
    if (!q.exec())
        return sqlError(what, q.lastError());
    return {};
}

// Runs one statement without binds.
inline Status execSql(const QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return sqlError(what, q.lastError());
    return {};
}

// Runs a statement that returns one value (e.g. a PRAGMA read-back); NotFound-like empty → invalid QVariant.
inline Result<QVariant> scalar(const QSqlDatabase &db, const QString &sql, const QString &what)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return sqlError(what, q.lastError());
    if (!q.next()) {
        if (q.lastError().isValid())
            return sqlError(what, q.lastError());
        return QVariant();
    }
    return q.value(0);
}

} // namespace hearth::store_detail
