// Test results and trends, read from a real encrypted store filled through the sync indexer.
// Runs with TZ=Europe/London (set by CMake) for the time zone edges.
#include "support/CatchQt.h"

#include "ResultsParser.h"
#include "ResultsRepository.h"
#include "ResultsTestStore.h"
#include "TrendBuilder.h"
#include "TrendRepository.h"
#include "TrendUnits.h"

#include <QJsonArray>
#include <QSqlQuery>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(DOMAIN_FIXTURES_DIR "/") + QString::fromLatin1(name);
}

QList<ResultReport> allEntries(ResultsPager pager, int pageSize)
{
    QList<ResultReport> out;
    for (int guard = 0; guard < 1000 && !pager.atEnd(); ++guard) {
        auto page = pager.next(pageSize);
        REQUIRE(page.ok());
        out += page.value();
    }
    return out;
}

QStringList ids(const QList<ResultReport> &entries)
{
    QStringList out;
    for (const ResultReport &e : entries)
        out << e.id;
    return out;
}

const ObservationResult *findObs(const QList<ResultReport> &entries, const QString &id)
{
    for (const ResultReport &e : entries)
        for (const ObservationResult &o : e.observations)
            if (o.id == id)
                return &o;
    return nullptr;
}

QJsonObject quantity(double v, const QString &unit)
{
    return {{"value"_L1, v}, {"unit"_L1, unit}, {"system"_L1, "http://unitsofmeasure.org"_L1}, {"code"_L1, unit}};
}

QJsonObject coding(const QString &system, const QString &code)
{
    return {{"system"_L1, system}, {"code"_L1, code}};
}

QJsonObject observation(const QString &id, const QJsonArray &codings, const QString &when, double value, const QString &unit)
{
    return {{"resourceType"_L1, "Observation"_L1}, {"id"_L1, id}, {"status"_L1, "final"_L1},
            {"meta"_L1, QJsonObject{{"lastUpdated"_L1, "2024-07-01T09:00:00Z"_L1}}},
            {"code"_L1, QJsonObject{{"coding"_L1, codings}, {"text"_L1, "Creatinine"_L1}}},
            {"subject"_L1, QJsonObject{{"reference"_L1, "Patient/p1"_L1}}},
            {"effectiveDateTime"_L1, when}, {"valueQuantity"_L1, quantity(value, unit)}};
}

} // namespace

TEST_CASE("the results list: reports with their results, panels, single results, newest first")
{
    test::ResultsStore s;
    REQUIRE(s.ok());
    REQUIRE(s.loadBundle(fixture("results-bundle.json")) > 10);
    ResultsRepository repo(s.db->database());
    const QList<ResultReport> entries = allEntries(repo.pager(), 50);

    // The comment note, the withdrawn result and the report's own results are not entries.
    CHECK(ids(entries) == QStringList{u"obs-bp"_s, u"dr-fbc"_s, u"obs-urine"_s, u"obs-covid"_s, u"obs-ecg"_s,
                                      u"dr-hba1c"_s, u"obs-cancelled"_s, u"obs-bp-snomed"_s, u"obs-lipids"_s, u"obs-k"_s});
    CHECK(findObs(entries, u"obs-note"_s) == nullptr);
    CHECK(findObs(entries, u"obs-eie"_s) == nullptr);

    const ResultReport &fbc = entries.at(1);
    CHECK(fbc.kind == ResultReport::Kind::Report);
    CHECK(fbc.name == u"Full blood count"_s);
    CHECK(fbc.conclusion.startsWith(u"White cell count"_s));
    CHECK(fbc.performer == u"Riverside Pathology"_s);
    REQUIRE(fbc.observations.size() == 2);
    CHECK(fbc.missingResults == 1);   // referenced, but not released to the app
    const ObservationResult &wbc = fbc.observations.at(1);
    CHECK(wbc.value.number == 11.8);
    CHECK(wbc.value.unit == u"10*9/L"_s);
    CHECK(wbc.range.low == 4.0);
    CHECK(wbc.range.high == 11.0);
    CHECK(wbc.flag == ResultFlag::High);
    CHECK(wbc.interpretationCode == u"H"_s);

    const ResultReport &lipids = entries.at(8);
    CHECK(lipids.kind == ResultReport::Kind::Panel);
    REQUIRE(lipids.observations.size() == 2);
    CHECK(lipids.observations.at(0).flag == ResultFlag::High);   // HH from HL7 v3
    CHECK(lipids.observations.at(1).range.low == 1.2);
    CHECK(!lipids.observations.at(1).range.high.has_value());
}

