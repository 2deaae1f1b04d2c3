#pragma once

#include "RecordTypes.h"

#include "common/Result.h"

namespace hearth {

class ResourceStore;

// Reads the patient's record out of the encrypted store and turns raw FHIR JSON into the
// plain value structs the screens need. Holds no state of its own: every call reads the store.
class RecordRepository {
public:
    explicit RecordRepository(const ResourceStore &store);

    // NotFound if no Patient resource is stored yet.
    Result<PatientSummary> patient() const;
    // latestResults <= 0 means all results.
    Result<RecordSummary> summary(int latestResults = 10) const;

private:
    const ResourceStore &m_store;
};

} // namespace hearth
