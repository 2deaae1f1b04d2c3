#include "TrendRepository.h"

#include "ResultsParser.h"
#include "TrendBuilder.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace hearth {

using namespace Qt::StringLiterals;

namespace {

Error sqlError(const QString &what, const QSqlError &e)
{
    return Error::make(Error::Kind::Storage, what + u": "_s + e.text());
}

// The canonical codes of a blood pressure panel: a panel coded only one way still joins.
QList<ResultCoding> bloodPressureCodes()
{
    return {{results::kLoinc, u"85354-9"_s}, {results::kSnomed, u"75367002"_s}};
}

struct Collector {
    QSet<QString> seen;
    QList<ObservationResult> found;
    QList<ResultCoding> *wanted = nullptr;

    // Keeps a row if one of its codings is wanted; learns its other LOINC/SNOMED codes.
    void offer(const QString &id, const QByteArray &bytes)
    {
        if (seen.contains(id))
            return;
        const QJsonObject json = QJsonDocument::fromJson(bytes).object();
        if (!results::isResultObservation(json))
            return;
        const QList<ResultCoding> codes = results::codings(json.value("code"_L1));
        const bool matches = std::any_of(codes.begin(), codes.end(), [&](const ResultCoding &c) { return wanted->contains(c); });
        if (!matches)
            return;
        seen.insert(id);
        for (const ResultCoding &code : trend::seriesCodes(codes)) {
            if (!wanted->contains(code))
                wanted->append(code);
        }
        found << results::parseObservation(id, json);
    }
};

Status runInto(QSqlQuery &q, Collector &c, const QString &what)
{
    if (!q.exec())
        return sqlError(what, q.lastError());
    while (q.next())
        c.offer(q.value(0).toString(), q.value(1).toByteArray());
    if (q.lastError().isValid())
        return sqlError(what, q.lastError());
    return {};
}

} // namespace

TrendRepository::TrendRepository(QSqlDatabase db) : m_db(std::move(db)) {}

Result<TrendSeries> TrendRepository::trendFor(const QString &observationId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT json FROM resources WHERE type = 'Observation' AND id = ?"_s))
        return sqlError(u"prepare trend seed"_s, q.lastError());
    q.addBindValue(observationId);
    if (!q.exec())
        return sqlError(u"read trend seed"_s, q.lastError());
    if (!q.next())
        return Error::make(Error::Kind::NotFound, u"result not in the store"_s);
    const QJsonObject json = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
    return trendForCodes(results::codings(json.value("code"_L1)));
}

Result<TrendSeries> TrendRepository::trendForCodes(const QList<ResultCoding> &codes) const
{
    QList<ResultCoding> wanted = trend::seriesCodes(codes);
    if (trend::isBloodPressure(wanted)) {
        for (const ResultCoding &c : bloodPressureCodes()) {
            if (!wanted.contains(c))
                wanted << c;
        }
    }
    Collector collector;
    collector.wanted = &wanted;
    // `wanted` grows while we read; each code is looked up once.
    for (qsizetype i = 0; i < wanted.size() && i < 16; ++i) {
        const ResultCoding c = wanted.at(i);
        QSqlQuery byCode(m_db);
        byCode.setForwardOnly(true);
        // (type, code_system, code, effective_date) index: only this test's rows are read.
        if (!byCode.prepare(u"SELECT id, json FROM resources WHERE type = 'Observation' AND code_system IS ? AND code = ?"_s))
            return sqlError(u"prepare trend read"_s, byCode.lastError());
        byCode.addBindValue(c.system.isEmpty() ? QVariant() : QVariant(c.system));
        byCode.addBindValue(c.code);
        if (Status s = runInto(byCode, collector, u"read trend"_s); !s)
            return s.error();

        // The same code as a second coding, behind a first coding in the other terminology.
        const QString other = c.system == results::kLoinc ? results::kSnomed
                              : c.system == results::kSnomed ? results::kLoinc : QString();
        if (other.isEmpty())
            continue;
        QSqlQuery cross(m_db);
        cross.setForwardOnly(true);
        if (!cross.prepare(u"SELECT id, json FROM resources WHERE type = 'Observation' AND code_system = ? "
                           "AND code <> ? AND instr(json, ?) > 0"_s))
            return sqlError(u"prepare trend read"_s, cross.lastError());
        cross.addBindValue(other);
        cross.addBindValue(c.code);
        cross.addBindValue(QString(u'"' + c.code + u'"').toUtf8());
        if (Status s = runInto(cross, collector, u"read trend"_s); !s)
            return s.error();
    }
    return trend::buildSeries(collector.found);
}

} // namespace hearth
