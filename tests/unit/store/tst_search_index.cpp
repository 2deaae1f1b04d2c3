// The search index: tokenizer rules, and the index kept in step with put/replace/remove.
#include "store/ResourceStore.h"
#include "store/SearchTokenizer.h"
#include "support/CatchQt.h"
#include "support/TestCache.h"

#include <QFile>
#include <QSqlQuery>

using namespace hearth;
using hearth::test::TempCache;

namespace {

StoredResource entry(const QString &type, const QString &id, const QString &text, const QString &date = {},
                     const QString &status = {})
{
    StoredResource r;
    r.type = type;
    r.id = id;
    r.lastUpdated = QStringLiteral("2024-01-01T00:00:00Z");
    r.effectiveDate = date;
    r.status = status;
    r.json = QByteArray("{}");
    r.searchText = text;
    return r;
}

QStringList found(const ResourceStore &store, const QString &query, const QStringList &types = {QStringLiteral("Condition"), QStringLiteral("Observation")})
{
    SearchFilter filter;
    filter.types = types;
    const QStringList words = SearchTokenizer::queryWords(query);
    auto hits = store.search(words, filter, 0);
    REQUIRE(hits.ok());
    QStringList ids;
    for (const SearchMatch &m : hits.value())
        ids << m.id;
    auto count = store.searchCount(words, filter);
    REQUIRE(count.ok());
    CHECK(count.value() == ids.size());
    return ids;
}

int termRows(const QSqlDatabase &db, const QString &token = {})
{
    QSqlQuery q(db);
    if (token.isEmpty()) {
        REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM search_terms")));
    } else {
        REQUIRE(q.prepare(QStringLiteral("SELECT count(*) FROM search_terms WHERE token = ?")));
        q.addBindValue(token);
        REQUIRE(q.exec());
    }
    REQUIRE(q.next());
    return q.value(0).toInt();
}

} // namespace

TEST_CASE("tokens are folded: case, accents, ligatures", "[store][search]")
{
    CHECK(SearchTokenizer::indexTokens(QStringLiteral("HbA1c Café CRÈME ﬁbrosis"))
          == QStringList{QStringLiteral("hba1c"), QStringLiteral("cafe"), QStringLiteral("creme"), QStringLiteral("fibrosis")});
    CHECK(SearchTokenizer::fold(QStringLiteral("Ünïcödé")) == QStringLiteral("unicode"));
}

TEST_CASE("GP abbreviations stay whole and their parts are searchable too", "[store][search]")
{
    const QStringList t = SearchTokenizer::indexTokens(QStringLiteral("c/o cough 5/7, O/E chest clear, NAD. Plan: F/U 2/52 follow-up"));
    for (const char *expected : {"c/o", "cough", "5/7", "o/e", "chest", "clear", "nad", "plan", "f/u", "2/52",
                                 "52", "follow-up", "follow", "up"})
        CHECK(t.contains(QString::fromLatin1(expected)));
    // Single letters alone are not worth an index row; trailing punctuation does not join.
    CHECK_FALSE(t.contains(QStringLiteral("o")));
    CHECK_FALSE(t.contains(QStringLiteral("nad.")));
    CHECK(t.size() == QSet<QString>(t.begin(), t.end()).size());
}

TEST_CASE("query words keep runs whole, keep single characters, drop duplicates", "[store][search]")
{
    CHECK(SearchTokenizer::queryWords(QStringLiteral("  O/E  chest o/e ")) == QStringList{QStringLiteral("o/e"), QStringLiteral("chest")});
    CHECK(SearchTokenizer::queryWords(QStringLiteral("a")) == QStringList{QStringLiteral("a")});
    CHECK(SearchTokenizer::queryWords(QStringLiteral("?! ,")).isEmpty());
    CHECK(SearchTokenizer::queryWords(QStringLiteral("o/")) == QStringList{QStringLiteral("o")});
}

TEST_CASE("very long words are cut the same way on both sides", "[store][search]")
{
    const QString longWord(100, u'x');
    CHECK(SearchTokenizer::indexTokens(longWord).first().size() == SearchTokenizer::kMaxTokenLength);
    CHECK(SearchTokenizer::queryWords(longWord).first() == SearchTokenizer::indexTokens(longWord).first());
}

TEST_CASE("prefix upper bound", "[store][search]")
{
    CHECK(SearchTokenizer::prefixUpperBound(QStringLiteral("chol")) == QStringLiteral("chom"));
    CHECK(SearchTokenizer::prefixUpperBound(QStringLiteral("o/")) == QStringLiteral("o0"));
    CHECK(SearchTokenizer::prefixUpperBound(QString()).isEmpty());
}

