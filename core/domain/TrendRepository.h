#pragma once

#include "ResultsTypes.h"

#include "common/Result.h"

namespace hearth {

class ResourceStore;

// Finds every result of the same test through the store's code index (type, code_system, code)
// and builds its series. Results join by code — any LOINC or SNOMED CT coding they share, so a
// result coded both ways links the two — never by display text.
class TrendRepository {
public:
    explicit TrendRepository(const ResourceStore &store);

    // The series of the test that observation `observationId` belongs to. NotFound if absent.
    Result<TrendSeries> trendFor(const QString &observationId) const;
    // The series of these codes (e.g. from a result row that is not stored yet).
    Result<TrendSeries> trendForCodes(const QList<ResultCoding> &codes) const;

private:
    const ResourceStore &m_store;
};

} // namespace hearth
