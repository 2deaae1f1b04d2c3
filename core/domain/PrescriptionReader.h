#pragma once

#include "PrescriptionTypes.h"

#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>

namespace hearth {

// Reads GP Connect Prescriptions Management (R4, UK Core) MedicationRequest and Task resources into
// value structs. Tolerant of what the NHS examples leave out (ids on a POST body, dispenseRequest,
// statusReason); strict only about the resourceType.
namespace prescriptions {

// UK Core repeat information (numberOfPrescriptionsIssued, authorisationExpiryDate).
inline constexpr const char *kRepeatInformationExtension =
    "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationRepeatInformation";
// Neither GP Connect nor UK Core carries "the practice allows this repeat to be ordered online"
// (practices set it in their clinical system). Hearth reads it from this extension on the template:
// valueBoolean false = not orderable online; absent = allowed (as in every NHS example). The sandbox
// sets it; docs/prescriptions.md explains the choice.
inline constexpr const char *kOnlineOrderingExtension =
    "https://fhir.hearth.example/StructureDefinition/patient-online-ordering-allowed";
// Task.code of a repeat request, Task.input/output type system, identifier systems.
inline constexpr const char *kRenewalCode = "103742009";
inline constexpr const char *kRenewalDisplay = "Renewal of prescription";
inline constexpr const char *kSnomed = "http://snomed.info/sct";
inline constexpr const char *kOrderingParameterSystem =
    "https://fhir.nhs.uk/England/CodeSystem/England-PFSPrescriptionOrderingParameter";
inline constexpr const char *kOdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";
inline constexpr const char *kUkCoreTaskProfile = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Task";

MedicationRequestInfo readMedicationRequest(const QJsonObject &resource);
RenewalTask readTask(const QJsonObject &resource);

struct BundleContents {
    QList<MedicationRequestInfo> medicationRequests;
    QList<RenewalTask> tasks;
    int otherEntries = 0;   // entries of other types (OperationOutcome, Organization, ...)
};
// A searchset Bundle, or a single MedicationRequest / Task; a Parse error for anything else.
Result<BundleContents> read(const QByteArray &json);

TaskStatus taskStatusFromCode(const QString &code);
QString taskStatusCode(TaskStatus status);

// Why `plan` cannot be ordered online at `nowUtc` (None = it can). Rules, in order: a repeat template
// (intent plan, course continuous; seasonal counts as a repeat too), status active, not repeat
// dispensing, the UK Core authorisation not expired, issues left when both counts are known, and
// the practice's kOnlineOrderingExtension not false.
NotOrderableReason notOrderableReason(const MedicationRequestInfo &plan, const QDateTime &nowUtc);

} // namespace prescriptions
} // namespace hearth
