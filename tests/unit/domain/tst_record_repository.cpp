#include "support/CatchQt.h"

#include "RecordRepository.h"
#include "store/CacheDatabase.h"
#include "store/ResourceStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>


using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

// The few index columns the sync layer would fill in; kept tiny and local to the test.
QString effectiveDateOf(const QJsonObject &o)
{
    for (const char *key : {"effectiveDateTime", "occurrenceDateTime", "onsetDateTime", "authoredOn",
                            "recordedDate", "birthDate"}) {
        const QString v = o.value(QLatin1String(key)).toString();
        if (!v.isEmpty())
            return v;
    }
    return {};
}

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<CacheDatabase> db;
    std::unique_ptr<ResourceStore> store;

    Fixture()
    {
        REQUIRE(dir.isValid());
        auto opened = CacheDatabase::open(dir.filePath(u"record.db"_s), QByteArray(32, 'k'));
        REQUIRE(opened.ok());
        db = std::move(opened.value());
        store = std::make_unique<ResourceStore>(db->database());
    }

    void put(const QString &type, const QString &id, const QByteArray &json, const QString &effective = {})
    {
        StoredResource r;
        r.type = type;
        r.id = id;
        r.versionId = u"1"_s;
        r.lastUpdated = u"2024-05-03T08:14:00Z"_s;
        r.effectiveDate = effective;
        r.json = json;
        REQUIRE(store->put(r).ok());
    }

    void loadBundle(const QString &name)
    {
        QFile f(QStringLiteral(DOMAIN_FIXTURES_DIR) + u'/' + name);
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QJsonArray entries = QJsonDocument::fromJson(f.readAll()).object().value("entry"_L1).toArray();
        REQUIRE(!entries.isEmpty());
        for (const QJsonValue &e : entries) {
            const QJsonObject o = e.toObject().value("resource"_L1).toObject();
            put(o.value("resourceType"_L1).toString(), o.value("id"_L1).toString(),
                QJsonDocument(o).toJson(QJsonDocument::Compact), effectiveDateOf(o));
        }
    }
};

template <typename T, typename F>
QStringList column(const QList<T> &list, F field)
{
    QStringList out;
    for (const T &e : list)
        out << field(e);
    return out;
}

} // namespace

TEST_CASE("PartialDate keeps the precision FHIR gave")
{
    CHECK(PartialDate::fromFhir(u"2019"_s).precision == PartialDate::Precision::Year);
    CHECK(PartialDate::fromFhir(u"2019-06"_s).precision == PartialDate::Precision::Month);
    const PartialDate day = PartialDate::fromFhir(u"2024-05-03T08:14:00+01:00"_s);
    CHECK(day.precision == PartialDate::Precision::Day);
    CHECK(day.date == QDate(2024, 5, 3));
    CHECK_FALSE(PartialDate::fromFhir(u""_s).isValid());
    CHECK_FALSE(PartialDate::fromFhir(u"yesterday"_s).isValid());
    CHECK_FALSE(PartialDate::fromFhir(u"2024-13-40"_s).isValid());
}

TEST_CASE("patient summary reads the official name and formats the NHS number")
{
    Fixture f;
    f.loadBundle(u"record-bundle.json"_s);
    RecordRepository repo(*f.store);
    const auto p = repo.patient();
    REQUIRE(p.ok());
    CHECK(p->givenName == u"Sarah"_s);
    CHECK(p->familyName == u"Jones"_s);
    CHECK(p->fullName() == u"Sarah Jones"_s);
    CHECK(p->nhsNumber == u"943 476 5919"_s);
    CHECK(p->birthDate.date == QDate(1985, 4, 12));
}

TEST_CASE("patient() on an empty store is NotFound, summary() is empty")
{
    Fixture f;
    RecordRepository repo(*f.store);
    const auto p = repo.patient();
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().kind == Error::Kind::NotFound);
    const auto s = repo.summary();
    REQUIRE(s.ok());
    CHECK(s->isEmpty());
}

