#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

class QSqlQuery;

namespace hearth {

struct StoredResource {
    QString type;
    QString id;
    QString versionId;
    QString lastUpdated;     // FHIR instant text as sent, e.g. 2024-05-03T08:14:00.000Z
    QString effectiveDate;   // ISO 8601 date/dateTime text or empty; sorted as text
    QString codeSystem;
    QString code;
    QString status;
    QByteArray json;         // raw resource JSON exactly as the server sent it

    friend bool operator==(const StoredResource &, const StoredResource &) = default;
};

// The `resources` table: raw FHIR JSON plus the few columns lists filter and sort on.
// put()'s statements are prepared once per instance; use an instance on the connection's thread
// only, and destroy it before the CacheDatabase it reads.
class ResourceStore {
public:
    explicit ResourceStore(QSqlDatabase db);
    Status put(const StoredResource &resource);                  // insert or replace by (type, id)
    Status remove(const QString &type, const QString &id);
    Result<qint64> count(const QString &type) const;
    Result<QMap<QString, qint64>> countsByType() const;
    Result<std::optional<StoredResource>> get(const QString &type, const QString &id) const;
    // Newest first (effective_date DESC, last_updated DESC, id); limit <= 0 means all; empty status = any.
    Result<QList<StoredResource>> list(const QString &type, int limit = 0, const QString &status = {}) const;
    // Same ordering, one code.
    Result<QList<StoredResource>> listByCode(const QString &type, const QString &codeSystem,
                                             const QString &code, int limit = 0) const;
    // One page of list()'s ordering: rows [offset, offset + limit). For section lists that page.
    Result<QList<StoredResource>> listPage(const QString &type, int offset, int limit) const;
    // Rows whose effective_date text is in [from, to) (ISO text compare on the date index), same ordering.
    Result<QList<StoredResource>> listBetween(const QString &type, const QString &from, const QString &to) const;
    // All ids stored for a type (for sync to find entries that disappeared from the server).
    Result<QList<QString>> ids(const QString &type) const;

    ~ResourceStore();
    ResourceStore(ResourceStore &&) noexcept;
    ResourceStore &operator=(ResourceStore &&) noexcept;

private:
    QSqlDatabase m_db;
    Status putPrepared(const StoredResource &resource);
    std::unique_ptr<QSqlQuery> m_delete;   // prepared on first put, reused
    std::unique_ptr<QSqlQuery> m_insert;

};

} // namespace hearth
