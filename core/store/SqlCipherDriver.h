#pragma once

#include <QSqlDatabase>
#include <QSqlDriver>

#include <QSet>
#include <QSqlError>

struct sqlite3;

namespace hearth {

class SqlCipherResult;

// Name under which the driver is registered with QSqlDatabase.
inline constexpr char kSqlCipherDriverName[] = "QSQLCIPHER";

// Registers the "QSQLCIPHER" driver with QSqlDatabase. Idempotent, thread-safe.
// Why our own driver: Qt's QSQLITE plugin links plain libsqlite3, whose symbols clash with
// libsqlcipher; the process must never load QSQLITE.
void registerSqlCipherDriver();

// True if `db` is a QSQLCIPHER connection with an open transaction (SQLite is not in autocommit).
bool sqlCipherInTransaction(const QSqlDatabase &db);

// A QSqlDriver over the SQLCipher C API. The database name is a file path.
// Use one connection per thread (the sqlite3 handle is opened with SQLITE_OPEN_NOMUTEX).
class SqlCipherDriver : public QSqlDriver {
public:
    explicit SqlCipherDriver(QObject *parent = nullptr);
    ~SqlCipherDriver() override;

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString &db, const QString &user, const QString &password, const QString &host,
              int port, const QString &connOpts) override;
    void close() override;
    QSqlResult *createResult() const override;
    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;
    QStringList tables(QSql::TableType type) const override;
    QVariant handle() const override;   // QVariant holding a void* to the sqlite3 handle

    // The raw connection, for bulk paths that bypass QSqlQuery (nullptr when closed).
    sqlite3 *connection() const { return m_db; }

private:
    friend class SqlCipherResult;
    bool execSimple(const char *sql, QSqlError::ErrorType type);
    sqlite3 *m_db = nullptr;
    // Live results, so close() can finalize their statements before closing the handle.
    mutable QSet<SqlCipherResult *> m_results;
};

} // namespace hearth
