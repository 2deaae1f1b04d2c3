#include "CacheDatabase.h"

#include "SqlCipherDriver.h"
#include "StoreSql.h"
#include "common/Log.h"

#include <QFileInfo>
#include <QSqlQuery>

#include <atomic>
#include <vector>

namespace hearth {

using store_detail::execSql;
using store_detail::scalar;

namespace {

constexpr int kRawKeyBytes = 32;

// The migration ladder. Step i takes user_version i to i+1, in one transaction.
// Never edit a released step: add a new one (and a new snapshot under tests/unit/store/).
const std::vector<std::vector<const char *>> &migrationSteps()
{
    static const std::vector<std::vector<const char *>> steps = {
        // 0 -> 1
        {
            "CREATE TABLE resources (\n"
            "    type TEXT NOT NULL,\n"
            "    id TEXT NOT NULL,\n"
            "    version_id TEXT,\n"
            "    last_updated TEXT NOT NULL,\n"
            "    effective_date TEXT,\n"
            "    code_system TEXT,\n"
            "    code TEXT,\n"
            "    status TEXT,\n"
            "    json BLOB NOT NULL,\n"
            "    PRIMARY KEY (type, id)\n"
            ")",
            "CREATE INDEX resources_by_date ON resources (type, effective_date DESC)",
            "CREATE INDEX resources_by_code ON resources (type, code_system, code, effective_date)",
            "CREATE INDEX resources_by_updated ON resources (type, last_updated)",
            "CREATE TABLE sync_state (\n"
            "    type TEXT PRIMARY KEY,\n"
            "    cursor TEXT,\n"
            "    next_link TEXT,\n"
            "    last_success TEXT,\n"
            "    last_error TEXT\n"
            ")",
            "CREATE TABLE outbox (\n"
            "    client_id TEXT PRIMARY KEY,\n"
            "    kind TEXT NOT NULL,\n"
            "    payload BLOB NOT NULL,\n"
            "    state TEXT NOT NULL,\n"
            "    attempts INTEGER NOT NULL DEFAULT 0,\n"
            "    last_error TEXT,\n"
            "    created TEXT NOT NULL\n"
            ")",
            "CREATE TABLE meta (\n"
            "    key TEXT PRIMARY KEY,\n"
            "    value BLOB\n"
            ")",
        },
        // 1 -> 2: the outbox keeps what it needs to resend and to show progress (see OutboxStore.h):
        // the FHIR type to POST to, the server's Location once sent, when the next attempt is due.
        {
            "ALTER TABLE outbox ADD COLUMN resource_type TEXT",
            "ALTER TABLE outbox ADD COLUMN server_location TEXT",
            "ALTER TABLE outbox ADD COLUMN next_attempt TEXT",
            "CREATE INDEX outbox_by_state ON outbox (state, created)",
        },
        // 2 -> 3: whole-record search (see SearchTokenizer.h and ResourceStore::put). Each resource
        // points to one search document: a 62-bit hash of its folded word tokens (0 = nothing to
        // index, NULL = not indexed yet, which the rebuild picks up). Resources with the same words
        // (the same test repeated for years) share one document, so its tokens are stored once.
        // search_terms is the inverted index: prefix lookups are range scans on its primary key.
        // encounter_id: the consultation an entry belongs to (encounter.reference), so a note is
        // found as its consultation. resources_by_search_doc covers every column a search filters,
        // groups and sorts on, so a search never reads the rows (nor their JSON) it only counts.
        // Entered-in-error entries get document 0 (ResourceStore::put), so no status is needed.
        {
            "ALTER TABLE resources ADD COLUMN search_doc INTEGER",
            "ALTER TABLE resources ADD COLUMN encounter_id TEXT",
            "CREATE INDEX resources_by_search_doc ON resources "
            "(search_doc, type, effective_date, id, code, encounter_id)",
            "CREATE TABLE search_terms (\n"
            "    token TEXT NOT NULL,\n"
            "    doc INTEGER NOT NULL,\n"
            "    PRIMARY KEY (token, doc)\n"
            ") WITHOUT ROWID",
            "CREATE INDEX search_terms_by_doc ON search_terms (doc)",
        },
        // 3 -> 4: when the server refuses a write (4xx), the words its OperationOutcome gave for
        // people, so the patient sees why ("not sent: <reason>") and can try again.
        {
            "ALTER TABLE outbox ADD COLUMN refusal TEXT",
        },
    };
    return steps;
}

QString nextConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("hearth-cache-%1").arg(++counter);
}

Error storageError(const QString &message)
{
    return Error::make(Error::Kind::Storage, message);
}

} // namespace

