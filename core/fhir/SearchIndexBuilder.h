#pragma once

#include "common/Result.h"

namespace hearth {

class CacheDatabase;

// Brings a profile's search index up to date from the stored JSON: after the 2 -> 3 migration
// every resource is "not indexed yet", and when SearchTextExtractor::kVersion changes the whole
// index is forgotten first. Works in batches, one transaction each, so it can stop at any point
// (app closed, battery) and carry on next time where it left off.
class SearchIndexBuilder {
public:
    static constexpr char kVersionKey[] = "search_index_version";

    // Indexes up to maxResources (< 0: all) resources; returns how many are still not indexed.
    static Result<qint64> run(CacheDatabase &db, int batchSize = 500, qint64 maxResources = -1);
};

} // namespace hearth
