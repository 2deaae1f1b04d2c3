// RecordSearch over a real encrypted store filled through BundleReader/ResourceIndexer.
#include "support/CatchQt.h"

#include "RecordSearch.h"
#include "ResultsParser.h"
#include "SectionsRepository.h"
#include "fhir/BundleReader.h"
#include "store/CacheDatabase.h"
#include "store/ResourceStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace hearth;

namespace {

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<CacheDatabase> db;
    std::unique_ptr<ResourceStore> store;

    Fixture()
    {
        REQUIRE(dir.isValid());
        auto opened = CacheDatabase::open(dir.filePath(QStringLiteral("search.db")), QByteArray(32, 's'));
        REQUIRE(opened.ok());
        db = std::move(opened.value());
        store = std::make_unique<ResourceStore>(db->database());
        QFile f(QStringLiteral(DOMAIN_FIXTURES_DIR "/search-record.json"));
        REQUIRE(f.open(QIODevice::ReadOnly));
        BundleReader reader;
        auto page = reader.readSearchPage(f.readAll());
        REQUIRE(page.ok());
        for (const StoredResource &r : page->resources)
            REQUIRE(store->put(r).ok());
    }

    SearchResults query(const QString &text, int limit = 20) const
    {
        auto r = RecordSearch(*store).query(text, limit);
        REQUIRE(r.ok());
        return r.value();
    }
};

QStringList sectionsOf(const SearchResults &r)
{
    QStringList out;
    for (const auto &s : r.sections)
        out << s.section;
    return out;
}

const SearchSectionHits &section(const SearchResults &r, const QString &name)
{
    for (const auto &s : r.sections)
        if (s.section == name)
            return s;
    FAIL("no section " << name.toStdString());
    return r.sections.first();
}

QStringList idsOf(const SearchSectionHits &s)
{
    QStringList out;
    for (const auto &h : s.hits)
        out << h.type + u'/' + h.id;
    return out;
}

} // namespace

TEST_CASE("finds words inside consultation notes and reports the consultation", "[domain][search]")
{
    Fixture f;
    const SearchResults r = f.query(QStringLiteral("chest clear"));
    REQUIRE(sectionsOf(r) == QStringList{QStringLiteral("consultations")});
    const SearchSectionHits &c = section(r, QStringLiteral("consultations"));
    CHECK(c.count == 1);
    REQUIRE(c.hits.size() == 1);
    const SearchHit &hit = c.hits.first();
    CHECK(hit.type == QStringLiteral("Encounter"));
    CHECK(hit.id == QStringLiteral("enc-cough"));
    CHECK(hit.matchType == QStringLiteral("Observation"));
    CHECK(hit.matchId == QStringLiteral("note-cough-1"));
    CHECK(hit.viaNote);
    CHECK(hit.title == QStringLiteral("Telephone encounter"));
    CHECK(hit.date.date == QDate(2024, 4, 29));
    CHECK(hit.snippet.contains(QStringLiteral("O/E chest clear, NAD")));
    REQUIRE(hit.highlightStart >= 0);
    CHECK(hit.snippet.mid(hit.highlightStart, hit.highlightLength) == QStringLiteral("chest"));
}

TEST_CASE("GP abbreviations are searchable as typed", "[domain][search]")
{
    Fixture f;
    CHECK(idsOf(section(f.query(QStringLiteral("O/E")), QStringLiteral("consultations")))
          == QStringList{QStringLiteral("Encounter/enc-cough")});
    CHECK(idsOf(section(f.query(QStringLiteral("hba1c")), QStringLiteral("results")))
          == QStringList{QStringLiteral("Observation/res-hba1c")});
}

TEST_CASE("prefixes and several words, grouped by section in record order, newest first", "[domain][search]")
{
    Fixture f;
    const SearchResults r = f.query(QStringLiteral("coug"));
    // The withdrawn "Chronic cough" problem is never found, so there is no problems section.
    CHECK(sectionsOf(r) == QStringList{QStringLiteral("results"), QStringLiteral("consultations")});
    CHECK(idsOf(section(r, QStringLiteral("results"))) == QStringList{QStringLiteral("Observation/res-peak")});
    // Two notes of one consultation are one hit.
    const SearchSectionHits &c = section(r, QStringLiteral("consultations"));
    CHECK(c.count == 1);
    CHECK(idsOf(c) == QStringList{QStringLiteral("Encounter/enc-cough")});
    CHECK(r.total() == 2);

    const SearchResults knee = f.query(QStringLiteral("knee"));
    CHECK(sectionsOf(knee) == QStringList{QStringLiteral("consultations"), QStringLiteral("documents")});
    // The note whose consultation was not synced is shown as the note itself, undated title.
    CHECK(idsOf(section(knee, QStringLiteral("consultations")))
          == QStringList{QStringLiteral("Encounter/enc-knee"), QStringLiteral("Observation/note-orphan")});
    const SearchHit &orphan = section(knee, QStringLiteral("consultations")).hits.at(1);
    CHECK(orphan.title.isEmpty());
    CHECK(orphan.viaNote);
    CHECK(orphan.date.date == QDate(2021, 1, 5));

    CHECK(idsOf(section(f.query(QStringLiteral("knee x-ray")), QStringLiteral("documents")))
          == QStringList{QStringLiteral("DocumentReference/doc-xray")});
    CHECK(f.query(QStringLiteral("knee influenza")).isEmpty());
    CHECK(idsOf(section(f.query(QStringLiteral("INFLU vacc")), QStringLiteral("immunisations")))
          == QStringList{QStringLiteral("Immunization/imm-flu")});
    CHECK(idsOf(section(f.query(QStringLiteral("asth")), QStringLiteral("problems")))
          == QStringList{QStringLiteral("Condition/cond-asthma")});
}

