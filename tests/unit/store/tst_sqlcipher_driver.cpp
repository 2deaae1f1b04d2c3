// The QSQLCIPHER driver on its own: types, binds, transactions, forward-only iteration.
#include "store/SqlCipherDriver.h"

#include <catch2/catch.hpp>

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace hearth;

namespace {

// A keyed connection on a fresh file; removes the connection when it goes away.
struct Connection {
    QTemporaryDir dir;
    QString name = QStringLiteral("driver-test");
    QSqlDatabase db;

    Connection()
    {
        registerSqlCipherDriver();
        db = QSqlDatabase::addDatabase(QString::fromLatin1(kSqlCipherDriverName), name);
        db.setDatabaseName(dir.filePath(QStringLiteral("t.db")));
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("PRAGMA key = \"x'%1'\"").arg(QString(64, u'a'))));
        REQUIRE(q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, d REAL, s TEXT, "
                                      "b BLOB, f INTEGER)")));
    }
    ~Connection()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
    qint64 rowCount() const
    {
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM t")));
        REQUIRE(q.next());
        return q.value(0).toLongLong();
    }
};

} // namespace

TEST_CASE("driver registration is idempotent and reports honest features", "[store][driver]")
{
    registerSqlCipherDriver();
    registerSqlCipherDriver();
    Connection c;
    const QSqlDriver *d = c.db.driver();
    CHECK(d->hasFeature(QSqlDriver::Transactions));
    CHECK(d->hasFeature(QSqlDriver::PreparedQueries));
    CHECK(d->hasFeature(QSqlDriver::PositionalPlaceholders));
    CHECK(d->hasFeature(QSqlDriver::NamedPlaceholders));
    CHECK(d->hasFeature(QSqlDriver::BLOB));
    CHECK(d->hasFeature(QSqlDriver::LastInsertId));
    CHECK(d->hasFeature(QSqlDriver::Unicode));
    CHECK_FALSE(d->hasFeature(QSqlDriver::QuerySize));
    CHECK(c.db.tables() == QStringList{QStringLiteral("t")});
}

TEST_CASE("values round-trip with their types", "[store][driver]")
{
    Connection c;
    const QByteArray blob("a\0b\0\xff\x01", 6);
    const QString unicode = QStringLiteral(u"Ffion Wyn — ñ ✓ 😀 Ŵ");
    QSqlQuery ins(c.db);
    REQUIRE(ins.prepare(QStringLiteral("INSERT INTO t (i, d, s, b, f) VALUES (?, ?, ?, ?, ?)")));
    ins.addBindValue(qint64(9007199254740993LL));
    ins.addBindValue(3.25);
    ins.addBindValue(unicode);
    ins.addBindValue(blob);
    ins.addBindValue(true);
    REQUIRE(ins.exec());
    CHECK(ins.numRowsAffected() == 1);
    CHECK(ins.lastInsertId().toLongLong() == 1);

    // nulls: invalid variant, null QString, null QByteArray
    ins.addBindValue(QVariant());
    ins.addBindValue(QVariant());
    ins.addBindValue(QString());
    ins.addBindValue(QByteArray());
    ins.addBindValue(int(42));
    REQUIRE(ins.exec());
    CHECK(ins.lastInsertId().toLongLong() == 2);

    QSqlQuery q(c.db);
    q.setForwardOnly(true);
    REQUIRE(q.exec(QStringLiteral("SELECT i, d, s, b, f FROM t ORDER BY id")));
    REQUIRE(q.next());
    CHECK(q.value(0).metaType().id() == QMetaType::LongLong);
    CHECK(q.value(0).toLongLong() == 9007199254740993LL);
    CHECK(q.value(1).toDouble() == 3.25);
    CHECK(q.value(2).toString() == unicode);
    CHECK(q.value(3).toByteArray() == blob);
    CHECK(q.value(3).toByteArray().size() == 6);
    CHECK(q.value(4).toInt() == 1);
    CHECK(q.value(QStringLiteral("s")).toString() == unicode); // by name, via record()
    REQUIRE(q.next());
    CHECK(q.isNull(0));
    CHECK(q.isNull(1));
    CHECK(q.isNull(2));
    CHECK(q.isNull(3));
    CHECK(q.value(4).toInt() == 42);
    CHECK_FALSE(q.next());
    CHECK(q.record().count() == 5);
    CHECK(q.record().fieldName(3) == QStringLiteral("b"));
}

