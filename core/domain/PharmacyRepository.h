#pragma once

#include "Pharmacy.h"

#include "common/Result.h"

#include <optional>

namespace hearth {

class ResourceStore;

// The pharmacies the device knows, from the encrypted store: the patient's nominated one (the ODS code
// on the synced Patient) and the Organization + Location rows sync keeps for it and for every pharmacy
// the patient's requests name (see docs/prescriptions.md, "Pharmacies offline"). Holds no state.
class PharmacyRepository {
public:
    explicit PharmacyRepository(const ResourceStore &store);

    // The nominated pharmacy: nullopt when the Patient (or its nomination) is missing. When the
    // pharmacy's rows were not downloaded yet, a Pharmacy with only `ods` set (name empty).
    Result<std::optional<Pharmacy>> nominated(const QString &patientId) const;
    // A stored pharmacy by ODS code, with its opening hours; nullopt if none is stored.
    Result<std::optional<Pharmacy>> byOds(const QString &ods) const;
    // The ODS code the stored Patient nominates ("" if none).
    Result<QString> nominatedOds(const QString &patientId) const;

private:
    const ResourceStore &m_store;
};

} // namespace hearth