TEST_CASE("search finds by prefix, ANDs words, newest first", "[store][search]")
{
    TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());
    REQUIRE(store.put(entry(QStringLiteral("Condition"), QStringLiteral("asthma-old"), QStringLiteral("Asthma"), QStringLiteral("2010-01-01"))).ok());
    REQUIRE(store.put(entry(QStringLiteral("Condition"), QStringLiteral("asthma-review"), QStringLiteral("Asthma review\nDr Patel"), QStringLiteral("2020-05-01"))).ok());
    REQUIRE(store.put(entry(QStringLiteral("Observation"), QStringLiteral("chol"), QStringLiteral("Serum cholesterol"), QStringLiteral("2015-01-01"))).ok());

    CHECK(found(store, QStringLiteral("asth")) == QStringList{QStringLiteral("asthma-review"), QStringLiteral("asthma-old")});
    CHECK(found(store, QStringLiteral("ASTHMA patel")) == QStringList{QStringLiteral("asthma-review")});
    CHECK(found(store, QStringLiteral("chol")) == QStringList{QStringLiteral("chol")});
    CHECK(found(store, QStringLiteral("chol asth")).isEmpty());
    CHECK(found(store, QStringLiteral("sthma")).isEmpty());   // prefix of a word, not any substring
    // Only the types asked for.
    CHECK(found(store, QStringLiteral("asth"), {QStringLiteral("Observation")}).isEmpty());
}

TEST_CASE("the index follows replace and remove, and drops words nobody uses", "[store][search]")
{
    TempCache c;
    REQUIRE(c.db);
    const QSqlDatabase db = c.db->database();
    ResourceStore store(db);
    REQUIRE(store.put(entry(QStringLiteral("Condition"), QStringLiteral("a"), QStringLiteral("Asthma review"))).ok());
    REQUIRE(store.put(entry(QStringLiteral("Condition"), QStringLiteral("b"), QStringLiteral("Asthma"))).ok());
    CHECK(termRows(db, QStringLiteral("review")) == 1);

    // Replace: the old words go, the new ones come.
    REQUIRE(store.put(entry(QStringLiteral("Condition"), QStringLiteral("a"), QStringLiteral("Diabetes"))).ok());
    CHECK(found(store, QStringLiteral("review")).isEmpty());
    CHECK(found(store, QStringLiteral("diab")) == QStringList{QStringLiteral("a")});
    CHECK(found(store, QStringLiteral("asthma")) == QStringList{QStringLiteral("b")});
    CHECK(termRows(db, QStringLiteral("review")) == 0);

    // Two entries with the same words share one document: removing one keeps the other findable.
    REQUIRE(store.put(entry(QStringLiteral("Condition"), QStringLiteral("c"), QStringLiteral("Asthma"))).ok());
    CHECK(termRows(db, QStringLiteral("asthma")) == 1);
    REQUIRE(store.remove(QStringLiteral("Condition"), QStringLiteral("b")).ok());
    CHECK(found(store, QStringLiteral("asthma")) == QStringList{QStringLiteral("c")});
    REQUIRE(store.remove(QStringLiteral("Condition"), QStringLiteral("c")).ok());
    CHECK(found(store, QStringLiteral("asthma")).isEmpty());
    CHECK(termRows(db, QStringLiteral("asthma")) == 0);

    REQUIRE(store.remove(QStringLiteral("Condition"), QStringLiteral("a")).ok());
    CHECK(termRows(db) == 0);
}

TEST_CASE("entered-in-error entries are never found", "[store][search]")
{
    TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());
    REQUIRE(store.put(entry(QStringLiteral("Condition"), QStringLiteral("ok"), QStringLiteral("Migraine"), {}, QStringLiteral("active"))).ok());
    REQUIRE(store.put(entry(QStringLiteral("Condition"), QStringLiteral("withdrawn"), QStringLiteral("Migraine"), {}, QStringLiteral("entered-in-error"))).ok());
    CHECK(found(store, QStringLiteral("migraine")) == QStringList{QStringLiteral("ok")});
}