TEST_CASE("named placeholders, including a repeated name", "[store][driver]")
{
    Connection c;
    QSqlQuery ins(c.db);
    REQUIRE(ins.prepare(QStringLiteral("INSERT INTO t (i, s) VALUES (:num, :text)")));
    for (int n = 1; n <= 3; ++n) {
        ins.bindValue(QStringLiteral(":text"), QStringLiteral("row %1").arg(n));
        ins.bindValue(QStringLiteral(":num"), n * 10);
        REQUIRE(ins.exec());
    }
    QSqlQuery q(c.db);
    REQUIRE(q.prepare(QStringLiteral("SELECT s FROM t WHERE i >= :v AND i <= :v + 10 ORDER BY i")));
    q.bindValue(QStringLiteral(":v"), 20);
    REQUIRE(q.exec());
    QStringList seen;
    while (q.next())
        seen << q.value(0).toString();
    CHECK(seen == QStringList{QStringLiteral("row 2"), QStringLiteral("row 3")});
}

TEST_CASE("a prepared statement can be executed many times and iterated forward", "[store][driver]")
{
    Connection c;
    QSqlQuery ins(c.db);
    REQUIRE(ins.prepare(QStringLiteral("INSERT INTO t (i) VALUES (?)")));
    for (int n = 0; n < 100; ++n) {
        ins.bindValue(0, n);
        REQUIRE(ins.exec());
    }
    QSqlQuery sel(c.db);
    sel.setForwardOnly(true);
    REQUIRE(sel.prepare(QStringLiteral("SELECT i FROM t WHERE i >= ? ORDER BY i")));
    for (int start : {90, 95}) {
        sel.bindValue(0, start);
        REQUIRE(sel.exec());
        int expected = start;
        while (sel.next())
            CHECK(sel.value(0).toInt() == expected++);
        CHECK(expected == 100);
    }
    CHECK(sel.size() == -1);

    QSqlQuery upd(c.db);
    REQUIRE(upd.exec(QStringLiteral("UPDATE t SET s = 'x' WHERE i < 10")));
    CHECK(upd.numRowsAffected() == 10);
    CHECK_FALSE(upd.isSelect());
}

TEST_CASE("transactions commit and roll back", "[store][driver]")
{
    Connection c;
    REQUIRE(c.db.transaction());
    QSqlQuery q(c.db);
    REQUIRE(q.exec(QStringLiteral("INSERT INTO t (i) VALUES (1)")));
    REQUIRE(c.db.commit());
    CHECK(c.rowCount() == 1);

    REQUIRE(c.db.transaction());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO t (i) VALUES (2)")));
    REQUIRE(q.exec(QStringLiteral("INSERT INTO t (i) VALUES (3)")));
    REQUIRE(c.db.rollback());
    CHECK(c.rowCount() == 1);
}

TEST_CASE("errors are reported, not swallowed", "[store][driver]")
{
    Connection c;
    QSqlQuery q(c.db);
    CHECK_FALSE(q.exec(QStringLiteral("SELECT * FROM no_such_table")));
    CHECK(q.lastError().isValid());
    CHECK(q.lastError().text().contains(QStringLiteral("no_such_table")));

    REQUIRE(q.exec(QStringLiteral("CREATE TABLE u (k TEXT PRIMARY KEY)")));
    REQUIRE(q.exec(QStringLiteral("INSERT INTO u VALUES ('a')")));
    CHECK_FALSE(q.exec(QStringLiteral("INSERT INTO u VALUES ('a')")));
    CHECK(q.lastError().type() == QSqlError::StatementError);
}

TEST_CASE("closing the database with a live prepared query is safe", "[store][driver]")
{
    Connection c;
    QSqlQuery q(c.db);
    REQUIRE(q.prepare(QStringLiteral("SELECT i FROM t")));
    REQUIRE(q.exec());
    c.db.close();
    CHECK_FALSE(c.db.isOpen());
    CHECK_FALSE(q.exec()); // statement was finalized by close(), not left dangling
}
