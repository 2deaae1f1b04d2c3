#include "SqlCipherDriver.h"

#include <sqlcipher/sqlite3.h>

#include <QDate>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlField>
#include <QSqlRecord>
#include <QSqlResult>
#include <QTime>

#include <limits>
#include <mutex>

namespace hearth {

namespace {

QString sqliteMessage(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("no connection");
}

QSqlError makeError(const QString &what, sqlite3 *db, QSqlError::ErrorType type, int rc)
{
    return QSqlError(what, sqliteMessage(db), type, QString::number(rc));
}

// Qt 6's QVariant::isNull() is false for a null QString/QByteArray; SQL NULL should follow them.
bool isSqlNull(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return true;
    switch (v.metaType().id()) {
    case QMetaType::QString: return v.toString().isNull();
    case QMetaType::QByteArray: return v.toByteArray().isNull();
    case QMetaType::QDateTime: return v.toDateTime().isNull();
    case QMetaType::QDate: return v.toDate().isNull();
    case QMetaType::QTime: return v.toTime().isNull();
    default: return false;
    }
}

QMetaType metaTypeForDecl(const char *decl)
{
    const QByteArray d = QByteArray(decl ? decl : "").toUpper();
    if (d.contains("INT"))
        return QMetaType(QMetaType::LongLong);
    if (d.contains("CHAR") || d.contains("CLOB") || d.contains("TEXT"))
        return QMetaType(QMetaType::QString);
    if (d.contains("BLOB"))
        return QMetaType(QMetaType::QByteArray);
    if (d.contains("REAL") || d.contains("FLOA") || d.contains("DOUB"))
        return QMetaType(QMetaType::Double);
    return QMetaType(QMetaType::QVariant);
}

} // namespace

// One statement. Forward-only: rows are read as they are stepped; the current row is cached
// so value() can be called any number of times.
class SqlCipherResult : public QSqlResult {
public:
    explicit SqlCipherResult(const SqlCipherDriver *driver) : QSqlResult(driver), m_driver(driver)
    {
        m_driver->m_results.insert(this);
    }
    ~SqlCipherResult() override
    {
        finalize();
        if (m_driver)
            m_driver->m_results.remove(this);
    }

    void finalize()
    {
        if (m_stmt) {
            sqlite3_finalize(m_stmt);
            m_stmt = nullptr;
        }
        m_row.clear();
        m_pendingRow = false;
        m_done = true;
    }

    // Called by the driver when it closes: the statement must go before the handle does.
    void driverClosing()
    {
        finalize();
        setActive(false);
        m_driver = nullptr;
    }

    QVariant handle() const override { return QVariant::fromValue(static_cast<void *>(m_stmt)); }

protected:
    bool prepare(const QString &query) override
    {
        finalize();
        setSelect(false);
        setActive(false);
        setAt(QSql::BeforeFirstRow);
        sqlite3 *db = connection();
        if (!db) {
            setLastError(QSqlError(QStringLiteral("driver not open"), {}, QSqlError::ConnectionError));
            return false;
        }
        const QByteArray utf8 = query.toUtf8();
        const int rc = sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr);
        if (rc != SQLITE_OK) {
            setLastError(makeError(QStringLiteral("unable to prepare statement"), db,
                                   QSqlError::StatementError, rc));
            finalize();
            return false;
        }
        if (!m_stmt) { // only whitespace or a comment
            setLastError(QSqlError(QStringLiteral("empty statement"), {}, QSqlError::StatementError));
            return false;
        }
        buildRecord();
        return true;
    }

