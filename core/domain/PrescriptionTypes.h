#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace hearth {

// Values read from GP Connect Prescriptions Management (R4, UK Core) payloads. Plain data, no
// patient-facing words: app/ turns the enums into text.

// MedicationRequest.intent: `plan` is a repeat template (or an acute authorisation), `order` one issue.
enum class MedicationIntent { Plan, Order, Other };

// MedicationRequest.courseOfTherapyType (terminology.hl7.org medicationrequest-course-of-therapy).
enum class CourseOfTherapy { Unknown, Continuous, Acute, Seasonal, RepeatDispensing };

// Why a repeat template cannot be ordered online (see isOrderableOnline in PrescriptionReader.h).
enum class NotOrderableReason {
    None,               // it can be ordered
    NotARepeat,         // not intent=plan with a continuous course (acute, or an issue)
    NotActive,          // status other than active (stopped, completed, on-hold, ...)
    RepeatDispensing,   // batch issued by the pharmacy: nothing to order
    AuthorisationEnded, // UK Core repeat information: authorisationExpiryDate has passed
    NoIssuesLeft,       // numberOfPrescriptionsIssued has reached numberOfRepeatsAllowed
    PracticeDisallows,  // the practice marked it "not orderable online" (kOnlineOrderingExtension)
};

struct Quantity {
    double value = 0;
    QString unit;              // unit, else code
    bool isValid() const { return !unit.isEmpty() || value != 0; }
};

struct MedicationRequestInfo {
    QString id;
    QString status;                        // active, completed, stopped, ...
    MedicationIntent intent = MedicationIntent::Other;
    CourseOfTherapy course = CourseOfTherapy::Unknown;
    QString medication;                    // medicationCodeableConcept text / first display
    QString medicationCode;                // first coding code
    QString dosageText;                    // dosageInstruction[0].text
    QString patientInstruction;            // dosageInstruction[0].patientInstruction
    std::optional<Quantity> quantity;      // dispenseRequest.quantity
    int supplyDays = 0;                    // dispenseRequest.expectedSupplyDuration in days (0 = unknown)
    std::optional<double> dailyDose;       // structured dosage, in the quantity's units per day (RunningLow.h)
    std::optional<int> repeatsAllowed;     // dispenseRequest.numberOfRepeatsAllowed
    std::optional<int> issuesSoFar;        // UK Core repeat information: numberOfPrescriptionsIssued
    QDateTime authorisationExpiry;         // UK Core repeat information: authorisationExpiryDate (UTC)
    QString basedOnId;                     // basedOn MedicationRequest id (an issue's template)
    QString groupIdentifier;               // prescription-order-number
    QString performerOds;                  // dispenseRequest.performer ODS code
    QDateTime authoredOn;                  // UTC
    QDateTime validityStart;               // dispenseRequest.validityPeriod (UTC)
    QDateTime validityEnd;
    bool onlineOrderingDisallowed = false; // kOnlineOrderingExtension valueBoolean false
};

// Task.status values this feature uses (FHIR R4 task-status), plus Other for the rest.
enum class TaskStatus { Draft, Requested, Received, Accepted, Rejected, Ready, Cancelled, InProgress,
                        OnHold, Failed, Completed, EnteredInError, Other };

struct RenewalTask {
    QString id;
    QString clientIdentifier;       // identifier value (urn:uuid:… from our outbox, or the server's)
    QStringList identifiers;        // every "system|value"
    TaskStatus status = TaskStatus::Other;
    QString statusText;             // the raw status code
    QString statusReason;           // statusReason.text, else first coding display (the practice's words)
    QString businessStatus;         // businessStatus.text, else first coding code/display
    QString intent;
    QString code;                   // first SNOMED code (103742009 for a renewal)
    QString focusMedicationRequestId;
    QString forPatientId;
    QString preferredPerformerOds;  // input preferred-performer ODS code
    QStringList notes;              // note[].text
    QString sentToEpsItem;          // output sent-to-eps prescription-order-item-number
    QDateTime authoredOn;           // UTC
    QDateTime lastModified;         // UTC
    QDateTime lastUpdated;          // meta.lastUpdated (UTC): when the server stored this version
    QString versionId;              // meta.versionId
    bool isRenewal() const;
};

// One request's way to the patient, in order. Rejected ends it; Approved may be skipped by practices
// that issue straight away.
enum class RequestStep { Requested, InReview, Approved, Rejected, Issued, ReadyToCollect, Collected };

struct TimelineEntry {
    RequestStep step = RequestStep::Requested;
    QDateTime at;                    // UTC; invalid when the step is known to have passed but not when
    QString reason;                  // Rejected: the practice's statusReason text
    QString pharmacyOds;             // ReadyToCollect / Collected: where
    QString issuedMedicationRequestId;  // Issued: the issue (basedOn the template), when known
    friend bool operator==(const TimelineEntry &, const TimelineEntry &) = default;
};

} // namespace hearth
