#include "ResultsBench.h"

#include "ResultsRepository.h"
#include "ResultsViewModel.h"
#include "TrendModel.h"
#include "TrendRepository.h"
#include "fhir/BundleReader.h"
#include "store/CacheDatabase.h"
#include "store/ResourceStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

namespace hearth::bench {

using namespace Qt::StringLiterals;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

QJsonObject coding(const char *system, const char *code, const char *display)
{
    return {{"system"_L1, QLatin1StringView(system)}, {"code"_L1, QLatin1StringView(code)}, {"display"_L1, QLatin1StringView(display)}};
}

QJsonObject quantity(double v, const char *unit)
{
    return {{"value"_L1, v}, {"unit"_L1, QLatin1StringView(unit)}, {"system"_L1, "http://unitsofmeasure.org"_L1},
            {"code"_L1, QLatin1StringView(unit)}};
}

struct Test {
    const char *loinc;
    const char *name;
    const char *unit;
    double low, high;
};

const Test kTests[] = {{"718-7", "Haemoglobin", "g/L", 115, 165},   {"6690-2", "White blood cell count", "10*9/L", 4, 11},
                       {"2951-2", "Serum sodium", "mmol/L", 133, 146}, {"2823-3", "Serum potassium", "mmol/L", 3.5, 5.3},
                       {"14682-9", "Serum creatinine", "umol/L", 45, 84}, {"14647-2", "Total cholesterol", "mmol/L", 0, 5}};

// A deterministic record: 500 HbA1c results, the rest lab reports of 3 results and blood pressures.
class Record {
public:
    bool build(int observations, QString *error)
    {
        auto db = CacheDatabase::open(m_dir.filePath(u"bench.db"_s), QByteArray(32, 'b'));
        if (!db) {
            *error = db.error().describe();
            return false;
        }
        m_db = std::move(db).value();
        ResourceStore store(m_db->database());
        BundleReader reader;
        QRandomGenerator rng(9);
        QSqlDatabase sql = m_db->database();
        sql.transaction();
        int made = 0;
        int seq = 0;
        const QDateTime start(QDate(2006, 1, 1), QTime(9, 0), Qt::UTC);
        auto put = [&](const QJsonObject &o) {
            auto r = reader.readResource(QJsonDocument(o).toJson(QJsonDocument::Compact));
            return r && store.put(r.value()).ok();
        };
        auto observation = [&](const QString &id, const QJsonObject &code, const QDateTime &when) {
            return QJsonObject{{"resourceType"_L1, "Observation"_L1}, {"id"_L1, id}, {"status"_L1, "final"_L1},
                               {"meta"_L1, QJsonObject{{"lastUpdated"_L1, when.addSecs(3600).toString(Qt::ISODate)}}},
                               {"code"_L1, code}, {"subject"_L1, QJsonObject{{"reference"_L1, "Patient/p"_L1}}},
                               {"effectiveDateTime"_L1, when.toString(Qt::ISODate)}};
        };
        const qint64 spanSecs = start.secsTo(QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC));
        for (int i = 0; i < 500; ++i) {
            const QDateTime when = start.addSecs(spanSecs / 500 * i);
            QJsonObject o = observation(u"hba1c-%1"_s.arg(i), QJsonObject{{"coding"_L1, QJsonArray{coding("http://loinc.org", "59261-8", "HbA1c")}}, {"text"_L1, "HbA1c"_L1}}, when);
            const double v = 36 + rng.bounded(20);
            o.insert("valueQuantity"_L1, quantity(v, "mmol/mol"));
            o.insert("referenceRange"_L1, QJsonArray{QJsonObject{{"low"_L1, quantity(20, "mmol/mol")}, {"high"_L1, quantity(41, "mmol/mol")}}});
            if (!put(o))
                return fail(error);
            if (m_hba1c.isEmpty())
                m_hba1c = o.value("id"_L1).toString();
            ++made;
        }
        while (made < observations) {
            const QDateTime when = start.addSecs(qint64(rng.bounded(quint32(spanSecs))));
            if (rng.bounded(4) == 0) {   // a blood pressure reading, standalone
                QJsonObject o = observation(u"bp-%1"_s.arg(++seq), QJsonObject{{"coding"_L1, QJsonArray{coding("http://loinc.org", "85354-9", "Blood pressure panel"), coding("http://snomed.info/sct", "75367002", "Blood pressure")}}, {"text"_L1, "Blood pressure"_L1}}, when);
                o.insert("component"_L1, QJsonArray{QJsonObject{{"code"_L1, QJsonObject{{"coding"_L1, QJsonArray{coding("http://loinc.org", "8480-6", "Systolic")}}}}, {"valueQuantity"_L1, quantity(110 + rng.bounded(40), "mm[Hg]")}},
                                                    QJsonObject{{"code"_L1, QJsonObject{{"coding"_L1, QJsonArray{coding("http://loinc.org", "8462-4", "Diastolic")}}}}, {"valueQuantity"_L1, quantity(70 + rng.bounded(20), "mm[Hg]")}}});
                if (!put(o))
                    return fail(error);
                ++made;
                continue;
            }
            QJsonArray refs;
            for (int k = 0; k < 3; ++k) {
                const Test &t = kTests[rng.bounded(int(std::size(kTests)))];
                const QString id = u"lab-%1"_s.arg(++seq);
                QJsonObject o = observation(id, QJsonObject{{"coding"_L1, QJsonArray{coding("http://loinc.org", t.loinc, t.name)}}, {"text"_L1, QLatin1StringView(t.name)}}, when);
                o.insert("valueQuantity"_L1, quantity(t.low + rng.bounded(100) / 100.0 * (t.high - t.low) * 1.2, t.unit));
                o.insert("referenceRange"_L1, QJsonArray{QJsonObject{{"low"_L1, quantity(t.low, t.unit)}, {"high"_L1, quantity(t.high, t.unit)}}});
                if (!put(o))
                    return fail(error);
                refs.append(QJsonObject{{"reference"_L1, u"Observation/"_s + id}});
                ++made;
            }
            const QJsonObject report{{"resourceType"_L1, "DiagnosticReport"_L1}, {"id"_L1, u"dr-%1"_s.arg(++seq)}, {"status"_L1, "final"_L1},
                                     {"meta"_L1, QJsonObject{{"lastUpdated"_L1, when.addSecs(7200).toString(Qt::ISODate)}}},
                                     {"code"_L1, QJsonObject{{"text"_L1, "Blood tests"_L1}}}, {"effectiveDateTime"_L1, when.toString(Qt::ISODate)},
                                     {"result"_L1, refs}};
            if (!put(report))
                return fail(error);
        }
        if (!sql.commit()) {
            *error = u"commit failed"_s;
            return false;
        }
        m_count = made;
        return true;
    }

