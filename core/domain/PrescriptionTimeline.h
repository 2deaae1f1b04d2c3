#pragma once

#include "PrescriptionTypes.h"

#include <QList>

namespace hearth {

// Builds a repeat request's timeline from what the server said about it:
// - `versions`: the Task as it was at each version the client saw, oldest first (its `_history`, or
//   the versions sync stored over time; one version works too, earlier steps then have no date);
// - `issues`: MedicationRequests (intent order) of the patient; the one basedOn the Task's template
//   and authored on or after the request is the issue.
// Mapping (GP Connect Prescriptions Management + the pharmacy's businessStatus):
//   requested/received/draft → Requested (authoredOn) · in-progress or businessStatus "In review" →
//   InReview · accepted → Approved · rejected → Rejected (statusReason) · completed, or an issue found →
//   Issued · businessStatus "Ready to collect" → ReadyToCollect · "Collected"/"Dispensed" → Collected.
// A step's date is the lastModified (else meta.lastUpdated) of the first version that reached it.
namespace prescriptions {

QList<TimelineEntry> buildTimeline(const QList<RenewalTask> &versions, const QList<MedicationRequestInfo> &issues);

// The furthest step reached (Requested for an empty list).
RequestStep currentStep(const QList<TimelineEntry> &timeline);

} // namespace prescriptions
} // namespace hearth
