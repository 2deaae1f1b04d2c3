// OutboxStore: CRUD, guarded state transitions, ordering; the v1 → v2 migration keeps outbox rows.
#include "store/CacheDatabase.h"
#include "store/OutboxStore.h"
#include "store/SqlCipherDriver.h"
#include "support/TestCache.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSqlQuery>

using namespace hearth;
using hearth::test::TempCache;

namespace {

const QDateTime kT0 = QDateTime(QDate(2024, 5, 3), QTime(8, 14, 0, 250), Qt::UTC);

OutboxItem makeItem(const QString &id, const QDateTime &created = kT0)
{
    OutboxItem item;
    item.clientId = id;
    item.kind = QStringLiteral("repeat-prescription");
    item.resourceType = QStringLiteral("Task");
    item.payload = QByteArray(R"({"resourceType":"Task","status":"requested"})");
    item.created = created;
    return item;
}

OutboxItem fetch(const OutboxStore &store, const QString &id)
{
    auto got = store.get(id);
    REQUIRE(got.ok());
    REQUIRE(got->has_value());
    return **got;
}

QStringList ids(const Result<QList<OutboxItem>> &items)
{
    REQUIRE(items.ok());
    QStringList out;
    for (const auto &i : *items)
        out << i.clientId;
    return out;
}

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

QString readSnapshot(int version)
{
    QFile f(QStringLiteral(HEARTH_STORE_TEST_DIR "/schema_v%1.sql").arg(version));
    REQUIRE(f.open(QIODevice::ReadOnly | QIODevice::Text));
    return QString::fromUtf8(f.readAll());
}

} // namespace

TEST_CASE("outbox items round-trip with every field", "[store][outbox]")
{
    TempCache c;
    REQUIRE(c.db);
    OutboxStore store(c.db->database());

    OutboxItem item = makeItem(QStringLiteral("a"));
    item.lastError = QStringLiteral("network");
    item.attempts = 2;
    item.nextAttempt = kT0.addSecs(30);
    item.refusal = QStringLiteral("words from the server");
    REQUIRE(store.insert(item).ok());
    CHECK(fetch(store, QStringLiteral("a")) == item);

    auto missing = store.get(QStringLiteral("nope"));
    REQUIRE(missing.ok());
    CHECK_FALSE(missing->has_value());

    // a second insert with the same client id must not replace the first
    OutboxItem dup = makeItem(QStringLiteral("a"));
    dup.payload = "{}";
    CHECK_FALSE(store.insert(dup).ok());
    CHECK(fetch(store, QStringLiteral("a")).payload == item.payload);

    REQUIRE(store.remove(QStringLiteral("a")).ok());
    CHECK(ids(store.list()).isEmpty());
}

TEST_CASE("outbox rejects incomplete items", "[store][outbox]")
{
    TempCache c;
    REQUIRE(c.db);
    OutboxStore store(c.db->database());
    OutboxItem noType = makeItem(QStringLiteral("x"));
    noType.resourceType.clear();
    CHECK(store.insert(noType).error().kind == Error::Kind::Config);
    OutboxItem noTime = makeItem(QStringLiteral("y"));
    noTime.created = {};
    CHECK(store.insert(noTime).error().kind == Error::Kind::Config);
    CHECK(ids(store.list()).isEmpty());
}

TEST_CASE("outbox lists in creation order, ties in insertion order", "[store][outbox]")
{
    TempCache c;
    REQUIRE(c.db);
    OutboxStore store(c.db->database());
    REQUIRE(store.insert(makeItem(QStringLiteral("late"), kT0.addSecs(60))).ok());
    REQUIRE(store.insert(makeItem(QStringLiteral("z-first"), kT0)).ok());
    REQUIRE(store.insert(makeItem(QStringLiteral("a-second"), kT0)).ok());
    REQUIRE(store.insert(makeItem(QStringLiteral("middle"), kT0.addMSecs(1))).ok());
    CHECK(ids(store.list())
          == QStringList{QStringLiteral("z-first"), QStringLiteral("a-second"), QStringLiteral("middle"),
                         QStringLiteral("late")});
}

