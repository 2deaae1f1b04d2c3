#pragma once

#include "PrescriptionTypes.h"

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace hearth {

// A repeat prescription request as the patient made it: one UK Core Task per medicine (GP Connect
// Prescriptions Management asks for one Task per item), each submitted through the outbox so it is
// stored before sending and created exactly once (client identifier + If-None-Exist).
class PrescriptionRequest {
public:
    // The note to the GP: NHS App and GP systems keep it short; longer is refused, not cut.
    static constexpr int kMaxNoteLength = 500;
    // The outbox kind these writes are stored under.
    static constexpr const char *kOutboxKind = "repeat-prescription";

    enum class Problem {
        None,
        NoItems,            // nothing selected
        NotOrderable,       // an item is not a repeat the practice allows online (see notOrderableReason)
        DuplicateItem,      // the same template twice
        NoteTooLong,        // more than kMaxNoteLength characters
        NoPharmacy,         // no ODS code for the pharmacy
        NoPatient,
    };

    PrescriptionRequest(QString patientId, QString pharmacyOds);

    void addItem(const MedicationRequestInfo &plan) { m_items << plan; }
    void setNote(const QString &note) { m_note = note; }
    void setAuthoredOn(const QDateTime &utc) { m_authoredOn = utc; }   // default: submit's nowUtc

    const QList<MedicationRequestInfo> &items() const { return m_items; }
    const QString &note() const { return m_note; }

    // The first rule the request breaks at `nowUtc`, None if it may be sent.
    Problem validate(const QDateTime &nowUtc) const;

    // The Task for one item (no identifier: the outbox adds the client identifier it owns).
    QByteArray taskJson(const MedicationRequestInfo &plan) const;

    // (kind, resource type, JSON) → the client id; Outbox::enqueue has this shape.
    using Enqueue = std::function<Result<QString>(const QString &, const QString &, const QByteArray &)>;
    // Validates, then enqueues one Task per item, in order, and returns their client ids. A storage
    // error part-way returns the error; the items already stored stay in the outbox (list it).
    Result<QStringList> submit(const Enqueue &enqueue, const QDateTime &nowUtc) const;

    static QString problemCode(Problem p);   // "no-items", "not-orderable", ... (no patient words)

private:
    QByteArray taskJson(const MedicationRequestInfo &plan, const QDateTime &authoredOn) const;

    QString m_patientId;
    QString m_pharmacyOds;
    QString m_note;
    QDateTime m_authoredOn;
    QList<MedicationRequestInfo> m_items;
};

} // namespace hearth