    bool exec() override
    {
        sqlite3 *db = connection();
        if (!m_stmt || !db) {
            setLastError(QSqlError(QStringLiteral("statement not prepared"), {}, QSqlError::StatementError));
            return false;
        }
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_row.clear();
        m_pendingRow = false;
        m_done = false;
        m_rowsAffected = -1;
        setAt(QSql::BeforeFirstRow);
        setActive(false);

        if (!bindAll(db))
            return false;

        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            m_pendingRow = true;
        } else if (rc == SQLITE_DONE) {
            m_done = true;
            m_rowsAffected = sqlite3_changes(db);
            sqlite3_reset(m_stmt); // release locks held by the statement
        } else {
            setLastError(makeError(QStringLiteral("unable to execute statement"), db,
                                   QSqlError::StatementError, rc));
            sqlite3_reset(m_stmt);
            m_done = true;
            return false;
        }
        setSelect(sqlite3_column_count(m_stmt) > 0);
        setActive(true);
        return true;
    }

    bool reset(const QString &query) override { return prepare(query) && exec(); }

    bool fetchNext() override
    {
        if (!m_stmt || !isSelect() || !isActive())
            return false;
        if (m_pendingRow) {
            m_pendingRow = false;
            readRow();
            setAt(at() + 1);
            return true;
        }
        if (m_done) {
            setAt(QSql::AfterLastRow);
            return false;
        }
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW) {
            readRow();
            setAt(at() + 1);
            return true;
        }
        if (rc != SQLITE_DONE)
            setLastError(makeError(QStringLiteral("unable to fetch row"), connection(),
                                   QSqlError::StatementError, rc));
        m_done = true;
        m_row.clear();
        sqlite3_reset(m_stmt);
        setAt(QSql::AfterLastRow);
        return false;
    }

    bool fetch(int index) override
    {
        // Forward-only: only the next row can be reached.
        if (index == at() + 1)
            return fetchNext();
        return false;
    }
    bool fetchFirst() override { return at() == QSql::BeforeFirstRow && fetchNext(); }
    bool fetchLast() override
    {
        // Step to the end, keeping the last row we saw.
        QList<QVariant> last;
        int lastAt = at();
        while (fetchNext()) {
            last = m_row;
            lastAt = at();
        }
        if (lastAt < 0)
            return false;
        m_row = last;
        setAt(lastAt);
        return true;
    }

    QVariant data(int field) override { return m_row.value(field); }
    bool isNull(int field) override { return field >= m_row.size() || !m_row.at(field).isValid(); }
    int size() override { return -1; }
    int numRowsAffected() override { return m_rowsAffected; }
    QVariant lastInsertId() const override
    {
        sqlite3 *db = connection();
        if (!db || !isActive())
            return {};
        const qint64 id = sqlite3_last_insert_rowid(db);
        return id ? QVariant(id) : QVariant();
    }
    QSqlRecord record() const override { return m_record; }

    void detachFromResultSet() override
    {
        if (m_stmt)
            sqlite3_reset(m_stmt);
        m_pendingRow = false;
        m_done = true;
        m_row.clear();
    }