TEST_CASE("outbox state transitions follow the lifecycle", "[store][outbox]")
{
    TempCache c;
    REQUIRE(c.db);
    OutboxStore store(c.db->database());
    const QString id = QStringLiteral("item");
    REQUIRE(store.insert(makeItem(id)).ok());

    SECTION("waiting → sending → waiting (retry) → sending → sent")
    {
        REQUIRE(store.markSending(id).ok());
        CHECK(fetch(store, id).state == OutboxState::Sending);
        CHECK(fetch(store, id).attempts == 1);

        REQUIRE(store.markRetry(id, QStringLiteral("http-503"), kT0.addSecs(4)).ok());
        OutboxItem waiting = fetch(store, id);
        CHECK(waiting.state == OutboxState::Waiting);
        CHECK(waiting.lastError == QStringLiteral("http-503"));
        CHECK(waiting.nextAttempt == kT0.addSecs(4));

        REQUIRE(store.markSending(id).ok());
        REQUIRE(store.markSent(id, QStringLiteral("Task/42/_history/1")).ok());
        OutboxItem sent = fetch(store, id);
        CHECK(sent.state == OutboxState::Sent);
        CHECK(sent.attempts == 2);
        CHECK(sent.serverLocation == QStringLiteral("Task/42/_history/1"));
        CHECK(sent.lastError.isEmpty());
        CHECK_FALSE(sent.nextAttempt.isValid());
    }
    SECTION("sending → failed keeps the reason and the server's words; requeue → waiting, due now")
    {
        REQUIRE(store.markSending(id).ok());
        REQUIRE(store.markFailed(id, QStringLiteral("http-422"), QStringLiteral("Please book a review first")).ok());
        OutboxItem failed = fetch(store, id);
        CHECK(failed.state == OutboxState::Failed);
        CHECK(failed.lastError == QStringLiteral("http-422"));
        CHECK(failed.refusal == QStringLiteral("Please book a review first"));
        CHECK_FALSE(store.markSending(id).ok());   // a refused item is not sent again by itself

        REQUIRE(store.requeue(id).ok());
        OutboxItem again = fetch(store, id);
        CHECK(again.state == OutboxState::Waiting);
        CHECK(again.attempts == 1);
        CHECK(again.lastError.isEmpty());
        CHECK(again.refusal.isEmpty());
        CHECK_FALSE(again.nextAttempt.isValid());
        CHECK_FALSE(store.requeue(id).ok());       // only a failed item can be requeued
    }
    SECTION("out-of-order transitions are refused and change nothing")
    {
        CHECK(store.markSent(id, QStringLiteral("Task/1")).error().kind == Error::Kind::NotFound);
        CHECK(store.markFailed(id, QStringLiteral("http-400")).error().kind == Error::Kind::NotFound);
        CHECK(store.markRetry(id, QStringLiteral("network"), {}).error().kind == Error::Kind::NotFound);
        CHECK(fetch(store, id) == makeItem(id));

        REQUIRE(store.markSending(id).ok());
        CHECK_FALSE(store.markSending(id).ok());   // already in flight: no second send
        REQUIRE(store.markSent(id, QStringLiteral("Task/1")).ok());
        CHECK_FALSE(store.markSending(id).ok());   // sent is final
        CHECK_FALSE(store.markRetry(id, QStringLiteral("network"), {}).ok());
        CHECK(fetch(store, id).state == OutboxState::Sent);
        CHECK(store.markSending(QStringLiteral("unknown")).error().kind == Error::Kind::NotFound);
    }
}

TEST_CASE("unsent lists waiting and sending; resetInterrupted turns sending into waiting", "[store][outbox]")
{
    TempCache c;
    REQUIRE(c.db);
    OutboxStore store(c.db->database());
    for (int i = 0; i < 4; ++i)
        REQUIRE(store.insert(makeItem(QStringLiteral("i%1").arg(i), kT0.addSecs(i))).ok());
    REQUIRE(store.markSending(QStringLiteral("i0")).ok());
    REQUIRE(store.markSent(QStringLiteral("i0"), QStringLiteral("Task/1")).ok());
    REQUIRE(store.markSending(QStringLiteral("i1")).ok());
    REQUIRE(store.markFailed(QStringLiteral("i1"), QStringLiteral("http-400")).ok());
    REQUIRE(store.markSending(QStringLiteral("i2")).ok());   // "crash" while i2 is in flight

    CHECK(ids(store.unsent()) == QStringList{QStringLiteral("i2"), QStringLiteral("i3")});
    auto reset = store.resetInterrupted();
    REQUIRE(reset.ok());
    CHECK(*reset == 1);
    CHECK(fetch(store, QStringLiteral("i2")).state == OutboxState::Waiting);
    CHECK(fetch(store, QStringLiteral("i2")).attempts == 1);
    CHECK(fetch(store, QStringLiteral("i0")).state == OutboxState::Sent);
    CHECK(fetch(store, QStringLiteral("i1")).state == OutboxState::Failed);
    auto again = store.resetInterrupted();
    REQUIRE(again.ok());
    CHECK(*again == 0);
}

