#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

namespace hearth {

// One encrypted SQLCipher database file (one per patient profile), keyed, verified and migrated
// to the latest schema on open. Owns a uniquely named QSqlDatabase connection; use it from the
// thread that opened it.
class CacheDatabase {
public:
    // Opens (creating if missing when createIfMissing) an encrypted database at `path` with a raw 32-byte key.
    static Result<std::unique_ptr<CacheDatabase>> open(const QString &path, const QByteArray &rawKey,
                                                      bool createIfMissing = true);
    ~CacheDatabase();                       // closes and removes its QSqlDatabase connection
    CacheDatabase(const CacheDatabase &) = delete;
    CacheDatabase &operator=(const CacheDatabase &) = delete;

    QSqlDatabase database() const;
    int schemaVersion() const;
    static int latestSchemaVersion();
    // Runs fn inside BEGIN IMMEDIATE/COMMIT; rolls back if fn returns an error. Nested calls are an error.
    Status transaction(const std::function<Status()> &fn);
    QString path() const;
    // SQLite's own structural check of the whole file (after a crash, for support).
    Status checkIntegrity() const;

private:
    CacheDatabase(QString path, QString connectionName);
    Status configure(const QByteArray &rawKey);
    Status migrate();

    QString m_path;
    QString m_connectionName;
    int m_schemaVersion = 0;
    bool m_inTransaction = false;
};

} // namespace hearth
