// Search text extraction, its place in ResourceIndexer, and rebuilding the index of a database
// that was written before the search index existed (schema 2 -> 3).
#include "fhir/BundleReader.h"
#include "fhir/ResourceIndexer.h"
#include "fhir/SearchIndexBuilder.h"
#include "fhir/SearchText.h"
#include "store/CacheDatabase.h"
#include "store/MetaStore.h"
#include "store/ResourceStore.h"
#include "store/SearchTokenizer.h"
#include "store/SqlCipherDriver.h"
#include "support/CatchQt.h"
#include "support/TestCache.h"

#include <QFile>
#include <QSqlQuery>

using namespace hearth;

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(HEARTH_FHIR_TEST_DIR "/fixtures/") + name);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QList<StoredResource> fixtureResources()
{
    BundleReader reader;
    auto page = reader.readSearchPage(fixture(QStringLiteral("search-record.json")));
    REQUIRE(page.ok());
    return page->resources;
}

const StoredResource &byId(const QList<StoredResource> &all, const QString &id)
{
    for (const StoredResource &r : all)
        if (r.id == id)
            return r;
    FAIL("no resource " << id.toStdString());
    return all.first();
}

SearchDocument docOf(const StoredResource &r)
{
    auto doc = SearchTextExtractor::fromJson(r.json);
    REQUIRE(doc.ok());
    return doc.value();
}

QStringList searchIds(const ResourceStore &store, const QString &query)
{
    SearchFilter all;
    all.types = {QStringLiteral("Encounter"), QStringLiteral("Observation"), QStringLiteral("AllergyIntolerance"),
                 QStringLiteral("MedicationRequest"), QStringLiteral("DocumentReference"), QStringLiteral("Patient"),
                 QStringLiteral("Binary")};
    auto hits = store.search(SearchTokenizer::queryWords(query), all, 0);
    REQUIRE(hits.ok());
    QStringList ids;
    for (const SearchMatch &m : hits.value())
        ids << m.id;
    ids.sort();
    return ids;
}

} // namespace

TEST_CASE("a consultation note's free text and its encounter are extracted", "[fhir][search]")
{
    const auto all = fixtureResources();
    const SearchDocument note = docOf(byId(all, QStringLiteral("note1")));
    CHECK(note.title == QStringLiteral("Comment note"));
    CHECK(note.encounterId == QStringLiteral("enc1"));
    REQUIRE(note.texts.size() == 2);
    CHECK(note.texts.at(1).startsWith(QStringLiteral("c/o cough 5/7")));

    const SearchDocument enc = docOf(byId(all, QStringLiteral("enc1")));
    CHECK(enc.title == QStringLiteral("Telephone encounter"));
    CHECK(enc.texts == QStringList{QStringLiteral("Telephone encounter"), QStringLiteral("Persistent cough"),
                                   QStringLiteral("Dr Aisha Okonkwo"), QStringLiteral("Riverside Surgery")});
}

TEST_CASE("allergy reactions, dosage text and document fields are extracted", "[fhir][search]")
{
    const auto all = fixtureResources();
    CHECK(docOf(byId(all, QStringLiteral("al1"))).texts
          == QStringList{QStringLiteral("Penicillin"), QStringLiteral("Hives"), QStringLiteral("Urticaria")});
    const SearchDocument med = docOf(byId(all, QStringLiteral("med1")));
    CHECK(med.title == QStringLiteral("Salbutamol 100micrograms/dose inhaler"));
    CHECK(med.texts.contains(QStringLiteral("Two puffs when required")));
    const SearchDocument doc = docOf(byId(all, QStringLiteral("doc1")));
    CHECK(doc.title == QStringLiteral("Discharge letter from St Elsewhere Hospital"));
    for (const char *t : {"Discharge summary", "Mr Jonas Whitfield", "discharge-2023.pdf"})
        CHECK(doc.texts.contains(QString::fromLatin1(t)));
}