TEST_CASE("each kind of value, flag and status is read as sent")
{
    test::ResultsStore s;
    REQUIRE(s.loadBundle(fixture("results-bundle.json")) > 10);
    const QList<ResultReport> entries = allEntries(ResultsRepository(s.db->database()).pager(), 3);

    const ObservationResult *urine = findObs(entries, u"obs-urine"_s);
    REQUIRE(urine);
    CHECK(urine->value.kind == ResultValue::Kind::Text);
    CHECK(urine->value.text == u"Negative"_s);
    CHECK(urine->range.text == u"Negative"_s);
    CHECK(urine->status == u"amended"_s);

    const ObservationResult *covid = findObs(entries, u"obs-covid"_s);
    REQUIRE(covid);
    CHECK(covid->value.kind == ResultValue::Kind::Concept);
    CHECK(covid->value.text == u"Detected"_s);
    CHECK(covid->flag == ResultFlag::Abnormal);   // POS
    CHECK(covid->status == u"corrected"_s);

    const ObservationResult *ecg = findObs(entries, u"obs-ecg"_s);
    REQUIRE(ecg);
    CHECK(ecg->value.kind == ResultValue::Kind::Unsupported);
    CHECK(ecg->value.unsupportedType == u"valueSampledData"_s);

    const ObservationResult *hba1c = findObs(entries, u"obs-hba1c"_s);
    REQUIRE(hba1c);
    CHECK(hba1c->flag == ResultFlag::High);   // no interpretation sent: compared with the range
    CHECK(hba1c->status == u"preliminary"_s);
    CHECK(hba1c->effective.date.precision == PartialDate::Precision::Day);
    CHECK(!hba1c->effective.hasTime());

    const ObservationResult *k = findObs(entries, u"obs-k"_s);
    REQUIRE(k);
    CHECK(k->value.comparator == u"<"_s);
    CHECK(k->flag == ResultFlag::Low);

    const ObservationResult *cancelled = findObs(entries, u"obs-cancelled"_s);
    REQUIRE(cancelled);
    CHECK(cancelled->status == u"cancelled"_s);
    CHECK(cancelled->value.kind == ResultValue::Kind::None);

    const ObservationResult *bp = findObs(entries, u"obs-bp"_s);
    REQUIRE(bp);
    REQUIRE(bp->components.size() == 2);
    CHECK(bp->components.at(0).value.number == 128);
    CHECK(bp->components.at(1).value.number == 82);
    CHECK(bp->flag == ResultFlag::Normal);
}

TEST_CASE("dates with an offset are shown in local time; date-only values never shift")
{
    REQUIRE(qEnvironmentVariable("TZ") == u"Europe/London"_s);
    // 23:30 UTC on 1 June is 00:30 on 2 June in British Summer Time.
    const FhirDateTime summer = FhirDateTime::fromFhir(u"2024-06-01T23:30:00Z"_s);
    CHECK(summer.hasTime());
    CHECK(summer.date.date == QDate(2024, 6, 2));
    CHECK(summer.local.time() == QTime(0, 30));
    // In winter London is UTC: the date stays.
    const FhirDateTime winter = FhirDateTime::fromFhir(u"2024-01-31T23:30:00Z"_s);
    CHECK(winter.date.date == QDate(2024, 1, 31));
    // An offset east of London moves the other way: 00:30 +02:00 is 23:30 the day before (BST).
    const FhirDateTime east = FhirDateTime::fromFhir(u"2024-06-02T00:30:00+02:00"_s);
    CHECK(east.date.date == QDate(2024, 6, 1));
    CHECK(east.local.time() == QTime(23, 30));
    const FhirDateTime day = FhirDateTime::fromFhir(u"2024-06-01"_s);
    CHECK(day.date.date == QDate(2024, 6, 1));
    CHECK(!day.hasTime());
    CHECK(FhirDateTime::fromFhir(u"2019"_s).date.precision == PartialDate::Precision::Year);
    CHECK(!FhirDateTime::fromFhir(u"not a date"_s).isValid());
}

TEST_CASE("paging never repeats or loses an entry, whatever the page size")
{
    test::ResultsStore s;
    REQUIRE(s.loadBundle(fixture("results-bundle.json")) > 10);
    ResultsRepository repo(s.db->database());
    const QStringList expected = ids(allEntries(repo.pager(), 100));
    for (int size : {1, 2, 3, 7})
        CHECK(ids(allEntries(repo.pager(), size)) == expected);
}

