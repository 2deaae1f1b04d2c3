#pragma once

#include "PrescriptionTypes.h"

#include "common/Result.h"

#include <QDateTime>
#include <QList>

namespace hearth {

class ResourceStore;

// Reads what repeat prescriptions need out of the encrypted store (MedicationRequest and Task, as sync
// stored them). Holds no state: every call reads the store.
class PrescriptionsRepository {
public:
    explicit PrescriptionsRepository(const ResourceStore &store);

    struct Template {
        MedicationRequestInfo plan;
        NotOrderableReason notOrderable = NotOrderableReason::None;   // None = can be ordered online
        QDateTime lastIssued;    // newest issue (intent order, basedOn this plan), invalid if none
    };
    // Active repeat templates (intent plan, continuous/seasonal/repeat dispensing), by medicine name,
    // each with why it cannot be ordered online at `nowUtc`, if so.
    Result<QList<Template>> repeatTemplates(const QDateTime &nowUtc) const;
    // Issues: MedicationRequests with intent order (a timeline looks for the one basedOn its template).
    Result<QList<MedicationRequestInfo>> issues() const;
    // Repeat requests (Tasks whose focus is a MedicationRequest), newest first.
    Result<QList<RenewalTask>> requests() const;
    // The versions of one request the device knows, oldest first, ending with `latest` (for its
    // timeline). Today: just `latest`; stored Task history is read here once sync keeps it.
    Result<QList<RenewalTask>> versions(const RenewalTask &latest) const;
    // Every MedicationRequest but entered-in-error ones (templates, issues, acute, stopped).
    Result<QList<MedicationRequestInfo>> allMedicationRequests() const { return medicationRequests(); }

private:
    Result<QList<MedicationRequestInfo>> medicationRequests() const;
    const ResourceStore &m_store;
};

namespace prescriptions {
// A FHIR history Bundle of one Task (`GET Task/<id>/_history`, newest first) → its versions oldest first.
Result<QList<RenewalTask>> readHistory(const QByteArray &bundleJson);
} // namespace prescriptions

} // namespace hearth
