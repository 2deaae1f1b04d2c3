// ResourceStore, SyncStateStore and MetaStore against a real encrypted database.
#include "store/MetaStore.h"
#include "store/ResourceStore.h"
#include "store/SyncStateStore.h"
#include "support/TestCache.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>

using namespace hearth;
using hearth::test::TempCache;

namespace {

StoredResource obs(const QString &id, const QString &effective, const QString &updated,
                   const QString &code = QStringLiteral("8867-4"), const QString &status = QStringLiteral("final"))
{
    StoredResource r;
    r.type = QStringLiteral("Observation");
    r.id = id;
    r.versionId = QStringLiteral("1");
    r.lastUpdated = updated;
    r.effectiveDate = effective;
    r.codeSystem = QStringLiteral("http://loinc.org");
    r.code = code;
    r.status = status;
    r.json = QByteArray(R"({"resourceType":"Observation","id":")") + id.toUtf8() + QByteArray(R"("})");
    return r;
}

QStringList idsOf(const QList<StoredResource> &list)
{
    QStringList ids;
    for (const auto &r : list)
        ids << r.id;
    return ids;
}

} // namespace

TEST_CASE("resources: put, get, replace, remove, count", "[store][dao]")
{
    TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());

    StoredResource a = obs(QStringLiteral("a"), QStringLiteral("2024-05-01"), QStringLiteral("2024-05-03T08:14:00.000Z"));
    a.json = QByteArray("{\"text\":\"caf\xc3\xa9 \\u0000\"}\0tail", 25);
    REQUIRE(store.put(a).ok());

    auto got = store.get(QStringLiteral("Observation"), QStringLiteral("a"));
    REQUIRE(got.ok());
    REQUIRE(got->has_value());
    CHECK(got.value().value() == a);

    auto none = store.get(QStringLiteral("Observation"), QStringLiteral("zzz"));
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
    auto otherType = store.get(QStringLiteral("Condition"), QStringLiteral("a"));
    REQUIRE(otherType.ok());
    CHECK_FALSE(otherType->has_value());
    CHECK(store.exists(QStringLiteral("Observation"), QStringLiteral("a")).value());
    CHECK_FALSE(store.exists(QStringLiteral("Observation"), QStringLiteral("zzz")).value());
    CHECK_FALSE(store.exists(QStringLiteral("Condition"), QStringLiteral("a")).value());

    StoredResource a2 = a;
    a2.versionId = QStringLiteral("2");
    a2.status = QStringLiteral("amended");
    a2.json = "{\"v\":2}";
    REQUIRE(store.put(a2).ok());
    CHECK(store.count(QStringLiteral("Observation")).value() == 1);
    CHECK(store.get(QStringLiteral("Observation"), QStringLiteral("a")).value().value() == a2);

    StoredResource cond;
    cond.type = QStringLiteral("Condition");
    cond.id = QStringLiteral("a"); // same id, other type: a different row
    cond.lastUpdated = QStringLiteral("2024-01-01T00:00:00Z");
    cond.json = "{}";
    REQUIRE(store.put(cond).ok());
    CHECK(store.get(QStringLiteral("Condition"), QStringLiteral("a")).value().value() == cond);

    auto counts = store.countsByType();
    REQUIRE(counts.ok());
    CHECK(counts.value() == QMap<QString, qint64>{{QStringLiteral("Condition"), 1}, {QStringLiteral("Observation"), 1}});

    REQUIRE(store.remove(QStringLiteral("Observation"), QStringLiteral("a")).ok());
    REQUIRE(store.remove(QStringLiteral("Observation"), QStringLiteral("never-there")).ok());
    CHECK_FALSE(store.exists(QStringLiteral("Observation"), QStringLiteral("a")).value());
    CHECK(store.count(QStringLiteral("Observation")).value() == 0);
    CHECK(store.count(QStringLiteral("Condition")).value() == 1);

    StoredResource bad;
    bad.type = QStringLiteral("Observation");
    CHECK(store.put(bad).error().kind == Error::Kind::Config);
}