private:
    sqlite3 *connection() const { return m_driver ? m_driver->m_db : nullptr; }

    void buildRecord()
    {
        m_record.clear();
        const int n = sqlite3_column_count(m_stmt);
        for (int i = 0; i < n; ++i) {
            const QString name = QString::fromUtf8(sqlite3_column_name(m_stmt, i));
            m_record.append(QSqlField(name, metaTypeForDecl(sqlite3_column_decltype(m_stmt, i))));
        }
    }

    void readRow()
    {
        const int n = sqlite3_column_count(m_stmt);
        m_row.resize(n);
        for (int i = 0; i < n; ++i) {
            switch (sqlite3_column_type(m_stmt, i)) {
            case SQLITE_INTEGER:
                m_row[i] = QVariant(qint64(sqlite3_column_int64(m_stmt, i)));
                break;
            case SQLITE_FLOAT:
                m_row[i] = QVariant(sqlite3_column_double(m_stmt, i));
                break;
            case SQLITE_TEXT: {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i));
                m_row[i] = QVariant(QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, i)));
                break;
            }
            case SQLITE_BLOB: {
                const auto *blob = static_cast<const char *>(sqlite3_column_blob(m_stmt, i));
                const int bytes = sqlite3_column_bytes(m_stmt, i);
                m_row[i] = QVariant(bytes > 0 ? QByteArray(blob, bytes) : QByteArray(""));
                break;
            }
            default:
                m_row[i] = QVariant();
                break;
            }
        }
    }

    bool bindOne(sqlite3 *db, int index, const QVariant &v)
    {
        int rc = SQLITE_OK;
        if (isSqlNull(v)) {
            rc = sqlite3_bind_null(m_stmt, index);
        } else {
            switch (v.metaType().id()) {
            case QMetaType::Bool:
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::Short:
            case QMetaType::UShort:
            case QMetaType::Long:
            case QMetaType::LongLong:
            case QMetaType::Char:
            case QMetaType::SChar:
            case QMetaType::UChar:
                rc = sqlite3_bind_int64(m_stmt, index, v.toLongLong());
                break;
            case QMetaType::ULong:
            case QMetaType::ULongLong: {
                const qulonglong u = v.toULongLong();
                if (u > qulonglong(std::numeric_limits<qint64>::max())) {
                    setLastError(QSqlError(QStringLiteral("unsigned value too large for SQLite"), {},
                                           QSqlError::StatementError));
                    return false;
                }
                rc = sqlite3_bind_int64(m_stmt, index, qint64(u));
                break;
            }
            case QMetaType::Double:
            case QMetaType::Float:
                rc = sqlite3_bind_double(m_stmt, index, v.toDouble());
                break;
            case QMetaType::QByteArray: {
                const QByteArray bytes = v.toByteArray();
                // A zero-length pointer would bind NULL; an empty array stays an empty BLOB.
                rc = bytes.isEmpty() ? sqlite3_bind_zeroblob(m_stmt, index, 0)
                                     : sqlite3_bind_blob(m_stmt, index, bytes.constData(),
                                                         int(bytes.size()), SQLITE_TRANSIENT);
                break;
            }
            case QMetaType::QDateTime:
                rc = bindText(index, v.toDateTime().toString(Qt::ISODateWithMs));
                break;
            case QMetaType::QDate:
                rc = bindText(index, v.toDate().toString(Qt::ISODate));
                break;
            case QMetaType::QTime:
                rc = bindText(index, v.toTime().toString(Qt::ISODateWithMs));
                break;
            case QMetaType::QString:
                rc = bindText(index, v.toString());
                break;
            default:
                if (!v.canConvert<QString>()) {
                    setLastError(QSqlError(QStringLiteral("unsupported bind value type"), {},
                                           QSqlError::StatementError));
                    return false;
                }
                rc = bindText(index, v.toString());
                break;
            }
        }
        if (rc != SQLITE_OK) {
            setLastError(makeError(QStringLiteral("unable to bind value"), db, QSqlError::StatementError, rc));
            return false;
        }
        return true;
    }

    int bindText(int index, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        return sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }

    // QSqlResult keeps one value per placeholder occurrence, in query order. SQLite numbers each
    // distinct name once, so a repeated named placeholder is bound by its name instead.
    bool bindAll(sqlite3 *db)
    {
        const QList<QVariant> values = boundValues();
        const int params = sqlite3_bind_parameter_count(m_stmt);
        if (params == values.size()) {
            for (int i = 0; i < params; ++i)
                if (!bindOne(db, i + 1, values.at(i)))
                    return false;
            return true;
        }
        if (params > values.size()) {
            setLastError(QSqlError(QStringLiteral("parameter count mismatch"), {}, QSqlError::StatementError));
            return false;
        }
        for (int i = 1; i <= params; ++i) {
            const char *name = sqlite3_bind_parameter_name(m_stmt, i);
            const QString placeholder = name ? QString::fromUtf8(name) : QString();
            if (placeholder.isEmpty()) { // anonymous "?" mixed with repeated names: ambiguous
                setLastError(QSqlError(QStringLiteral("parameter count mismatch"), {},
                                       QSqlError::StatementError));
                return false;
            }
            if (!bindOne(db, i, boundValue(placeholder)))
                return false;
        }
        return true;
    }

    const SqlCipherDriver *m_driver;
    sqlite3_stmt *m_stmt = nullptr;
    QSqlRecord m_record;
    QList<QVariant> m_row;
    bool m_pendingRow = false;
    bool m_done = true;
    int m_rowsAffected = -1;
};

