#pragma once

#include "ResultsTypes.h"

#include "common/Result.h"

#include <QSqlDatabase>

namespace hearth {

// Finds every result of the same test through the store's code index and builds its series.
// Results join by code — any LOINC or SNOMED CT coding they share, so a result coded both ways
// links the two — never by display text.
//
// The `resources` table indexes each result's first coding (type, code_system, code). A result
// whose first coding is in the other terminology (SNOMED first, our LOINC code second) is found by
// a second query limited, through the same index, to that terminology's results and checked by
// parsing; codes learnt from such results are looked up in turn.
class TrendRepository {
public:
    explicit TrendRepository(QSqlDatabase db);

    // The series of the test that observation `observationId` belongs to. NotFound if absent.
    Result<TrendSeries> trendFor(const QString &observationId) const;
    Result<TrendSeries> trendForCodes(const QList<ResultCoding> &codes) const;

private:
    QSqlDatabase m_db;
};

} // namespace hearth
