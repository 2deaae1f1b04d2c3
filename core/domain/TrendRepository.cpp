#include "TrendRepository.h"

#include "ResultsParser.h"
#include "TrendBuilder.h"

#include "store/ResourceStore.h"

#include <QJsonDocument>
#include <QSet>

namespace hearth {

using namespace Qt::StringLiterals;

namespace {

// The canonical codes of a blood pressure panel: a panel coded only one way still joins.
QList<ResultCoding> bloodPressureCodes()
{
    return {{results::kLoinc, u"85354-9"_s}, {results::kSnomed, u"75367002"_s}};
}

} // namespace

TrendRepository::TrendRepository(const ResourceStore &store) : m_store(store) {}

Result<TrendSeries> TrendRepository::trendFor(const QString &observationId) const
{
    auto stored = m_store.get(u"Observation"_s, observationId);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return Error::make(Error::Kind::NotFound, u"result not in the store"_s);
    const QJsonObject json = QJsonDocument::fromJson(stored->value().json).object();
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
    // The index holds each result's first coding, so every code of the series is looked up; codes
    // first seen on a match (a result coded LOINC + SNOMED) are looked up in a second round.
    QSet<QString> seen;
    QList<ObservationResult> found;
    QList<ResultCoding> asked;
    for (int round = 0; round < 2 && asked.size() < wanted.size(); ++round) {
        const QList<ResultCoding> todo = wanted.mid(asked.size());
        for (const ResultCoding &c : todo) {
            asked << c;
            auto rows = m_store.listByCode(u"Observation"_s, c.system, c.code);
            if (!rows)
                return rows.error();
            for (const StoredResource &r : rows.value()) {
                if (seen.contains(r.id))
                    continue;
                seen.insert(r.id);
                const QJsonObject json = QJsonDocument::fromJson(r.json).object();
                if (!results::isResultObservation(json))
                    continue;
                ObservationResult o = results::parseObservation(r.id, json);
                for (const ResultCoding &code : trend::seriesCodes(o.codes)) {
                    if (!wanted.contains(code))
                        wanted << code;
                }
                found << std::move(o);
            }
        }
    }
    return trend::buildSeries(found);
}

} // namespace hearth