CacheDatabase::CacheDatabase(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName))
{
}

CacheDatabase::~CacheDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<CacheDatabase>> CacheDatabase::open(const QString &path, const QByteArray &rawKey,
                                                          bool createIfMissing)
{
    if (rawKey.size() != kRawKeyBytes)
        return Error::make(Error::Kind::Config, QStringLiteral("database key must be 32 bytes"));
    if (path.isEmpty())
        return Error::make(Error::Kind::Config, QStringLiteral("no database path"));
    if (!createIfMissing && !QFileInfo::exists(path))
        return Error::make(Error::Kind::NotFound, QStringLiteral("database file does not exist"));

    registerSqlCipherDriver();
    std::unique_ptr<CacheDatabase> cache(new CacheDatabase(path, nextConnectionName()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QString::fromLatin1(kSqlCipherDriverName),
                                                    cache->m_connectionName);
        db.setDatabaseName(path);
        if (!db.open())
            return storageError(QStringLiteral("could not open the database file: ") + db.lastError().text());
    }
    if (Status s = cache->configure(rawKey); !s)
        return s.error();
    if (Status s = cache->migrate(); !s)
        return s.error();
    qCDebug(lcStore) << "opened encrypted cache, schema version" << cache->m_schemaVersion;
    return cache;
}

// Keys and pins the cipher, proves the key is right, then sets connection PRAGMAs and reads
// each back: SQLCipher 3.4.1 silently ignores PRAGMAs it does not know.
Status CacheDatabase::configure(const QByteArray &rawKey)
{
    const QSqlDatabase db = database();
    // Raw key as a blob literal: SQLCipher uses it as-is and skips its (SHA1) key derivation.
    const QString keySql = QStringLiteral("PRAGMA key = \"x'%1'\"").arg(QString::fromLatin1(rawKey.toHex()));
    if (Status s = execSql(db, keySql, QStringLiteral("setting the key")); !s)
        return s;
    // Pinned on every open: it is not stored in the file, and 4096 is what SQLCipher 4 expects
    // under cipher_compatibility = 3.
    if (Status s = execSql(db, QStringLiteral("PRAGMA cipher_page_size = 4096"),
                           QStringLiteral("setting cipher_page_size")); !s)
        return s;

    const auto version = scalar(db, QStringLiteral("PRAGMA cipher_version"), QStringLiteral("cipher_version"));
    if (!version)
        return version.error();
    if (version->toString().isEmpty())
        return storageError(QStringLiteral("the SQLite library in use is not SQLCipher; refusing to store data"));

    // PRAGMA key never fails; a wrong key shows up only at the first read, so read now.
    const auto probe = scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master"), QStringLiteral("probe"));
    if (!probe)
        return storageError(QStringLiteral("the database could not be decrypted (wrong key or not a Hearth "
                                           "database): ")
                            + probe.error().message);

    const auto pageSize = scalar(db, QStringLiteral("PRAGMA cipher_page_size"), QStringLiteral("cipher_page_size"));
    if (!pageSize)
        return pageSize.error();
    if (pageSize->toInt() != 4096)
        return storageError(QStringLiteral("cipher_page_size did not take effect"));

    // Refuse a newer schema before anything else could write to the file.
    const auto userVersion = scalar(db, QStringLiteral("PRAGMA user_version"), QStringLiteral("user_version"));
    if (!userVersion)
        return userVersion.error();
    m_schemaVersion = userVersion->toInt();
    if (m_schemaVersion > latestSchemaVersion())
        return storageError(QStringLiteral("the database has schema version %1, newer than this app "
                                           "supports (%2); update the app")
                                .arg(m_schemaVersion)
                                .arg(latestSchemaVersion()));

    struct Pragma {
        const char *set;
        const char *read;
        QString expected;
    };
    // journal_mode DELETE: one connection per file, so WAL's reader/writer concurrency buys little,
    // and a single file (plus a transient, also encrypted, -journal) is simplest to wipe on sign-out.
    const Pragma pragmas[] = {
        {"PRAGMA temp_store = MEMORY", "PRAGMA temp_store", QStringLiteral("2")},
        {"PRAGMA foreign_keys = ON", "PRAGMA foreign_keys", QStringLiteral("1")},
        {"PRAGMA journal_mode = DELETE", "PRAGMA journal_mode", QStringLiteral("delete")},
        // 16 MiB page cache: every page that falls out of the cache costs a decrypt on re-read.
        {"PRAGMA cache_size = -16384", "PRAGMA cache_size", QStringLiteral("-16384")},
    };
    for (const Pragma &p : pragmas) {
        const QString setSql = QString::fromLatin1(p.set);
        if (Status s = execSql(db, setSql, setSql); !s)
            return s;
        const auto value = scalar(db, QString::fromLatin1(p.read), setSql);
        if (!value)
            return value.error();
        if (value->toString().toLower() != p.expected)
            return storageError(setSql + QStringLiteral(" did not take effect"));
    }
    return {};
}