    QSqlDatabase database() const { return m_db->database(); }
    QString hba1c() const { return m_hba1c; }
    int count() const { return m_count; }

private:
    bool fail(QString *error)
    {
        *error = u"could not store the bench record"_s;
        return false;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<CacheDatabase> m_db;
    QString m_hba1c;
    int m_count = 0;
};

template <typename F>
ResultsFigure timed(int runs, bool warmUp, F &&once)
{
    QList<double> seconds;
    for (int i = 0; i < runs + (warmUp ? 1 : 0); ++i) {
        QElapsedTimer timer;
        timer.start();
        QString problem;
        if (!once(&problem))
            return {std::nullopt, problem};
        const double s = double(timer.nsecsElapsed()) / 1e9;
        if (!(warmUp && i == 0))
            seconds << s;
    }
    return {median(seconds), QString()};
}

} // namespace

ResultsFigure measureResultsFirstPage(int observations, int runs, bool warmUp)
{
    Record record;
    QString error;
    if (!record.build(observations, &error))
        return {std::nullopt, error};
    int rows = 0;
    ResultsFigure f = timed(runs, warmUp, [&](QString *problem) {
        ResultsRepository repo(record.database());
        ResultsViewModel model;
        model.setRepositories(&repo, nullptr);   // reads and shapes the first page
        rows = 0;
        for (int i = 0; i < model.rowCount(); ++i)
            rows += int(model.entry(i).value(u"rows"_s).toList().size());
        if (model.status() != ResultsViewModel::Content || rows < 50) {
            *problem = u"first page has %1 rows"_s.arg(rows);
            return false;
        }
        return true;
    });
    if (f.seconds)
        f.note = u"%1 observations in the encrypted store; first page = 50 entries, %2 result rows; median of %3"_s
                     .arg(record.count()).arg(rows).arg(runs);
    return f;
}

ResultsFigure measureTrend500(int observations, int runs, bool warmUp)
{
    Record record;
    QString error;
    if (!record.build(observations, &error))
        return {std::nullopt, error};
    ResultsFigure f = timed(runs, warmUp, [&](QString *problem) {
        TrendRepository trends(record.database());
        auto series = trends.trendFor(record.hba1c());
        if (!series || series->points.size() != 500) {
            *problem = series ? u"%1 points"_s.arg(series->points.size()) : series.error().describe();
            return false;
        }
        TrendModel model;
        model.setSeries(std::move(series).value());
        // The accessible table's text for every point is part of the build.
        for (int i = 0; i < model.rowCount(); ++i)
            if (model.tableText(i).isEmpty())
                return false;
        return true;
    });
    if (f.seconds)
        f.note = u"500 results of one test among %1 observations, read through the code index, model and table texts; median of %2"_s
                     .arg(record.count()).arg(runs);
    return f;
}

} // namespace hearth::bench