TEST_CASE("patients and binaries are never searchable", "[fhir][search][security]")
{
    const auto all = fixtureResources();
    for (const char *id : {"p1", "bin1"}) {
        const StoredResource &r = byId(all, QString::fromLatin1(id));
        CHECK(docOf(r).texts.isEmpty());
        REQUIRE(r.searchText.has_value());   // extracted (as nothing), so no rebuild is pending
        CHECK(r.searchText->isEmpty());
    }
}

TEST_CASE("ResourceIndexer fills searchText and a DocumentReference's date", "[fhir][search]")
{
    const auto all = fixtureResources();
    const StoredResource &note = byId(all, QStringLiteral("note1"));
    REQUIRE(note.searchText.has_value());
    CHECK(note.searchText->contains(QStringLiteral("O/E chest clear")));
    CHECK(byId(all, QStringLiteral("doc1")).effectiveDate == QStringLiteral("2023-11-02T14:00:00Z"));
    CHECK(note.encounterId == QStringLiteral("enc1"));
    CHECK(byId(all, QStringLiteral("al1")).encounterId.isEmpty());
}

TEST_CASE("resources stored through the indexer are found; identifiers and binary data are not", "[fhir][search]")
{
    test::TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());
    for (const StoredResource &r : fixtureResources())
        REQUIRE(store.put(r).ok());
    CHECK(searchIds(store, QStringLiteral("o/e chest")) == QStringList{QStringLiteral("note1")});
    CHECK(searchIds(store, QStringLiteral("cough")) == QStringList{QStringLiteral("enc1"), QStringLiteral("note1")});
    CHECK(searchIds(store, QStringLiteral("hives")) == QStringList{QStringLiteral("al1")});
    CHECK(searchIds(store, QStringLiteral("salbut")) == QStringList{QStringLiteral("med1"), QStringLiteral("note1")});
    CHECK(searchIds(store, QStringLiteral("9434765919")).isEmpty());
    CHECK(searchIds(store, QStringLiteral("quarrington")).isEmpty());
    CHECK(searchIds(store, QStringLiteral("c2vjcmv0d29yzhm")).isEmpty());
}

namespace {

// A database as the app before search wrote it: schema 2 from its snapshot, then rows.
void writeSchemaV2Database(const QString &path, const QByteArray &key, const QList<StoredResource> &rows)
{
    registerSqlCipherDriver();
    const QString name = QStringLiteral("v2-writer");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QString::fromLatin1(kSqlCipherDriverName), name);
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("PRAGMA key = \"x'%1'\"").arg(QString::fromLatin1(key.toHex()))));
        REQUIRE(q.exec(QStringLiteral("PRAGMA cipher_page_size = 4096")));
        QFile snapshot(QStringLiteral(HEARTH_STORE_SNAPSHOT_DIR "/schema_v2.sql"));
        REQUIRE(snapshot.open(QIODevice::ReadOnly | QIODevice::Text));
        for (const QString &block : QString::fromUtf8(snapshot.readAll()).split(QStringLiteral(";\n"))) {
            QStringList lines = block.split(u'\n');
            lines.removeIf([](const QString &l) { return l.startsWith(QStringLiteral("--")) || l.trimmed().isEmpty(); });
            if (!lines.isEmpty())
                REQUIRE(q.exec(lines.join(u'\n')));
        }
        REQUIRE(q.exec(QStringLiteral("PRAGMA user_version = 2")));
        for (const StoredResource &r : rows) {
            REQUIRE(q.prepare(QStringLiteral("INSERT INTO resources (type, id, last_updated, effective_date, code, status, json) "
                                             "VALUES (?, ?, ?, ?, ?, ?, ?)")));
            q.addBindValue(r.type);
            q.addBindValue(r.id);
            q.addBindValue(r.lastUpdated.isNull() ? QStringLiteral("") : r.lastUpdated);
            q.addBindValue(r.effectiveDate.isEmpty() ? QVariant() : QVariant(r.effectiveDate));
            q.addBindValue(r.code.isEmpty() ? QVariant() : QVariant(r.code));
            q.addBindValue(r.status.isEmpty() ? QVariant() : QVariant(r.status));
            q.addBindValue(r.json);
            REQUIRE(q.exec());
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

TEST_CASE("a schema 2 database migrates to the latest schema and its index is rebuilt from the stored JSON, resumably", "[fhir][search][schema]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.db"));
    const QByteArray key = test::randomKey();
    const auto rows = fixtureResources();
    writeSchemaV2Database(path, key, rows);

    auto opened = CacheDatabase::open(path, key, false);
    REQUIRE(opened.ok());
    CacheDatabase &db = *opened.value();
    CHECK(db.schemaVersion() == CacheDatabase::latestSchemaVersion());
    ResourceStore store(db.database());
    CHECK(store.count(QStringLiteral("Observation")).value() == 1);   // data kept
    CHECK(store.unindexedCount().value() == rows.size());
    CHECK(searchIds(store, QStringLiteral("cough")).isEmpty());      // nothing indexed yet

    // Two at a time, as if the app were closed in between.
    auto left = SearchIndexBuilder::run(db, 2, 2);
    REQUIRE(left.ok());
    CHECK(left.value() == rows.size() - 2);
    left = SearchIndexBuilder::run(db, 2);
    REQUIRE(left.ok());
    CHECK(left.value() == 0);
    CHECK(searchIds(store, QStringLiteral("cough")) == QStringList{QStringLiteral("enc1"), QStringLiteral("note1")});
    CHECK(searchIds(store, QStringLiteral("whitfield")) == QStringList{QStringLiteral("doc1")});
    // The rebuild also fills in which consultation each entry belongs to.
    CHECK(store.get(QStringLiteral("Observation"), QStringLiteral("note1")).value()->encounterId == QStringLiteral("enc1"));
    CHECK(MetaStore(db.database()).get(QString::fromLatin1(SearchIndexBuilder::kVersionKey)).value().value()
          == QByteArray::number(SearchTextExtractor::kVersion));
}

