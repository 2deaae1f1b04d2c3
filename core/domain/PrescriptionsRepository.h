#pragma once

#include "PrescriptionTypes.h"

#include "common/Result.h"

#include <QDateTime>
#include <QList>

namespace hearth {

class ResourceStore;

// Sync keeps each request's FHIR history (`GET Task/<id>/_history`, the Bundle as the server sent it)
// as one `resources` row of this type, id = the Task's id, version_id = the Task version it covers.
inline constexpr const char *kTaskHistoryType = "Task-history";

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
    // timeline): the Task's FHIR history as sync stored it (a kTaskHistoryType row), else just `latest`.
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
