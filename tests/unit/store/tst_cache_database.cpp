// CacheDatabase: encryption on disk, key checks, cipher settings, migrations and snapshots.
#include "store/CacheDatabase.h"
#include "store/SqlCipherDriver.h"
#include "support/TestCache.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace hearth;
using hearth::test::TempCache;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QByteArray fileHash(const QString &path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256);
}

QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    REQUIRE(q.exec(sql));
    REQUIRE(q.next());
    return q.value(0);
}

// The schema as text: one block per object, sorted, so a diff shows what a migration changed.
QString schemaDump(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                  "WHERE name NOT LIKE 'sqlite_%' ORDER BY type DESC, name")));
    QString out;
    while (q.next())
        out += QStringLiteral("-- %1 %2 on %3\n%4;\n\n")
                   .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        q.value(3).toString());
    return out;
}

} // namespace

TEST_CASE("a fresh database is created at the latest schema", "[store][cache]")
{
    TempCache c;
    REQUIRE(c.db);
    CHECK(CacheDatabase::latestSchemaVersion() >= 1);
    CHECK(c.db->schemaVersion() == CacheDatabase::latestSchemaVersion());
    CHECK(scalar(c.db->database(), QStringLiteral("PRAGMA user_version")).toInt()
          == CacheDatabase::latestSchemaVersion());
    CHECK(c.db->path() == c.path());
    CHECK_FALSE(scalar(c.db->database(), QStringLiteral("PRAGMA cipher_version")).toString().isEmpty());
}

TEST_CASE("migration from 0 to latest matches the saved schema snapshot", "[store][cache][schema]")
{
    TempCache c;
    REQUIRE(c.db);
    QFile snapshot(QStringLiteral(HEARTH_STORE_TEST_DIR "/schema_v%1.sql").arg(CacheDatabase::latestSchemaVersion()));
    REQUIRE(snapshot.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString expected = QString::fromUtf8(snapshot.readAll());
    const QString actual = schemaDump(c.db->database());
    INFO(actual.toStdString());
    CHECK(actual == expected);
}

TEST_CASE("cipher settings are really in effect", "[store][cache]")
{
    TempCache c;
    REQUIRE(c.db);
    {
        const QSqlDatabase db = c.db->database();
        CHECK(scalar(db, QStringLiteral("PRAGMA cipher_page_size")).toInt() == 4096);
        CHECK(scalar(db, QStringLiteral("PRAGMA temp_store")).toInt() == 2);
        CHECK(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
        CHECK(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("delete"));
    }
    // page size of the file itself: 4096-byte cipher pages hold 4096 - reserve bytes of payload,
    // so the file length is a multiple of 4096.
    c.db.reset();
    const QByteArray bytes = fileBytes(c.path());
    CHECK(bytes.size() > 0);
    CHECK(bytes.size() % 4096 == 0);
}

TEST_CASE("the file on disk is encrypted", "[store][cache][security]")
{
    TempCache c;
    REQUIRE(c.db);
    const QByteArray marker("HEARTH-PLAINTEXT-MARKER-7f3a91");
    QSqlQuery q(c.db->database());
    REQUIRE(q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)")));
    q.addBindValue(QString::fromLatin1(marker));
    q.addBindValue(marker + marker);
    REQUIRE(q.exec());
    q.finish();
    c.db.reset();

    const QByteArray bytes = fileBytes(c.path());
    REQUIRE(bytes.size() >= 16);
    CHECK(bytes.left(16) != QByteArray("SQLite format 3\0", 16));
    CHECK_FALSE(bytes.contains(marker));
    CHECK_FALSE(bytes.contains("CREATE TABLE"));
    CHECK_FALSE(bytes.contains("resources"));
}

TEST_CASE("a wrong key fails to open with a Storage error", "[store][cache][security]")
{
    TempCache c;
    REQUIRE(c.db);
    c.db.reset();
    QByteArray wrong = c.key;
    wrong[0] = char(wrong[0] ^ 0x01);
    auto r = CacheDatabase::open(c.path(), wrong, false);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == Error::Kind::Storage);
    CHECK(r.error().message.contains(QStringLiteral("could not be decrypted")));
    // and the right key still works
    auto again = CacheDatabase::open(c.path(), c.key, false);
    REQUIRE(again.ok());
    CHECK(again.value()->schemaVersion() == CacheDatabase::latestSchemaVersion());
}

TEST_CASE("without the key the file cannot be read like a plain SQLite database", "[store][cache][security]")
{
    TempCache c;
    REQUIRE(c.db);
    c.db.reset();
    registerSqlCipherDriver();
    const QString name = QStringLiteral("keyless");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QString::fromLatin1(kSqlCipherDriverName), name);
        db.setDatabaseName(c.path());
        REQUIRE(db.open());
        QSqlQuery q(db);
        CHECK_FALSE(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")));
        CHECK(q.lastError().text().contains(QStringLiteral("not a database")));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

TEST_CASE("bad arguments are rejected", "[store][cache]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.db"));
    auto shortKey = CacheDatabase::open(path, QByteArray(16, 'k'));
    REQUIRE_FALSE(shortKey.ok());
    CHECK(shortKey.error().kind == Error::Kind::Config);
    CHECK_FALSE(QFile::exists(path));

    auto missing = CacheDatabase::open(path, hearth::test::randomKey(), false);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == Error::Kind::NotFound);
    CHECK_FALSE(QFile::exists(path));
}