TEST_CASE("resources: list ordering, limit, status filter and listByCode", "[store][dao]")
{
    TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());
    // effective DESC, then last_updated DESC, then id; no date sorts last.
    REQUIRE(store.put(obs(QStringLiteral("old"), QStringLiteral("2023-01-01"), QStringLiteral("2024-01-01T00:00:00Z"))).ok());
    REQUIRE(store.put(obs(QStringLiteral("new"), QStringLiteral("2024-06-01T09:00:00Z"), QStringLiteral("2024-01-01T00:00:00Z"))).ok());
    REQUIRE(store.put(obs(QStringLiteral("tie-b"), QStringLiteral("2024-03-01"), QStringLiteral("2024-03-02T00:00:00Z"))).ok());
    REQUIRE(store.put(obs(QStringLiteral("tie-a"), QStringLiteral("2024-03-01"), QStringLiteral("2024-03-02T00:00:00Z"))).ok());
    REQUIRE(store.put(obs(QStringLiteral("tie-newer"), QStringLiteral("2024-03-01"), QStringLiteral("2024-03-05T00:00:00Z"))).ok());
    REQUIRE(store.put(obs(QStringLiteral("undated"), QString(), QStringLiteral("2025-01-01T00:00:00Z"))).ok());
    REQUIRE(store.put(obs(QStringLiteral("bp"), QStringLiteral("2024-04-01"), QStringLiteral("2024-04-01T00:00:00Z"),
                          QStringLiteral("85354-9"), QStringLiteral("preliminary")))
                .ok());
    StoredResource other = obs(QStringLiteral("cond"), QStringLiteral("2030-01-01"), QStringLiteral("2030-01-01T00:00:00Z"));
    other.type = QStringLiteral("Condition");
    REQUIRE(store.put(other).ok());

    auto all = store.list(QStringLiteral("Observation"));
    REQUIRE(all.ok());
    CHECK(idsOf(all.value())
          == QStringList{QStringLiteral("new"), QStringLiteral("bp"), QStringLiteral("tie-newer"),
                         QStringLiteral("tie-a"), QStringLiteral("tie-b"), QStringLiteral("old"),
                         QStringLiteral("undated")});
    CHECK(all->last().effectiveDate.isEmpty());

    auto two = store.list(QStringLiteral("Observation"), 2);
    REQUIRE(two.ok());
    CHECK(idsOf(two.value()) == QStringList{QStringLiteral("new"), QStringLiteral("bp")});

    auto prelim = store.list(QStringLiteral("Observation"), 0, QStringLiteral("preliminary"));
    REQUIRE(prelim.ok());
    CHECK(idsOf(prelim.value()) == QStringList{QStringLiteral("bp")});

    auto hb = store.listByCode(QStringLiteral("Observation"), QStringLiteral("http://loinc.org"), QStringLiteral("8867-4"));
    REQUIRE(hb.ok());
    CHECK(hb->size() == 6);
    CHECK(hb->first().id == QStringLiteral("new"));
    auto hbLimited = store.listByCode(QStringLiteral("Observation"), QStringLiteral("http://loinc.org"),
                                      QStringLiteral("8867-4"), 1);
    CHECK(idsOf(hbLimited.value()) == QStringList{QStringLiteral("new")});
    auto wrongSystem = store.listByCode(QStringLiteral("Observation"), QStringLiteral("http://snomed.info/sct"),
                                        QStringLiteral("8867-4"));
    REQUIRE(wrongSystem.ok());
    CHECK(wrongSystem->isEmpty());

    auto ids = store.ids(QStringLiteral("Condition"));
    REQUIRE(ids.ok());
    CHECK(ids.value() == QList<QString>{QStringLiteral("cond")});
}

TEST_CASE("resources: bulk ingest in one transaction", "[store][dao][perf]")
{
    TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());
    constexpr int n = 20000;
    const QByteArray body(600, 'x'); // roughly a small Observation
    QElapsedTimer timer;
    timer.start();
    Status s = c.db->transaction([&]() -> Status {
        StoredResource r = obs(QString(), QStringLiteral("2024-01-01"), QStringLiteral("2024-01-01T00:00:00Z"));
        r.json = body;
        for (int i = 0; i < n; ++i) {
            r.id = QString::number(i);
            r.effectiveDate = QStringLiteral("2024-01-%1").arg(i % 28 + 1, 2, 10, QLatin1Char('0'));
            if (Status st = store.put(r); !st)
                return st;
        }
        return {};
    });
    const qint64 ms = qMax<qint64>(1, timer.elapsed());
    REQUIRE(s.ok());
    CHECK(store.count(QStringLiteral("Observation")).value() == n);
    WARN("ingest: " << n << " puts in " << ms << " ms = " << (n * 1000 / ms) << " puts/s");
}