TEST_CASE("a report claims its results even when many standalone results lie between them")
{
    test::ResultsStore s;
    // 200 standalone results on later days, then one report whose result is dated the same day
    // as the report but stored first (read before the report in the observation stream).
    for (int i = 0; i < 200; ++i)
        REQUIRE(s.put(observation(u"later-%1"_s.arg(i), QJsonArray{coding(u"http://loinc.org"_s, u"14682-9"_s)},
                                  QDate(2024, 1, 1).addDays(i).toString(Qt::ISODate) + u"T09:00:00Z"_s, 70, u"umol/L"_s)));
    REQUIRE(s.put(observation(u"inside"_s, QJsonArray{coding(u"http://loinc.org"_s, u"2951-2"_s)},
                              u"2023-06-01T09:00:00Z"_s, 140, u"mmol/L"_s)));
    REQUIRE(s.put(QJsonObject{{"resourceType"_L1, "DiagnosticReport"_L1}, {"id"_L1, "dr"_L1}, {"status"_L1, "final"_L1},
                              {"meta"_L1, QJsonObject{{"lastUpdated"_L1, "2024-07-01T09:00:00Z"_L1}}},
                              {"effectiveDateTime"_L1, "2023-06-01T08:00:00Z"_L1},
                              {"result"_L1, QJsonArray{QJsonObject{{"reference"_L1, "Observation/inside"_L1}}}}}));
    const QList<ResultReport> entries = allEntries(ResultsRepository(s.db->database()).pager(), 10);
    REQUIRE(entries.size() == 201);
    CHECK(entries.last().id == u"dr"_s);
    REQUIRE(entries.last().observations.size() == 1);
    CHECK(!ids(entries).contains(u"inside"_s));
}

TEST_CASE("an empty store gives no entries; a missing entry is NotFound")
{
    test::ResultsStore s;
    REQUIRE(s.ok());
    ResultsRepository repo(s.db->database());
    ResultsPager pager = repo.pager();
    auto page = pager.next(50);
    REQUIRE(page.ok());
    CHECK(page->isEmpty());
    CHECK(pager.atEnd());
    auto missing = repo.entry(u"DiagnosticReport"_s, u"nope"_s);
    REQUIRE(!missing.ok());
    CHECK(missing.error().kind == Error::Kind::NotFound);
}

TEST_CASE("a store that cannot be read gives an error value, not an empty list")
{
    test::ResultsStore s;
    REQUIRE(s.ok());
    QSqlDatabase db = s.db->database();
    REQUIRE(QSqlQuery(db).exec(u"DROP TABLE resources"_s));
    ResultsPager pager = ResultsRepository(db).pager();
    auto page = pager.next(10);
    CHECK(!page.ok());
    CHECK(page.error().kind == Error::Kind::Storage);
}

TEST_CASE("units: exact conversions only between prefixes of the same quantity")
{
    using trend::conversionFactor;
    CHECK(conversionFactor(u"mmol/L"_s, u"mmol/L"_s) == 1.0);
    CHECK(conversionFactor(u"mmol/L"_s, u"umol/L"_s) == Approx(1000));
    CHECK(conversionFactor(u"umol/L"_s, u"mmol/L"_s) == Approx(0.001));
    CHECK(conversionFactor(u"g/L"_s, u"g/dL"_s) == Approx(0.1));
    CHECK(conversionFactor(u"mg/dL"_s, u"g/L"_s) == Approx(0.01));
    CHECK(conversionFactor(u"10*9/L"_s, u"10*6/mL"_s) == Approx(1));
    CHECK(conversionFactor(u"kg"_s, u"g"_s) == Approx(1000));
    CHECK(conversionFactor(u"mmol/l"_s, u"mmol/L"_s) == Approx(1));
    // Different quantities, or a conversion that needs a molar mass or a formula: never.
    CHECK(!conversionFactor(u"mg/dL"_s, u"mmol/L"_s));
    CHECK(!conversionFactor(u"%"_s, u"mmol/mol"_s));
    CHECK(!conversionFactor(u"mL/min/{1.73_m2}"_s, u"mL/min"_s));
    CHECK(!conversionFactor(u"[lb_av]"_s, u"kg"_s));
    CHECK(!conversionFactor(u"mmol/L"_s, u""_s));
}