TEST_CASE("a database newer than the app is refused and left untouched", "[store][cache]")
{
    TempCache c;
    REQUIRE(c.db);
    {
        QSqlQuery q(c.db->database());
        REQUIRE(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(CacheDatabase::latestSchemaVersion() + 1)));
    }
    c.db.reset();
    const QByteArray before = fileHash(c.path());
    auto r = CacheDatabase::open(c.path(), c.key, false);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == Error::Kind::Storage);
    CHECK(r.error().message.contains(QStringLiteral("newer")));
    CHECK(fileHash(c.path()) == before);
}

TEST_CASE("reopening keeps data and does not migrate again", "[store][cache]")
{
    TempCache c;
    REQUIRE(c.db);
    {
        QSqlQuery q(c.db->database());
        REQUIRE(q.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('k', x'0102')")));
    }
    c.db.reset();
    auto r = CacheDatabase::open(c.path(), c.key, false);
    REQUIRE(r.ok());
    CHECK(r.value()->schemaVersion() == CacheDatabase::latestSchemaVersion());
    CHECK(scalar(r.value()->database(), QStringLiteral("SELECT value FROM meta WHERE key = 'k'")).toByteArray()
          == QByteArray("\x01\x02"));
}

TEST_CASE("several databases can be open at once", "[store][cache]")
{
    TempCache a;
    TempCache b;
    REQUIRE(a.db);
    REQUIRE(b.db);
    CHECK(a.db->database().connectionName() != b.db->database().connectionName());
    QSqlQuery qa(a.db->database());
    REQUIRE(qa.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES ('only-a', x'00')")));
    CHECK(scalar(b.db->database(), QStringLiteral("SELECT count(*) FROM meta")).toInt() == 0);
    CHECK(scalar(a.db->database(), QStringLiteral("SELECT count(*) FROM meta")).toInt() == 1);
}

TEST_CASE("transaction commits, rolls back on error and refuses nesting", "[store][cache]")
{
    TempCache c;
    REQUIRE(c.db);
    const QSqlDatabase db = c.db->database();
    auto insert = [&](const QString &key) -> Status {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, x'00')"));
        q.addBindValue(key);
        if (!q.exec())
            return Error::make(Error::Kind::Storage, q.lastError().text());
        return {};
    };

    REQUIRE(c.db->transaction([&] { return insert(QStringLiteral("a")); }).ok());
    CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM meta")).toInt() == 1);

    Status failed = c.db->transaction([&]() -> Status {
        if (Status s = insert(QStringLiteral("b")); !s)
            return s;
        return Error::make(Error::Kind::Parse, QStringLiteral("page was bad"));
    });
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().kind == Error::Kind::Parse);
    CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM meta")).toInt() == 1);

    Status nested = c.db->transaction([&]() -> Status {
        if (Status s = insert(QStringLiteral("c")); !s)
            return s;
        return c.db->transaction([] { return Status{}; });
    });
    REQUIRE_FALSE(nested.ok());
    CHECK(nested.error().kind == Error::Kind::Config);
    CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM meta")).toInt() == 1);

    // usable again after a failure
    REQUIRE(c.db->transaction([&] { return insert(QStringLiteral("d")); }).ok());
    CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM meta")).toInt() == 2);
}

TEST_CASE("control: the same checks do see plaintext in an unkeyed file", "[store][cache][security]")
{
    // Proves the on-disk checks above can fail: without PRAGMA key the file is plain SQLite.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plain.db"));
    const QByteArray marker("HEARTH-PLAINTEXT-MARKER-7f3a91");
    registerSqlCipherDriver();
    const QString name = QStringLiteral("plain-control");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QString::fromLatin1(kSqlCipherDriverName), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("CREATE TABLE meta (key TEXT, value BLOB)")));
        REQUIRE(q.prepare(QStringLiteral("INSERT INTO meta VALUES (?, ?)")));
        q.addBindValue(QString::fromLatin1(marker));
        q.addBindValue(marker);
        REQUIRE(q.exec());
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    const QByteArray bytes = fileBytes(path);
    CHECK(bytes.left(16) == QByteArray("SQLite format 3\0", 16));
    CHECK(bytes.contains(marker));
}