TEST_CASE("a rolled-back page leaves the index as it was", "[store][search]")
{
    TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());
    REQUIRE(store.put(entry(QStringLiteral("Condition"), QStringLiteral("a"), QStringLiteral("Eczema"))).ok());
    const Status failed = c.db->transaction([&]() -> Status {
        if (Status s = store.put(entry(QStringLiteral("Condition"), QStringLiteral("a"), QStringLiteral("Psoriasis"))); !s)
            return s;
        if (Status s = store.put(entry(QStringLiteral("Condition"), QStringLiteral("b"), QStringLiteral("Psoriasis"))); !s)
            return s;
        return Error::make(Error::Kind::Parse, QStringLiteral("bad page"));
    });
    REQUIRE_FALSE(failed.ok());
    CHECK(found(store, QStringLiteral("eczema")) == QStringList{QStringLiteral("a")});
    CHECK(found(store, QStringLiteral("psoriasis")).isEmpty());
    CHECK(termRows(c.db->database(), QStringLiteral("psoriasis")) == 0);
}

TEST_CASE("resources without extracted text wait for a rebuild; setSearchText indexes them", "[store][search]")
{
    TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());
    StoredResource raw = entry(QStringLiteral("Condition"), QStringLiteral("raw"), {});
    raw.searchText.reset();
    REQUIRE(store.put(raw).ok());
    REQUIRE(store.put(entry(QStringLiteral("Condition"), QStringLiteral("empty"), QStringLiteral(""))).ok());
    CHECK(store.unindexedCount().value() == 1);
    auto pendingRows = store.unindexed(10);
    REQUIRE(pendingRows.ok());
    REQUIRE(pendingRows->size() == 1);
    CHECK(pendingRows->first().id == QStringLiteral("raw"));
    CHECK_FALSE(pendingRows->first().searchText.has_value());   // never read back

    REQUIRE(store.setSearchText(QStringLiteral("Condition"), QStringLiteral("raw"), QStringLiteral("Gout")).ok());
    CHECK(store.unindexedCount().value() == 0);
    CHECK(found(store, QStringLiteral("gout")) == QStringList{QStringLiteral("raw")});
    // Setting it again with other words replaces them.
    REQUIRE(store.setSearchText(QStringLiteral("Condition"), QStringLiteral("raw"), QStringLiteral("Sciatica")).ok());
    CHECK(found(store, QStringLiteral("gout")).isEmpty());
    CHECK(termRows(c.db->database(), QStringLiteral("gout")) == 0);

    REQUIRE(store.clearSearchIndex().ok());
    CHECK(store.unindexedCount().value() == 2);
    CHECK(termRows(c.db->database()) == 0);
    CHECK(found(store, QStringLiteral("sciatica")).isEmpty());
}

TEST_CASE("filters: one coded type kept or left out by code, notes counted as their encounter", "[store][search]")
{
    TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());
    const QString noteCode = QStringLiteral("37331000000100");
    auto obs = [&](const QString &id, const QString &code, const QString &encounter, const QString &date) {
        StoredResource r = entry(QStringLiteral("Observation"), id, QStringLiteral("wheeze"), date);
        r.code = code;
        r.encounterId = encounter;
        REQUIRE(store.put(r).ok());
    };
    obs(QStringLiteral("note-a1"), noteCode, QStringLiteral("enc-a"), QStringLiteral("2024-01-02"));
    obs(QStringLiteral("note-a2"), noteCode, QStringLiteral("enc-a"), QStringLiteral("2024-01-03"));
    obs(QStringLiteral("note-loose"), noteCode, QString(), QStringLiteral("2023-01-01"));
    obs(QStringLiteral("peak"), QStringLiteral("313437001"), QString(), QStringLiteral("2024-02-01"));
    REQUIRE(store.put(entry(QStringLiteral("Encounter"), QStringLiteral("enc-a"), QStringLiteral("Wheeze review"), QStringLiteral("2024-01-02"))).ok());
    REQUIRE(store.put(entry(QStringLiteral("Encounter"), QStringLiteral("enc-b"), QStringLiteral("Wheeze"), QStringLiteral("2022-01-01"))).ok());
    CHECK(store.get(QStringLiteral("Observation"), QStringLiteral("note-a1")).value()->encounterId == QStringLiteral("enc-a"));

    const QStringList words{QStringLiteral("whee")};
    SearchFilter results;
    results.types = {QStringLiteral("Observation"), QStringLiteral("DiagnosticReport")};
    results.codedType = QStringLiteral("Observation");
    results.code = noteCode;
    results.keepCode = false;
    auto r = store.search(words, results, 10);
    REQUIRE(r.ok());
    REQUIRE(r->size() == 1);
    CHECK(r->first().id == QStringLiteral("peak"));
    CHECK(store.searchCount(words, results).value() == 1);

    SearchFilter consultations;
    consultations.types = {QStringLiteral("Encounter"), QStringLiteral("Observation")};
    consultations.codedType = QStringLiteral("Observation");
    consultations.code = noteCode;
    consultations.keepCode = true;
    auto rows = store.search(words, consultations, 0);
    REQUIRE(rows.ok());
    QStringList ids;
    for (const SearchMatch &m : rows.value())
        ids << m.id;
    CHECK(ids == QStringList{QStringLiteral("note-a2"), QStringLiteral("note-a1"), QStringLiteral("enc-a"),
                             QStringLiteral("note-loose"), QStringLiteral("enc-b")});
    // The same order, a page at a time, through the walk-and-merge plan (limit > 0).
    QStringList paged;
    for (int offset = 0; offset < 6; offset += 2) {
        auto page = store.search(words, consultations, 2, offset);
        REQUIRE(page.ok());
        for (const SearchMatch &m : page.value())
            paged << m.id;
    }
    CHECK(paged == ids);
    CHECK(store.searchCount(words, consultations).value() == 5);
    consultations.asEncounter = true;   // enc-a and its two notes are one consultation
    CHECK(store.searchCount(words, consultations).value() == 3);
    // Paging.
    auto second = store.search(words, consultations, 2, 2);
    REQUIRE(second.ok());
    REQUIRE(second->size() == 2);
    CHECK(second->at(0).id == QStringLiteral("enc-a"));
}