Status CacheDatabase::migrate()
{
    const auto &steps = migrationSteps();
    while (m_schemaVersion < latestSchemaVersion()) {
        const int target = m_schemaVersion + 1;
        const auto &statements = steps.at(size_t(m_schemaVersion));
        Status s = transaction([&]() -> Status {
            for (const char *sql : statements)
                if (Status st = execSql(database(), QString::fromLatin1(sql),
                                        QStringLiteral("migration to schema %1").arg(target)); !st)
                    return st;
            return execSql(database(), QStringLiteral("PRAGMA user_version = %1").arg(target),
                           QStringLiteral("setting user_version"));
        });
        if (!s)
            return s;
        m_schemaVersion = target;
        qCInfo(lcStore) << "migrated cache schema to version" << target;
    }
    return {};
}

QSqlDatabase CacheDatabase::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int CacheDatabase::schemaVersion() const
{
    return m_schemaVersion;
}

int CacheDatabase::latestSchemaVersion()
{
    return int(migrationSteps().size());
}

Status CacheDatabase::checkIntegrity() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return Error::make(Error::Kind::Storage, QStringLiteral("integrity check could not run: ") + q.lastError().text());
    QStringList problems;
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems << line.left(200);
    }
    if (!problems.isEmpty())
        return Error::make(Error::Kind::Storage, QStringLiteral("the database is damaged: ") + problems.join(QStringLiteral("; ")));
    return {};
}

Status CacheDatabase::transaction(const std::function<Status()> &fn)
{
    if (m_inTransaction)
        return Error::make(Error::Kind::Config, QStringLiteral("nested CacheDatabase::transaction"));
    QSqlDatabase db = database();
    if (!db.transaction())
        return store_detail::sqlError(QStringLiteral("begin transaction"), db.lastError());
    m_inTransaction = true;
    Status result = fn();
    if (result && !db.commit())
        result = store_detail::sqlError(QStringLiteral("commit"), db.lastError());
    if (!result && !db.rollback())
        qCWarning(lcStore) << "rollback failed:" << db.lastError().text();
    m_inTransaction = false;
    return result;
}

QString CacheDatabase::path() const
{
    return m_path;
}

} // namespace hearth