TEST_CASE("summary sorts and filters every section for the patient")
{
    Fixture f;
    f.loadBundle(u"record-bundle.json"_s);
    RecordRepository repo(*f.store);
    const auto s = repo.summary(0);
    REQUIRE(s.ok());

    SECTION("allergies: active first, withdrawn entries hidden, empty ones kept unnamed")
    {
        const QStringList names = column(s->allergies, [](const AllergyEntry &e) { return e.substance; });
        CHECK(names == QStringList{QString(), u"Allergy to penicillin"_s, u"Peanuts"_s});
        const AllergyEntry &pen = s->allergies.at(1);
        CHECK(pen.active);
        CHECK(pen.reaction == u"Skin rash"_s);
        CHECK(pen.severity == u"moderate"_s);
        CHECK_FALSE(s->allergies.at(2).active);
        CHECK(s->allergies.at(2).recorded.precision == PartialDate::Precision::Year);
    }

    SECTION("medicines: repeat, current, acute, past; issues of a repeat are not listed")
    {
        const QStringList ids = column(s->medicines, [](const MedicineEntry &e) { return e.id; });
        CHECK(ids == QStringList{u"med-metformin"_s, u"med-salbutamol-plan"_s, u"stmt-vitamin-d"_s,
                                 u"med-amoxicillin"_s, u"med-ramipril"_s});
        CHECK(s->medicines.at(0).kind == MedicineKind::Repeat);
        CHECK(s->medicines.at(1).dosage == u"Two puffs when needed"_s);
        CHECK(s->medicines.at(1).name == u"Salbutamol 100micrograms/dose inhaler"_s);
        CHECK(s->medicines.at(2).kind == MedicineKind::Current);
        CHECK(s->medicines.at(3).kind == MedicineKind::Acute);
        CHECK(s->medicines.at(4).kind == MedicineKind::Past);
        CHECK(s->medicines.at(4).status == u"stopped"_s);
    }

    SECTION("problems: active first, newest onset first")
    {
        const QStringList names = column(s->problems, [](const ProblemEntry &e) { return e.name; });
        CHECK(names == QStringList{u"High blood pressure"_s, u"Asthma"_s, u"Fractured left wrist"_s});
        CHECK(s->problems.at(0).onset.precision == PartialDate::Precision::Month);
        CHECK_FALSE(s->problems.at(2).active);
        CHECK(s->problems.at(2).onset.date == QDate(2015, 3, 2));
    }

    SECTION("immunisations: newest first, not-done hidden")
    {
        const QStringList names = column(s->immunisations, [](const ImmunisationEntry &e) { return e.vaccine; });
        CHECK(names == QStringList{u"Influenza vaccine"_s, u"COVID-19 vaccine"_s});
        CHECK(s->immunisations.at(0).date.date == QDate(2023, 10, 5));
    }

    SECTION("results: values, components, ranges and flags")
    {
        const QStringList ids = column(s->results, [](const ResultEntry &e) { return e.id; });
        REQUIRE(ids.size() == 7);
        CHECK(ids.mid(2) == QStringList{u"obs-haemoglobin"_s, u"obs-bp"_s, u"obs-hba1c"_s, u"obs-urine"_s,
                                        u"obs-egfr"_s});
        CHECK(ids.mid(0, 2).contains(u"obs-sodium"_s));
        CHECK(ids.mid(0, 2).contains(u"obs-potassium"_s));

        auto byId = [&](const QString &id) {
            return *std::find_if(s->results.cbegin(), s->results.cend(),
                                 [&](const ResultEntry &e) { return e.id == id; });
        };
        const ResultEntry sodium = byId(u"obs-sodium"_s);
        CHECK(sodium.name == u"Serum sodium level"_s);
        CHECK(sodium.valueText == u"141 mmol/L"_s);
        CHECK(sodium.flag == ResultFlag::Normal);
        REQUIRE(sodium.rangeLow.has_value());
        CHECK(*sodium.rangeLow == 133.0);
        CHECK(*sodium.rangeHigh == 146.0);
        CHECK(sodium.rangeUnit == u"mmol/L"_s);

        const ResultEntry potassium = byId(u"obs-potassium"_s);
        CHECK(potassium.valueText == u"5.9 mmol/L"_s);
        CHECK(potassium.flag == ResultFlag::High); // derived from the range

        CHECK(byId(u"obs-haemoglobin"_s).flag == ResultFlag::Low);
        CHECK(byId(u"obs-haemoglobin"_s).rangeText == u"115 to 165 g/L"_s);
        CHECK(byId(u"obs-bp"_s).valueText == u"128/82 mmHg"_s);
        CHECK(byId(u"obs-bp"_s).flag == ResultFlag::None);
        CHECK(byId(u"obs-hba1c"_s).flag == ResultFlag::High);
        CHECK(byId(u"obs-urine"_s).valueText == u"Negative"_s);
        CHECK(byId(u"obs-egfr"_s).valueText == u">90 mL/min/1.73m2"_s);
        CHECK(byId(u"obs-egfr"_s).flag == ResultFlag::None); // a comparator is not compared with the range
    }
}

TEST_CASE("summary limits the results to the newest N")
{
    Fixture f;
    f.loadBundle(u"record-bundle.json"_s);
    RecordRepository repo(*f.store);
    const auto s = repo.summary(3);
    REQUIRE(s.ok());
    REQUIRE(s->results.size() == 3);
    CHECK(s->results.at(2).id == u"obs-haemoglobin"_s);
    CHECK(s->problems.size() == 3); // other sections are not cut
}

TEST_CASE("resources with nothing usable become unnamed entries instead of failing")
{
    Fixture f;
    f.put(u"Condition"_s, u"broken"_s, QByteArray("{not json"));
    f.put(u"Observation"_s, u"bare"_s, QByteArray(R"({"resourceType":"Observation","id":"bare"})"));
    f.put(u"Immunization"_s, u"odd"_s,
          QByteArray(R"({"resourceType":"Immunization","vaccineCode":{"coding":[{"code":"x"}]},"occurrenceDateTime":42})"));
    f.put(u"MedicationRequest"_s, u"nomed"_s, QByteArray(R"({"resourceType":"MedicationRequest","dosageInstruction":"oops"})"));
    f.put(u"Patient"_s, u"p"_s, QByteArray(R"({"resourceType":"Patient","name":"not-an-array"})"));
    RecordRepository repo(*f.store);

    const auto s = repo.summary();
    REQUIRE(s.ok());
    REQUIRE(s->problems.size() == 1);
    CHECK(s->problems.at(0).name.isEmpty());
    CHECK(s->problems.at(0).active);
    REQUIRE(s->results.size() == 1);
    CHECK(s->results.at(0).name.isEmpty());
    CHECK(s->results.at(0).valueText.isEmpty());
    CHECK(s->results.at(0).flag == ResultFlag::None);
    REQUIRE(s->immunisations.size() == 1);
    CHECK(s->immunisations.at(0).vaccine.isEmpty());
    CHECK_FALSE(s->immunisations.at(0).date.isValid());
    REQUIRE(s->medicines.size() == 1);
    CHECK(s->medicines.at(0).name.isEmpty());
    CHECK(s->medicines.at(0).kind == MedicineKind::Acute);

    const auto p = repo.patient();
    REQUIRE(p.ok());
    CHECK(p->fullName().isEmpty());
    CHECK(p->nhsNumber.isEmpty());
}