TEST_CASE("trends group by code, convert exact units and keep the rest apart")
{
    test::ResultsStore s;
    const QString loinc = u"http://loinc.org"_s;
    const QString snomed = u"http://snomed.info/sct"_s;
    // Creatinine: LOINC only, SNOMED only, both ways; umol/L and mmol/L (exact) and mg/dL (not).
    REQUIRE(s.put(observation(u"c1"_s, QJsonArray{coding(loinc, u"14682-9"_s)}, u"2020-01-01T09:00:00Z"_s, 70, u"umol/L"_s)));
    REQUIRE(s.put(observation(u"c2"_s, QJsonArray{coding(snomed, u"113075003"_s)}, u"2021-01-01T09:00:00Z"_s, 0.075, u"mmol/L"_s)));
    REQUIRE(s.put(observation(u"c3"_s, QJsonArray{coding(snomed, u"113075003"_s), coding(loinc, u"14682-9"_s)},
                              u"2022-01-01T09:00:00Z"_s, 80, u"umol/L"_s)));
    REQUIRE(s.put(observation(u"c4"_s, QJsonArray{coding(loinc, u"14682-9"_s)}, u"2019-01-01T09:00:00Z"_s, 0.9, u"mg/dL"_s)));
    // Same display text, different code: must not join.
    REQUIRE(s.put(observation(u"other"_s, QJsonArray{coding(loinc, u"2160-0"_s)}, u"2022-06-01T09:00:00Z"_s, 1, u"umol/L"_s)));

    TrendRepository trends(s.db->database());
    auto series = trends.trendFor(u"c1"_s);
    REQUIRE(series.ok());
    CHECK(series->unit == u"umol/L"_s);                  // the newest result's unit
    REQUIRE(series->points.size() == 3);
    CHECK(series->points.at(0).observationId == u"c1"_s);   // oldest first
    CHECK(series->points.at(1).value == Approx(75));        // 0.075 mmol/L
    CHECK(series->points.at(2).value == Approx(80));
    CHECK(series->convertedCount == 1);
    REQUIRE(series->separate.size() == 1);
    CHECK(series->separate.at(0).reason == TrendSeparateGroup::Reason::DifferentUnit);
    CHECK(series->separate.at(0).unit == u"mg/dL"_s);
    CHECK(series->separate.at(0).count == 1);
    // Starting from the SNOMED-only result finds the same series through the result coded both ways.
    auto fromSnomed = trends.trendFor(u"c2"_s);
    REQUIRE(fromSnomed.ok());
    CHECK(fromSnomed->points.size() == 3);
}

TEST_CASE("blood pressure coded either way is one series with two lines")
{
    test::ResultsStore s;
    REQUIRE(s.loadBundle(fixture("results-bundle.json")) > 10);
    auto series = TrendRepository(s.db->database()).trendFor(u"obs-bp-snomed"_s);
    REQUIRE(series.ok());
    CHECK(series->bloodPressure);
    REQUIRE(series->points.size() == 2);
    CHECK(series->points.at(0).value == 150);
    CHECK(series->points.at(0).value2 == 92.0);
    CHECK(series->points.at(1).value == 128);
    CHECK(series->points.at(1).value2 == 82.0);
    CHECK(series->range.low == 90.0);
    CHECK(series->range.high == 140.0);   // the latest result's (systolic) range
    CHECK(series->range2.high == 90.0);
}

TEST_CASE("buildSeries takes the latest range and counts results without a number")
{
    ObservationResult a;
    a.id = u"a"_s;
    a.codes = {{u"http://loinc.org"_s, u"59261-8"_s}};
    a.value.kind = ResultValue::Kind::Quantity;
    a.value.number = 40;
    a.value.unit = a.value.unitCode = u"mmol/mol"_s;
    a.range.high = 41;
    a.range.unit = a.range.unitCode = u"mmol/mol"_s;
    a.effective = FhirDateTime::fromFhir(u"2020-01-01"_s);
    a.status = u"final"_s;
    ObservationResult b = a;
    b.id = u"b"_s;
    b.value.number = 52;
    b.range.high = 42;
    b.effective = FhirDateTime::fromFhir(u"2021-01-01"_s);
    ObservationResult c = a;
    c.id = u"c"_s;
    c.value = {};
    c.value.kind = ResultValue::Kind::Text;
    c.value.text = u"Sample haemolysed"_s;
    c.effective = FhirDateTime::fromFhir(u"2022-01-01"_s);
    ObservationResult d = a;
    d.id = u"d"_s;
    d.value.number = 6.1;
    d.value.unit = d.value.unitCode = u"%"_s;
    d.effective = FhirDateTime::fromFhir(u"2019-01-01"_s);

    const TrendSeries s = trend::buildSeries({a, b, c, d});
    REQUIRE(s.points.size() == 2);
    CHECK(s.range.high == 42.0);
    CHECK(s.separate.size() == 2);
    CHECK(trend::buildSeries({}).points.isEmpty());
}
