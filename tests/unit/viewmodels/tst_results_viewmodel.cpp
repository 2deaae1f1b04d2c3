// The test results view-models over a real encrypted store: golden snapshot of the list, the four
// states, paging, the detail page and the trend's accessible table. TZ=Europe/London (CMake).
// Regenerate the golden file with HEARTH_UPDATE_GOLDEN=1 and review the diff.
#include "support/CatchQt.h"

#include "ResultsRepository.h"
#include "ResultsViewModel.h"
#include "ResultsViewModelDetail.h"
#include "ResultsViewModelText.h"
#include "TrendModel.h"
#include "TrendRepository.h"
#include "domain/ResultsTestStore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QLocale>
#include <QSignalSpy>
#include <QSqlQuery>

#include <cmath>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

struct Loaded {
    test::ResultsStore store;
    std::unique_ptr<ResultsRepository> results;
    std::unique_ptr<TrendRepository> trends;
    ResultsViewModel model;

    explicit Loaded(bool withFixture = true)
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        REQUIRE(store.ok());
        if (withFixture)
            REQUIRE(store.loadBundle(QStringLiteral(DOMAIN_FIXTURES_DIR "/results-bundle.json")) > 10);
        results = std::make_unique<ResultsRepository>(store.db->database());
        trends = std::make_unique<TrendRepository>(store.db->database());
    }
    void attach() { model.setRepositories(results.get(), trends.get()); }
};

QVariantMap rowOf(const ResultsViewModel &m, const QString &observationId)
{
    for (int i = 0; i < m.rowCount(); ++i)
        for (const QVariant &r : m.entry(i).value(u"rows"_s).toList())
            if (r.toMap().value(u"observationId"_s) == observationId)
                return r.toMap();
    return {};
}

} // namespace