TEST_CASE("outbox survives closing and reopening the encrypted database", "[store][outbox]")
{
    TempCache c;
    REQUIRE(c.db);
    {
        OutboxStore store(c.db->database());
        REQUIRE(store.insert(makeItem(QStringLiteral("kept"))).ok());
        REQUIRE(store.markSending(QStringLiteral("kept")).ok());
    }
    c.db.reset();
    auto reopened = CacheDatabase::open(c.path(), c.key, false);
    REQUIRE(reopened.ok());
    OutboxStore store(reopened.value()->database());
    OutboxItem item = fetch(store, QStringLiteral("kept"));
    CHECK(item.state == OutboxState::Sending);
    CHECK(item.payload == makeItem(QStringLiteral("kept")).payload);
}

TEST_CASE("state names round-trip", "[store][outbox]")
{
    for (OutboxState s : {OutboxState::Waiting, OutboxState::Sending, OutboxState::Sent, OutboxState::Failed})
        CHECK(outboxStateFromName(outboxStateName(s)) == s);
    CHECK_FALSE(outboxStateFromName(QStringLiteral("lost")).has_value());
}

TEST_CASE("a v1 database (from the v1 snapshot) migrates to the latest snapshot and keeps its outbox",
          "[store][cache][schema][outbox]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.db"));
    const QByteArray key = hearth::test::randomKey();

    // Build a v1 file by hand from the saved v1 schema, with one outbox row as v1 wrote it.
    registerSqlCipherDriver();
    const QString name = QStringLiteral("outbox-v1-builder");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QString::fromLatin1(kSqlCipherDriverName), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("PRAGMA key = \"x'%1'\"").arg(QString::fromLatin1(key.toHex()))));
        REQUIRE(q.exec(QStringLiteral("PRAGMA cipher_page_size = 4096")));
        const QStringList statements = readSnapshot(1).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        int created = 0;
        for (const QString &statement : statements) {
            // drop the "-- type name on table" comment lines
            QStringList lines = statement.split(QLatin1Char('\n'));
            lines.removeIf([](const QString &l) { return l.trimmed().startsWith(QLatin1String("--")); });
            const QString sql = lines.join(QLatin1Char('\n')).trimmed();
            if (sql.isEmpty())
                continue;
            INFO(sql.toStdString());
            REQUIRE(q.exec(sql));
            ++created;
        }
        CHECK(created == 7);
        REQUIRE(q.exec(QStringLiteral("INSERT INTO outbox (client_id, kind, payload, state, attempts, created) "
                                      "VALUES ('old', 'message', x'7b7d', 'sending', 3, '2024-05-03T08:14:00.250Z')")));
        REQUIRE(q.exec(QStringLiteral("PRAGMA user_version = 1")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);

    auto opened = CacheDatabase::open(path, key, false);
    REQUIRE(opened.ok());
    const int latest = CacheDatabase::latestSchemaVersion();
    CHECK(latest >= 2);
    CHECK(opened.value()->schemaVersion() == latest);
    const QString migrated = schemaDump(opened.value()->database());
    CHECK(migrated == readSnapshot(latest));

    // the upgrade path and a fresh install end in the same schema
    TempCache fresh;
    REQUIRE(fresh.db);
    CHECK(schemaDump(fresh.db->database()) == migrated);

    OutboxStore store(opened.value()->database());
    OutboxItem old = fetch(store, QStringLiteral("old"));
    CHECK(old.state == OutboxState::Sending);
    CHECK(old.attempts == 3);
    CHECK(old.payload == QByteArray("{}"));
    CHECK(old.created == kT0);
    CHECK(old.resourceType.isEmpty());
    CHECK_FALSE(old.nextAttempt.isValid());
}
