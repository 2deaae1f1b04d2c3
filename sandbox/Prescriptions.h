#pragma once
// Repeat prescriptions in the sandbox: a small pharmacy directory and the lifecycle of a repeat request
// Task, moved along by a timer or by a test. Each pharmacy is an Organization (ODS code identifier, type,
// address, telecom) and a Location (managingOrganization → it, address, hoursOfOperation): R4's
// Organization has no opening hours, Location has.
#include "ResourceStore.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimer>

#include <functional>

namespace hearth::sandbox {

// The patients' nominated pharmacy (Patient extension, as PDS sends it) and the directory's size.
QString nominatedPharmacyOds(const QString &patientId);
inline constexpr const char *kNominatedPharmacyExtension =
    "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy";
// Adds the pharmacies (patient "": not anyone's record); returns how many.
int addPharmacies(ResourceStore &store, qint64 stampMs);
// Organization and Location: the directory, searchable without a patient.
bool isDirectoryType(const QString &type);

// RFC 6902 JSON Patch (add, remove, replace, test; JSON Pointer paths) applied to `resource`. On failure
// `resource` is unchanged and `error` says why (a failed test, a path that does not exist).
bool applyJsonPatch(QJsonObject &resource, const QJsonArray &operations, QString *error);
// Whether a patch only touches what a patient may change here: the Patient's extensions (nomination).
bool patchTouchesOnlyExtensions(const QJsonArray &operations);

// One step of a repeat request (UK Core Task, GP Connect Prescriptions Management):
//   requested → in-progress, businessStatus "In review"
//            → accepted                  (or rejected with statusReason.text when a reason is given)
//            → completed + output sent-to-eps, and an issued MedicationRequest (intent order, basedOn
//              the template, performer = the preferred pharmacy)
//            → businessStatus "Ready to collect" → "Collected" (the issue then completed).
// Every version of a Task is kept for `GET Task/<id>/_history`.
class PrescriptionWorkflow
{
public:
    PrescriptionWorkflow(ResourceStore &store, std::function<qint64()> stamp);

    // Call after a Task was created (or changed) so its history has the version.
    void recordVersion(const StoredResource &task);

    struct Outcome
    {
        int status = 200;   // 200 moved, 404 unknown, 409 nothing further, 400 not a repeat request
        QString step;       // the step reached: in-review, accepted, rejected, issued, ready-to-collect, collected
        QString error;
    };
    // Moves the Task one step; `rejectReason` non-empty turns the review into a rejection.
    Outcome advance(const QString &taskId, const QString &rejectReason = {});
    // Demo history (SandboxOptions::pastRequests): two requests `patientId` made before `referenceMs`,
    // each step at a fixed time: one collected, one rejected with the practice's reason.
    void seedPastRequests(const QString &patientId, qint64 referenceMs);
    // Why the practice system refuses a new repeat request for `patientId`, in words a patient can read
    // (empty = accepted): a template the practice keeps off online ordering, one with no issues left,
    // one no longer active, or a medicine not on the patient's record. `diagnostics` gets the technical why.
    QString refusal(const QJsonObject &task, const QString &patientId, QString *diagnostics) const;

    // Versions oldest first (empty if unknown).
    QList<QByteArray> history(const QString &taskId) const;

    // Every stepMs, each open request older than stepMs moves one step; 0 = only by advance().
    void setStepMs(int ms);
    int stepMs() const { return m_stepMs; }
    // The next requests moved by the timer are rejected with this reason ("" = approve).
    void setAutoRejectReason(const QString &reason) { m_autoReject = reason; }

private:
    void tick();
    Outcome advanceAt(const QString &taskId, const QString &rejectReason, qint64 now);
    void seedRequest(const QString &taskId, const QString &patientId, const QString &templateId,
                     const QList<qint64> &stepTimes, const QString &rejectReason);

    ResourceStore &m_store;
    std::function<qint64()> m_stamp;
    QHash<QString, QList<QByteArray>> m_history;   // Task id → versions
    QTimer m_timer;
    int m_stepMs = 0;
    QString m_autoReject;
    int m_issued = 0;
};

} // namespace hearth::sandbox