TEST_CASE("limit per section caps hits, not counts", "[domain][search]")
{
    Fixture f;
    const SearchResults r = f.query(QStringLiteral("knee"), 1);
    const SearchSectionHits &c = section(r, QStringLiteral("consultations"));
    CHECK(c.count == 2);
    CHECK(c.hits.size() == 1);
}

TEST_CASE("an empty or punctuation-only query finds nothing", "[domain][search]")
{
    Fixture f;
    CHECK(f.query(QString()).isEmpty());
    CHECK(f.query(QStringLiteral(" ,.?")).isEmpty());
    CHECK(f.query(QStringLiteral("zzzz")).isEmpty());
}

TEST_CASE("title matches need no snippet; other matches get one around the word", "[domain][search]")
{
    Fixture f;
    const SearchHit peak = section(f.query(QStringLiteral("peak")), QStringLiteral("results")).hits.first();
    CHECK(peak.title == QStringLiteral("Peak expiratory flow rate"));
    CHECK(peak.snippet.isEmpty());
    const SearchHit settled = section(f.query(QStringLiteral("settled")), QStringLiteral("results")).hits.first();
    CHECK(settled.snippet == QStringLiteral("Measured after the cough settled"));
    CHECK(settled.snippet.mid(settled.highlightStart, settled.highlightLength) == QStringLiteral("settled"));
}

TEST_CASE("snippets cut long text at word boundaries around the first match", "[domain][search]")
{
    const QString text = QStringLiteral("Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
                                        "incididunt ut labore et dolore magna aliqua. Ut enim ad Café minim veniam, quis "
                                        "nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat duis aute irure");
    int start = -1, length = 0;
    const QString s = RecordSearch::snippet(text, {QStringLiteral("cafe")}, &start, &length);
    CHECK(s.startsWith(QStringLiteral("… ")));
    CHECK(s.endsWith(QStringLiteral(" …")));
    CHECK(s.mid(start, length) == QStringLiteral("Café"));
    CHECK(s.size() < text.size());
    CHECK(RecordSearch::snippet(text, {QStringLiteral("afe")}).isEmpty());   // not at a word start
}

namespace {

// A store filled from inline resources, each indexed as sync indexes it.
struct InlineStore {
    QTemporaryDir dir;
    std::unique_ptr<CacheDatabase> db;
    std::unique_ptr<ResourceStore> store;

    explicit InlineStore(const QList<QByteArray> &resources)
    {
        REQUIRE(dir.isValid());
        auto opened = CacheDatabase::open(dir.filePath(QStringLiteral("inline.db")), QByteArray(32, 'i'));
        REQUIRE(opened.ok());
        db = std::move(opened.value());
        store = std::make_unique<ResourceStore>(db->database());
        BundleReader reader;
        for (const QByteArray &json : resources) {
            auto r = reader.readResource(json);
            REQUIRE(r.ok());
            REQUIRE(store->put(r.value()).ok());
        }
    }

    QStringList ids(const QString &text) const
    {
        auto r = RecordSearch(*store).query(text, 20);
        REQUIRE(r.ok());
        QStringList out;
        for (const auto &s : r->sections)
            out << idsOf(s);
        return out;
    }
};

} // namespace