TEST_CASE("indexed words are not readable in the database file", "[store][search][security]")
{
    const QByteArray words[] = {"zorbanite", "quillifex", "o/e-marker"};
    TempCache c;
    REQUIRE(c.db);
    {
        ResourceStore store(c.db->database());
        for (int i = 0; i < 200; ++i)
            REQUIRE(store.put(entry(QStringLiteral("Observation"), QString::number(i),
                                    QStringLiteral("Zorbanite quillifex O/E-marker %1").arg(i))).ok());
        CHECK(found(store, QStringLiteral("zorban quill")).size() == 200);
    }
    c.db.reset();
    QFile f(c.path());
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    CHECK(bytes.size() > 4096);
    for (const QByteArray &w : words)
        CHECK_FALSE(bytes.contains(w));
}

TEST_CASE("both query plans give the same newest-first pages", "[store][search]")
{
    TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());
    // 120 distinct documents (more than the walk plan takes) and 3 sharing one document.
    for (int i = 0; i < 120; ++i)
        REQUIRE(store.put(entry(QStringLiteral("Observation"), QStringLiteral("u%1").arg(i, 3, 10, QLatin1Char('0')),
                                QStringLiteral("common unique%1").arg(i), QStringLiteral("2020-01-%1").arg(1 + i % 28, 2, 10, QLatin1Char('0'))))
                    .ok());
    for (int i = 0; i < 3; ++i)
        REQUIRE(store.put(entry(QStringLiteral("Condition"), QStringLiteral("s%1").arg(i), QStringLiteral("common shared"),
                                QStringLiteral("2021-0%1-01").arg(i + 1)))
                    .ok());
    SearchFilter filter;
    filter.types = {QStringLiteral("Observation"), QStringLiteral("Condition")};
    const QStringList words{QStringLiteral("common")};
    REQUIRE(store.searchDocs(words).value().size() == 121);
    auto all = store.search(words, filter, 0);
    REQUIRE(all.ok());
    REQUIRE(all->size() == 123);
    CHECK(store.searchCount(words, filter).value() == 123);
    auto page = store.search(words, filter, 5, 2);   // many documents: one sorted query
    REQUIRE(page.ok());
    REQUIRE(page->size() == 5);
    for (int i = 0; i < 5; ++i)
        CHECK(page->at(i).id == all->at(i + 2).id);
    CHECK(all->first().id == QStringLiteral("s2"));

    // Few documents: the walk plan; same order as the full list restricted to them.
    auto shared = store.search({QStringLiteral("shared")}, filter, 2, 1);
    REQUIRE(shared.ok());
    REQUIRE(shared->size() == 2);
    CHECK(shared->at(0).id == QStringLiteral("s1"));
    CHECK(shared->at(1).id == QStringLiteral("s0"));
}

TEST_CASE("long texts keep every distinct token once", "[store][search]")
{
    QString text;
    for (int i = 0; i < 200; ++i)
        text += QStringLiteral("word%1 again ").arg(i % 120);
    const QStringList t = SearchTokenizer::indexTokens(text);
    CHECK(t.size() == 121);
    CHECK(t.size() == QSet<QString>(t.begin(), t.end()).size());
    CHECK(t.at(0) == QStringLiteral("word0"));
    CHECK(t.at(1) == QStringLiteral("again"));
}