TEST_CASE("results list matches the golden snapshot")
{
    Loaded l;
    QAbstractItemModelTester tester(&l.model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    l.attach();
    REQUIRE(l.model.status() == ResultsViewModel::Content);
    const QString snapshot = l.model.snapshot();
    const QString path = QStringLiteral(VIEWMODEL_GOLDEN_DIR "/results-list.txt");
    if (qEnvironmentVariableIsSet("HEARTH_UPDATE_GOLDEN")) {
        QFile out(path);
        REQUIRE(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(snapshot.toUtf8());
    }
    QFile golden(path);
    REQUIRE(golden.open(QIODevice::ReadOnly));
    CHECK(snapshot == QString::fromUtf8(golden.readAll()));
}

TEST_CASE("rows say the flag in words, with a colour role, and keep the source's value and status")
{
    Loaded l;
    l.attach();
    const QVariantMap wbc = rowOf(l.model, u"obs-wbc"_s);
    CHECK(wbc.value(u"valueText"_s) == u"11.8 ×10⁹/L"_s);
    CHECK(wbc.value(u"rangeText"_s) == u"4 to 11 ×10⁹/L"_s);
    CHECK(wbc.value(u"flagText"_s) == u"High"_s);
    CHECK(wbc.value(u"colourRole"_s) == u"alert"_s);
    CHECK(wbc.value(u"dateText"_s) == u"3 May 2024"_s);
    CHECK(wbc.value(u"canTrend"_s).toBool());
    const QVariantMap k = rowOf(l.model, u"obs-k"_s);
    CHECK(k.value(u"valueText"_s) == u"less than 3.2 mmol/L"_s);
    CHECK(k.value(u"flagText"_s) == u"Low"_s);
    const QVariantMap covid = rowOf(l.model, u"obs-covid"_s);
    CHECK(covid.value(u"flagText"_s) == u"Outside the usual range"_s);
    CHECK(covid.value(u"statusText"_s) == u"Corrected"_s);
    const QVariantMap ecg = rowOf(l.model, u"obs-ecg"_s);
    CHECK(ecg.value(u"valueText"_s) == u"This entry can't be shown here"_s);
    CHECK(ecg.value(u"unsupported"_s).toBool());
    CHECK(!ecg.value(u"canTrend"_s).toBool());
    const QVariantMap bp = rowOf(l.model, u"obs-bp"_s);
    CHECK(bp.value(u"valueText"_s) == u"128/82 mmHg"_s);
    CHECK(bp.value(u"dateText"_s) == u"2 June 2024"_s);   // 23:30 UTC on 1 June, in BST
    CHECK(bp.value(u"timeText"_s) == u"00:30"_s);
    CHECK(bp.value(u"canTrend"_s).toBool());
    const QVariantMap hba1c = rowOf(l.model, u"obs-hba1c"_s);
    CHECK(hba1c.value(u"statusText"_s) == u"Preliminary – this may change"_s);
    CHECK(hba1c.value(u"accessibleText"_s).toString().contains(u"High"_s));
}

TEST_CASE("empty, error and loading states")
{
    SECTION("no results")
    {
        Loaded l(false);
        l.attach();
        CHECK(l.model.status() == ResultsViewModel::Empty);
        CHECK(l.model.rowCount() == 0);
        CHECK(!l.model.emptyText().isEmpty());
    }
    SECTION("a store that cannot be read")
    {
        Loaded l;
        REQUIRE(QSqlQuery(l.store.db->database()).exec(u"DROP TABLE resources"_s));
        l.attach();
        CHECK(l.model.status() == ResultsViewModel::Error);
        CHECK(l.model.errorText().contains(u"try again"_s, Qt::CaseInsensitive));
        CHECK(!l.model.openEntry(u"DiagnosticReport"_s, u"dr-fbc"_s));
        CHECK(l.model.detailModel()->status() == 2);
    }
    SECTION("a later page that cannot be read keeps what is shown and offers to try again")
    {
        // More observations than the pager reads ahead, so a later page needs the store.
        QJsonArray entries;
        for (int i = 0; i < 300; ++i) {
            const QJsonObject obs{
                {u"resourceType"_s, u"Observation"_s}, {u"id"_s, u"obs-many-%1"_s.arg(i)},
                {u"status"_s, u"final"_s}, {u"subject"_s, QJsonObject{{u"reference"_s, u"Patient/p1"_s}}},
                {u"code"_s, QJsonObject{{u"coding"_s, QJsonArray{QJsonObject{{u"system"_s, u"http://loinc.org"_s},
                                                                              {u"code"_s, u"2823-3"_s},
                                                                              {u"display"_s, u"Potassium"_s}}}}}},
                {u"effectiveDateTime"_s, QDate(2020, 1, 1).addDays(i).toString(Qt::ISODate)},
                {u"valueQuantity"_s, QJsonObject{{u"value"_s, 4.1}, {u"unit"_s, u"mmol/L"_s}}}};
            entries.append(QJsonObject{{u"resource"_s, obs}});
        }
        QTemporaryDir dir;
        QFile bundle(dir.filePath(u"many.json"_s));
        REQUIRE(bundle.open(QIODevice::WriteOnly));
        bundle.write(QJsonDocument(QJsonObject{{u"resourceType"_s, u"Bundle"_s}, {u"entry"_s, entries}}).toJson());
        bundle.close();
        Loaded l(false);
        REQUIRE(l.store.loadBundle(bundle.fileName()) == 300);
        l.model.setPageSize(2);
        l.attach();
        REQUIRE(l.model.status() == ResultsViewModel::Content);
        REQUIRE(l.model.canLoadMore());
        REQUIRE(QSqlQuery(l.store.db->database()).exec(u"DROP TABLE resources"_s));
        // Pages already read ahead still arrive; the first one that needs the store fails.
        int shown = l.model.rowCount();
        for (int i = 0; i < 100 && l.model.canLoadMore(); ++i) {
            shown = l.model.rowCount();
            l.model.loadMore();
        }
        CHECK(l.model.status() == ResultsViewModel::Content);
        CHECK(l.model.rowCount() == shown);
        CHECK(!l.model.loadMoreError().isEmpty());
        CHECK(!l.model.canLoadMore());   // no hot retry loop from the view's fetchMore
    }
    SECTION("signed out, then a refresh keeps the rows")
    {
        Loaded l;
        CHECK(l.model.status() == ResultsViewModel::Loading);
        l.attach();
        const int rows = l.model.rowCount();
        l.model.setLoading();
        CHECK(l.model.status() == ResultsViewModel::Loading);
        CHECK(l.model.rowCount() == rows);
        l.model.setRepositories(nullptr, nullptr);
        CHECK(l.model.rowCount() == 0);
    }
    SECTION("updated text")
    {
        Loaded l;
        QSignalSpy spy(&l.model, &ResultsViewModel::updatedTextChanged);
        l.model.setUpdatedText(u"Updated 3 minutes ago"_s);
        CHECK(l.model.updatedText() == u"Updated 3 minutes ago"_s);
        CHECK(spy.count() == 1);
    }
}

TEST_CASE("fetchMore pages through every entry once")
{
    Loaded l;
    QAbstractItemModelTester tester(&l.model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    l.model.setPageSize(3);
    l.attach();
    CHECK(l.model.rowCount() == 3);
    int guard = 0;
    while (l.model.canFetchMore({}) && ++guard < 50)
        l.model.fetchMore({});
    CHECK(l.model.rowCount() == 10);
    QStringList ids;
    for (int i = 0; i < l.model.rowCount(); ++i)
        ids << l.model.entry(i).value(u"entryId"_s).toString();
    ids.removeDuplicates();
    CHECK(ids.size() == 10);
}

TEST_CASE("the detail of a report")
{
    Loaded l;
    l.attach();
    REQUIRE(l.model.openEntry(u"DiagnosticReport"_s, u"dr-fbc"_s));
    ResultsDetailModel *d = l.model.detailModel();
    CHECK(d->status() == 3);
    CHECK(d->title() == u"Full blood count"_s);
    CHECK(d->dateText() == u"3 May 2024 at 08:14"_s);
    CHECK(d->conclusion().startsWith(u"White cell count"_s));
    CHECK(d->performer() == u"Riverside Pathology"_s);
    CHECK(d->missingText() == u"1 result in this report is not available in the app."_s);
    REQUIRE(d->rowCount() == 2);
    CHECK(d->row(1).value(u"flagText"_s) == u"High"_s);
    CHECK(d->data(d->index(0), ResultsDetailModel::ValueTextRole).toString() == u"128 g/L"_s);
    CHECK(!l.model.openEntry(u"Observation"_s, u"obs-note"_s));   // a consultation note is not a result
    CHECK(d->status() == 2);
}

TEST_CASE("the blood pressure trend: two lines, a range band, and a table row for every point")
{
    Loaded l;
    l.attach();
    REQUIRE(l.model.openTrend(u"obs-bp"_s));
    TrendModel *t = l.model.trendModel();
    QAbstractItemModelTester tester(t, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(t->twoLines());
    CHECK(t->rowCount() == 2);
    CHECK(t->unitText() == u"mmHg"_s);
    CHECK(t->hasRange());
    CHECK(t->rangeLow() == 90);
    CHECK(t->rangeHigh() == 140);
    CHECK(t->minValue() == 82);
    CHECK(t->maxValue() == 150);
    CHECK(t->tableText(0) == u"1 December 2023: 150/92 mmHg, high"_s);
    CHECK(t->tableText(1) == u"2 June 2024: 128/82 mmHg, normal"_s);
    CHECK(!t->line2Name().isEmpty());
}

TEST_CASE("a 500-point trend lists every point in its accessible table")
{
    TrendSeries s;
    s.name = u"HbA1c"_s;
    s.unit = s.unitCode = u"mmol/mol"_s;
    s.range.low = 20;
    s.range.high = 41;
    for (int i = 0; i < 500; ++i) {
        TrendPoint p;
        p.observationId = u"o%1"_s.arg(i);
        p.date = FhirDateTime::fromFhir(QDate(2000, 1, 1).addDays(i * 10).toString(Qt::ISODate));
        p.value = 30 + (i % 30);
        p.flag = p.value > 41 ? ResultFlag::High : ResultFlag::Normal;
        p.status = u"final"_s;
        s.points << p;
    }
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    TrendModel t;
    t.setSeries(s);
    REQUIRE(t.rowCount() == 500);
    for (int i = 0; i < 500; ++i) {
        const QString row = t.data(t.index(i), TrendModel::TableTextRole).toString();
        CHECK(row.startsWith(t.data(t.index(i), TrendModel::DateTextRole).toString() + u": "_s));
        CHECK(row.contains(ResultsText::number(s.points.at(i).value) + u" mmol/mol"_s));
    }
    CHECK(t.data(t.index(12), TrendModel::TableTextRole).toString() == u"30 April 2000: 42 mmol/mol, high"_s);
    CHECK(std::isnan(t.data(t.index(0), TrendModel::Value2Role).toDouble()));
    CHECK(t.minValue() == 20);
    CHECK(t.maxValue() == 59);
}

TEST_CASE("a trend that cannot be read shows the error state")
{
    Loaded l;
    l.attach();
    CHECK(!l.model.openTrend(u"no-such-result"_s));
    CHECK(l.model.trendModel()->status() == 2);
    CHECK(!l.model.trendModel()->errorText().isEmpty());
}

TEST_CASE("the roles QML delegates require are the models' role names")
{
    // ResultsSection.qml, ResultDetailPage.qml and TrendChartTable.qml declare these as required
    // properties: a missing role would leave a delegate empty at run time, which the fakes can't show.
    auto names = [](const QAbstractItemModel &m) {
        QStringList out;
        for (const QByteArray &n : m.roleNames())
            out << QString::fromLatin1(n);
        return out;
    };
    ResultsViewModel list;
    for (const char *role : {"entryId", "resourceType", "title", "dateText", "summaryText", "statusCode", "statusText",
                             "flag", "flagText", "accessibleText"})
        CHECK(names(list).contains(QLatin1StringView(role)));
    ResultsDetailModel detail;
    for (const char *role : {"observationId", "title", "valueText", "rangeText", "flag", "flagText", "dateText",
                             "statusCode", "statusText", "canTrend", "unsupported", "unsupportedText", "note",
                             "accessibleText"})
        CHECK(names(detail).contains(QLatin1StringView(role)));
    TrendModel trend;
    for (const char *role : {"dateText", "valueText", "flagText", "flag", "tableText"})
        CHECK(names(trend).contains(QLatin1StringView(role)));
}