TEST_CASE("search hides what the sections hide: refuted, not given, replaced letters", "[domain][search]")
{
    InlineStore s({
        R"({"resourceType":"Condition","id":"mig-refuted","code":{"text":"Migraine"},
            "verificationStatus":{"coding":[{"code":"refuted"}]},"recordedDate":"2023-01-01"})",
        R"({"resourceType":"Condition","id":"mig-ok","code":{"text":"Migraine"},
            "verificationStatus":{"coding":[{"code":"confirmed"}]},"recordedDate":"2022-01-01"})",
        R"({"resourceType":"AllergyIntolerance","id":"peanut-refuted","code":{"text":"Peanut allergy"},
            "verificationStatus":{"coding":[{"code":"refuted"}]}})",
        R"({"resourceType":"Immunization","id":"shingles-not-done","status":"not-done",
            "vaccineCode":{"text":"Shingles vaccine"},"occurrenceDateTime":"2023-05-01"})",
        R"({"resourceType":"Immunization","id":"flu-done","status":"completed",
            "vaccineCode":{"text":"Flu vaccine"},"occurrenceDateTime":"2023-05-01"})",
        R"({"resourceType":"DocumentReference","id":"letter-old","status":"superseded",
            "type":{"text":"Discharge letter"},"date":"2023-02-01T10:00:00Z"})",
        R"({"resourceType":"DocumentReference","id":"letter-new","status":"current",
            "type":{"text":"Discharge letter"},"date":"2023-02-02T10:00:00Z"})",
    });
    CHECK(s.ids(QStringLiteral("migraine")) == QStringList{QStringLiteral("Condition/mig-ok")});
    CHECK(s.ids(QStringLiteral("peanut")).isEmpty());
    CHECK(s.ids(QStringLiteral("shingles")).isEmpty());
    CHECK(s.ids(QStringLiteral("vaccine")) == QStringList{QStringLiteral("Immunization/flu-done")});
    CHECK(s.ids(QStringLiteral("discharge")) == QStringList{QStringLiteral("DocumentReference/letter-new")});
}

TEST_CASE("a repeat prescription is one hit, not one per issue", "[domain][search]")
{
    InlineStore s({
        R"({"resourceType":"MedicationRequest","id":"salb-plan","status":"active","intent":"plan",
            "medicationCodeableConcept":{"text":"Salbutamol 100micrograms inhaler"},"authoredOn":"2022-01-01"})",
        R"({"resourceType":"MedicationRequest","id":"salb-issue-1","status":"completed","intent":"order",
            "basedOn":[{"reference":"MedicationRequest/salb-plan"}],
            "medicationCodeableConcept":{"text":"Salbutamol 100micrograms inhaler"},"authoredOn":"2023-01-01"})",
        R"({"resourceType":"MedicationRequest","id":"salb-issue-2","status":"completed","intent":"order",
            "basedOn":[{"reference":"https://gp.example/fhir/MedicationRequest/salb-plan"}],
            "medicationCodeableConcept":{"text":"Salbutamol 100micrograms inhaler"},"authoredOn":"2023-03-01"})",
        R"({"resourceType":"MedicationRequest","id":"salb-acute","status":"completed","intent":"order",
            "medicationCodeableConcept":{"text":"Salbutamol nebules"},"authoredOn":"2021-01-01"})",
    });
    CHECK(s.ids(QStringLiteral("salbutamol"))
          == QStringList{QStringLiteral("MedicationRequest/salb-plan"), QStringLiteral("MedicationRequest/salb-acute")});
}

TEST_CASE("a comment note is a SNOMED Comment note code in any coding, for search, sections and results alike", "[domain][search]")
{
    const QByteArray secondCoding = R"({"resourceType":"Observation","id":"note-second","status":"final",
        "code":{"coding":[{"system":"http://read.info/ctv3","code":"XaF8d"},
                          {"system":"http://snomed.info/sct","code":"37331000000100"}]},
        "encounter":{"reference":"Encounter/enc-wheeze"},"effectiveDateTime":"2024-02-01T10:00:00Z",
        "valueString":"Wheeze heard on the left"})";
    const QByteArray otherSystem = R"({"resourceType":"Observation","id":"obs-other","status":"final",
        "code":{"coding":[{"system":"http://example.org/local","code":"37331000000100","display":"Wheeze score"}]},
        "encounter":{"reference":"Encounter/enc-wheeze"},"effectiveDateTime":"2024-02-01T10:05:00Z",
        "valueString":"Wheeze score 2"})";
    InlineStore s({
        R"({"resourceType":"Encounter","id":"enc-wheeze","status":"finished","type":[{"text":"Surgery consultation"}],
            "period":{"start":"2024-02-01T09:50:00Z"}})",
        secondCoding,
        otherSystem,
    });
    const auto found = RecordSearch(*s.store).query(QStringLiteral("wheeze"), 20);
    REQUIRE(found.ok());
    CHECK(idsOf(section(found.value(), QStringLiteral("consultations"))) == QStringList{QStringLiteral("Encounter/enc-wheeze")});
    CHECK(idsOf(section(found.value(), QStringLiteral("results"))) == QStringList{QStringLiteral("Observation/obs-other")});

    CHECK(results::isCommentNote(QJsonDocument::fromJson(secondCoding).object()));
    CHECK_FALSE(results::isCommentNote(QJsonDocument::fromJson(otherSystem).object()));
    const auto detail = SectionsRepository(*s.store).consultation(QStringLiteral("enc-wheeze"));
    REQUIRE(detail.ok());
    REQUIRE(detail->has_value());
    CHECK((*detail)->notes == QStringList{QStringLiteral("Wheeze heard on the left")});
}