TEST_CASE("an index written by another extractor version is rebuilt", "[fhir][search]")
{
    test::TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());
    for (StoredResource r : fixtureResources()) {
        r.searchText = QStringLiteral("stale words");   // what an older extractor might have found
        REQUIRE(store.put(r).ok());
    }
    REQUIRE(MetaStore(c.db->database()).put(QString::fromLatin1(SearchIndexBuilder::kVersionKey), "0").ok());
    CHECK(searchIds(store, QStringLiteral("stale")).size() == 7);
    auto left = SearchIndexBuilder::run(*c.db);
    REQUIRE(left.ok());
    CHECK(left.value() == 0);
    CHECK(searchIds(store, QStringLiteral("stale")).isEmpty());
    CHECK(searchIds(store, QStringLiteral("hives")) == QStringList{QStringLiteral("al1")});

    // Current version: a second run finds nothing to do and keeps the index.
    REQUIRE(SearchIndexBuilder::run(*c.db).ok());
    CHECK(searchIds(store, QStringLiteral("hives")) == QStringList{QStringLiteral("al1")});
}

TEST_CASE("a rebuild applies the record's visibility rules to entries indexed by an older version", "[fhir][search]")
{
    test::TempCache c;
    REQUIRE(c.db);
    ResourceStore store(c.db->database());
    BundleReader reader;
    auto refuted = reader.readResource(R"({"resourceType":"AllergyIntolerance","id":"al-refuted",
        "code":{"text":"Peanut allergy"},"verificationStatus":{"coding":[{"code":"refuted"}]}})");
    REQUIRE(refuted.ok());
    StoredResource row = refuted.value();
    row.searchText = QStringLiteral("Peanut allergy");   // what version 1 indexed
    REQUIRE(store.put(row).ok());
    REQUIRE(MetaStore(c.db->database()).put(QString::fromLatin1(SearchIndexBuilder::kVersionKey), "1").ok());
    CHECK(searchIds(store, QStringLiteral("peanut")) == QStringList{QStringLiteral("al-refuted")});
    REQUIRE(SearchIndexBuilder::run(*c.db).ok());
    CHECK(searchIds(store, QStringLiteral("peanut")).isEmpty());
    CHECK(store.count(QStringLiteral("AllergyIntolerance")).value() == 1);   // kept, just not found
}