SqlCipherDriver::SqlCipherDriver(QObject *parent) : QSqlDriver(parent) {}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case PreparedQueries:
    case PositionalPlaceholders:
    case NamedPlaceholders:
    case BLOB:
    case LastInsertId:
    case Unicode:
    case FinishQuery:
        return true;
    case QuerySize:
    case SimpleLocking:
    case LowPrecisionNumbers:
    case EventNotifications:
    case BatchOperations:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

bool SqlCipherDriver::open(const QString &db, const QString &, const QString &, const QString &, int,
                           const QString &)
{
    if (isOpen())
        close();
    if (db.isEmpty()) {
        setLastError(QSqlError(QStringLiteral("no database path"), {}, QSqlError::ConnectionError));
        setOpenError(true);
        return false;
    }
    const QByteArray path = db.toUtf8();
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        setLastError(makeError(QStringLiteral("unable to open database"), m_db, QSqlError::ConnectionError, rc));
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        setOpenError(true);
        return false;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000); // another connection (e.g. sync thread) may hold the write lock
    setOpen(true);
    setOpenError(false);
    return true;
}

void SqlCipherDriver::close()
{
    if (!m_db)
        return;
    const auto results = m_results;
    for (SqlCipherResult *result : results)
        result->driverClosing();
    m_results.clear();
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    setOpen(false);
    setOpenError(false);
}

QSqlResult *SqlCipherDriver::createResult() const
{
    return new SqlCipherResult(this);
}

bool SqlCipherDriver::execSimple(const char *sql, QSqlError::ErrorType type)
{
    if (!m_db) {
        setLastError(QSqlError(QStringLiteral("driver not open"), {}, QSqlError::ConnectionError));
        return false;
    }
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        setLastError(makeError(QString::fromLatin1(sql), m_db, type, rc));
        return false;
    }
    return true;
}

// IMMEDIATE takes the write lock up front, so two writers never deadlock upgrading read locks.
bool SqlCipherDriver::beginTransaction()
{
    return execSimple("BEGIN IMMEDIATE", QSqlError::TransactionError);
}

bool SqlCipherDriver::commitTransaction()
{
    return execSimple("COMMIT", QSqlError::TransactionError);
}

bool SqlCipherDriver::rollbackTransaction()
{
    return execSimple("ROLLBACK", QSqlError::TransactionError);
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList names;
    if (!m_db)
        return names;
    QByteArray where;
    if (type & QSql::Tables)
        where += "(type = 'table' AND name NOT LIKE 'sqlite_%')";
    if (type & QSql::Views)
        where += QByteArray(where.isEmpty() ? "" : " OR ") + "type = 'view'";
    if (type & QSql::SystemTables)
        where += QByteArray(where.isEmpty() ? "" : " OR ") + "(type = 'table' AND name LIKE 'sqlite_%')";
    if (where.isEmpty())
        return names;
    const QByteArray sql = "SELECT name FROM sqlite_master WHERE " + where + " ORDER BY name";
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &stmt, nullptr) != SQLITE_OK)
        return names;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        names << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return names;
}

QVariant SqlCipherDriver::handle() const
{
    return QVariant::fromValue(static_cast<void *>(m_db));
}

bool sqlCipherInTransaction(const QSqlDatabase &db)
{
    const auto *driver = dynamic_cast<const SqlCipherDriver *>(db.driver());
    return driver && driver->connection() && sqlite3_get_autocommit(driver->connection()) == 0;
}

void registerSqlCipherDriver()
{
    static std::once_flag once;
    std::call_once(once, [] {
        QSqlDatabase::registerSqlDriver(QString::fromLatin1(kSqlCipherDriverName),
                                        new QSqlDriverCreator<SqlCipherDriver>);
    });
}

} // namespace hearth
