#include "PrescriptionRequest.h"

#include "PrescriptionReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace hearth {

using namespace Qt::StringLiterals;
namespace rx = prescriptions;

PrescriptionRequest::PrescriptionRequest(QString patientId, QString pharmacyOds)
    : m_patientId(std::move(patientId)), m_pharmacyOds(std::move(pharmacyOds))
{
}

PrescriptionRequest::Problem PrescriptionRequest::validate(const QDateTime &nowUtc) const
{
    if (m_patientId.isEmpty())
        return Problem::NoPatient;
    if (m_items.isEmpty())
        return Problem::NoItems;
    if (m_pharmacyOds.trimmed().isEmpty())
        return Problem::NoPharmacy;
    // Counted in characters the patient typed (UTF-16 surrogate pairs count once).
    if (m_note.toUcs4().size() > kMaxNoteLength)
        return Problem::NoteTooLong;
    QSet<QString> seen;
    for (const MedicationRequestInfo &plan : m_items) {
        if (plan.id.isEmpty() || rx::notOrderableReason(plan, nowUtc) != NotOrderableReason::None)
            return Problem::NotOrderable;
        if (seen.contains(plan.id))
            return Problem::DuplicateItem;
        seen.insert(plan.id);
    }
    return Problem::None;
}

QByteArray PrescriptionRequest::taskJson(const MedicationRequestInfo &plan) const
{
    return taskJson(plan, m_authoredOn.isValid() ? m_authoredOn : QDateTime::currentDateTimeUtc());
}

QByteArray PrescriptionRequest::taskJson(const MedicationRequestInfo &plan, const QDateTime &authoredOn) const
{
    const QString when = authoredOn.toUTC().toString(Qt::ISODateWithMs);
    const QJsonObject patientRef{{u"reference"_s, u"Patient/"_s + m_patientId}};
    QJsonObject task{
        {u"resourceType"_s, u"Task"_s},
        {u"meta"_s, QJsonObject{{u"profile"_s, QJsonArray{QString::fromLatin1(rx::kUkCoreTaskProfile)}}}},
        {u"status"_s, u"requested"_s},
        {u"intent"_s, u"order"_s},
        {u"code"_s, QJsonObject{{u"coding"_s, QJsonArray{QJsonObject{
                                                 {u"system"_s, QString::fromLatin1(rx::kSnomed)},
                                                 {u"code"_s, QString::fromLatin1(rx::kRenewalCode)},
                                                 {u"display"_s, QString::fromLatin1(rx::kRenewalDisplay)}}}}}},
        {u"focus"_s, QJsonObject{{u"reference"_s, u"MedicationRequest/"_s + plan.id}}},
        {u"for"_s, patientRef},
        {u"requester"_s, patientRef},
        {u"authoredOn"_s, when},
        {u"lastModified"_s, when},
        {u"input"_s, QJsonArray{QJsonObject{
                         {u"type"_s, QJsonObject{{u"coding"_s, QJsonArray{QJsonObject{
                                                                 {u"system"_s, QString::fromLatin1(rx::kOrderingParameterSystem)},
                                                                 {u"code"_s, u"preferred-performer"_s},
                                                                 {u"display"_s, u"Preferred performer"_s}}}}}},
                         {u"valueIdentifier"_s, QJsonObject{{u"system"_s, QString::fromLatin1(rx::kOdsSystem)},
                                                            {u"value"_s, m_pharmacyOds.trimmed()}}}}}}};
    const QString note = m_note.trimmed();
    if (!note.isEmpty())
        task.insert(u"note"_s, QJsonArray{QJsonObject{{u"authorString"_s, u"Patient"_s}, {u"text"_s, note}}});
    return QJsonDocument(task).toJson(QJsonDocument::Compact);
}

Result<QStringList> PrescriptionRequest::submit(const Enqueue &enqueue, const QDateTime &nowUtc) const
{
    if (const Problem p = validate(nowUtc); p != Problem::None)
        return Error::make(Error::Kind::Config, u"prescription request: "_s + problemCode(p));
    // One time for every item: the items of one request share authoredOn, which is how the app
    // shows them as one request.
    const QDateTime when = m_authoredOn.isValid() ? m_authoredOn : nowUtc;
    QStringList ids;
    for (const MedicationRequestInfo &plan : m_items) {
        const Result<QString> id = enqueue(QString::fromLatin1(kOutboxKind), u"Task"_s, taskJson(plan, when));
        if (!id)
            return id.error();
        ids << id.value();
    }
    return ids;
}

QString PrescriptionRequest::problemCode(Problem p)
{
    switch (p) {
    case Problem::None: return {};
    case Problem::NoItems: return u"no-items"_s;
    case Problem::NotOrderable: return u"not-orderable"_s;
    case Problem::DuplicateItem: return u"duplicate-item"_s;
    case Problem::NoteTooLong: return u"note-too-long"_s;
    case Problem::NoPharmacy: return u"no-pharmacy"_s;
    case Problem::NoPatient: return u"no-patient"_s;
    }
    return {};
}

} // namespace hearth