TEST_CASE("resources: a failed transaction leaves nothing behind", "[store][dao]")
{
    TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());
    REQUIRE(store.put(obs(QStringLiteral("kept"), QStringLiteral("2024-01-01"), QStringLiteral("2024-01-01T00:00:00Z"))).ok());
    Status s = c.db->transaction([&]() -> Status {
        StoredResource changed = obs(QStringLiteral("kept"), QStringLiteral("2099-01-01"), QStringLiteral("2099-01-01T00:00:00Z"));
        if (Status st = store.put(changed); !st)
            return st;
        if (Status st = store.put(obs(QStringLiteral("new"), QStringLiteral("2024-02-01"), QStringLiteral("2024-02-01T00:00:00Z"))); !st)
            return st;
        return Error::make(Error::Kind::Parse, QStringLiteral("second half of the page was bad"));
    });
    REQUIRE_FALSE(s.ok());
    CHECK(store.count(QStringLiteral("Observation")).value() == 1);
    CHECK(store.get(QStringLiteral("Observation"), QStringLiteral("kept")).value()->effectiveDate
          == QStringLiteral("2024-01-01"));
}

TEST_CASE("sync state: empty when never synced, put/replace/all", "[store][dao]")
{
    TempCache c;
    REQUIRE(c.db);
    SyncStateStore sync(c.db->database());

    auto never = sync.get(QStringLiteral("Observation"));
    REQUIRE(never.ok());
    CHECK(never.value() == SyncCursor{});

    SyncCursor cur{QStringLiteral("2024-05-03T08:14:00.000Z"), QStringLiteral("https://fhir.example/next?page=2"),
                   QStringLiteral("2024-05-03T08:14:00.000Z"), QString()};
    REQUIRE(sync.put(QStringLiteral("Observation"), cur).ok());
    CHECK(sync.get(QStringLiteral("Observation")).value() == cur);

    SyncCursor done = cur;
    done.nextLink.clear();
    done.lastError = QStringLiteral("network: connection reset");
    REQUIRE(sync.put(QStringLiteral("Observation"), done).ok());
    REQUIRE(sync.put(QStringLiteral("Condition"), SyncCursor{QStringLiteral("c"), {}, {}, {}}).ok());
    CHECK(sync.get(QStringLiteral("Observation")).value() == done);

    auto all = sync.all();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 2);
    CHECK(all->value(QStringLiteral("Observation")) == done);
    CHECK(all->value(QStringLiteral("Condition")).cursor == QStringLiteral("c"));
    CHECK(sync.put(QString(), cur).error().kind == Error::Kind::Config);
}

TEST_CASE("meta: get/put/replace/remove", "[store][dao]")
{
    TempCache c;
    REQUIRE(c.db);
    MetaStore meta(c.db->database());
    auto missing = meta.get(QStringLiteral("k"));
    REQUIRE(missing.ok());
    CHECK_FALSE(missing->has_value());

    const QByteArray v1("\x00\x01\xfe", 3);
    REQUIRE(meta.put(QStringLiteral("k"), v1).ok());
    CHECK(meta.get(QStringLiteral("k")).value() == std::optional<QByteArray>(v1));
    REQUIRE(meta.put(QStringLiteral("k"), QByteArray("second")).ok());
    CHECK(meta.get(QStringLiteral("k")).value() == std::optional<QByteArray>(QByteArray("second")));

    REQUIRE(meta.put(QStringLiteral("empty"), QByteArray()).ok());
    auto empty = meta.get(QStringLiteral("empty"));
    REQUIRE(empty.ok());
    REQUIRE(empty->has_value());
    CHECK(empty.value()->isEmpty());

    REQUIRE(meta.remove(QStringLiteral("k")).ok());
    CHECK_FALSE(meta.get(QStringLiteral("k")).value().has_value());
    REQUIRE(meta.remove(QStringLiteral("k")).ok()); // removing twice is fine
}
