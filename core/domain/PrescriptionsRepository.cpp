#include "PrescriptionsRepository.h"

#include "PrescriptionReader.h"

#include "store/ResourceStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace hearth {

using namespace Qt::StringLiterals;

PrescriptionsRepository::PrescriptionsRepository(const ResourceStore &store) : m_store(store) {}

Result<QList<MedicationRequestInfo>> PrescriptionsRepository::medicationRequests() const
{
    const auto rows = m_store.list(u"MedicationRequest"_s);
    if (!rows)
        return rows.error();
    QList<MedicationRequestInfo> out;
    out.reserve(rows->size());
    for (const StoredResource &r : *rows) {
        MedicationRequestInfo m = prescriptions::readMedicationRequest(QJsonDocument::fromJson(r.json).object());
        if (m.status != "entered-in-error"_L1)
            out << m;
    }
    return out;
}

Result<QList<PrescriptionsRepository::Template>> PrescriptionsRepository::repeatTemplates(const QDateTime &nowUtc) const
{
    const auto all = medicationRequests();
    if (!all)
        return all.error();
    QHash<QString, QDateTime> lastIssued;
    for (const MedicationRequestInfo &m : *all)
        if (m.intent == MedicationIntent::Order && !m.basedOnId.isEmpty() && m.authoredOn > lastIssued.value(m.basedOnId))
            lastIssued.insert(m.basedOnId, m.authoredOn);
    QList<Template> out;
    for (const MedicationRequestInfo &m : *all) {
        const NotOrderableReason why = prescriptions::notOrderableReason(m, nowUtc);
        if (why == NotOrderableReason::NotARepeat || why == NotOrderableReason::NotActive)
            continue;
        out << Template{m, why, lastIssued.value(m.id)};
    }
    std::sort(out.begin(), out.end(), [](const Template &a, const Template &b) {
        return a.plan.medication.compare(b.plan.medication, Qt::CaseInsensitive) < 0;
    });
    return out;
}

Result<QList<MedicationRequestInfo>> PrescriptionsRepository::issues() const
{
    auto all = medicationRequests();
    if (!all)
        return all.error();
    QList<MedicationRequestInfo> out;
    for (const MedicationRequestInfo &m : *all)
        if (m.intent == MedicationIntent::Order)
            out << m;
    return out;
}

Result<QList<RenewalTask>> PrescriptionsRepository::requests() const
{
    const auto rows = m_store.list(u"Task"_s);
    if (!rows)
        return rows.error();
    QList<RenewalTask> out;
    for (const StoredResource &r : *rows) {
        RenewalTask t = prescriptions::readTask(QJsonDocument::fromJson(r.json).object());
        if (!t.focusMedicationRequestId.isEmpty() && t.status != TaskStatus::EnteredInError)
            out << t;
    }
    std::sort(out.begin(), out.end(), [](const RenewalTask &a, const RenewalTask &b) {
        return a.authoredOn != b.authoredOn ? a.authoredOn > b.authoredOn : a.id < b.id;
    });
    return out;
}

Result<QList<RenewalTask>> PrescriptionsRepository::versions(const RenewalTask &latest) const
{
    const auto row = m_store.get(QString::fromLatin1(kTaskHistoryType), latest.id);
    if (!row)
        return row.error();
    if (!row->has_value() || latest.id.isEmpty())
        return QList<RenewalTask>{latest};
    auto history = prescriptions::readHistory((*row)->json);
    if (!history || history->isEmpty())
        return QList<RenewalTask>{latest};   // a history that cannot be read only costs the dates
    QList<RenewalTask> out;
    for (const RenewalTask &v : std::as_const(*history))
        if (v.id == latest.id || v.id.isEmpty())
            out << v;
    // The stored Task may be newer than the history kept (it changed again since): it ends the list.
    const auto newer = [](const RenewalTask &a, const RenewalTask &b) {
        bool okA = false, okB = false;
        const int va = a.versionId.toInt(&okA), vb = b.versionId.toInt(&okB);
        return okA && okB ? va > vb : a.lastUpdated > b.lastUpdated;
    };
    while (!out.isEmpty() && newer(out.last(), latest))
        out.removeLast();   // never show a step the stored Task has not reached
    if (out.isEmpty() || out.last().versionId != latest.versionId || latest.versionId.isEmpty())
        out << latest;
    else
        out.last() = latest;
    return out;
}

namespace prescriptions {

Result<QList<RenewalTask>> readHistory(const QByteArray &bundleJson)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bundleJson, &error);
    const QJsonObject root = doc.object();
    if (error.error != QJsonParseError::NoError || root.value("resourceType"_L1).toString() != "Bundle"_L1)
        return Error::make(Error::Kind::Parse, u"Task history is not a Bundle"_s);
    QList<RenewalTask> out;
    for (const QJsonValue &e : root.value("entry"_L1).toArray()) {
        const QJsonObject resource = e.toObject().value("resource"_L1).toObject();
        if (resource.value("resourceType"_L1).toString() == "Task"_L1)
            out << readTask(resource);
    }
    // History is newest first; order by version (then time) so the oldest comes first whatever the server did.
    std::stable_sort(out.begin(), out.end(), [](const RenewalTask &a, const RenewalTask &b) {
        const int va = a.versionId.toInt();
        const int vb = b.versionId.toInt();
        if (va != vb)
            return va < vb;
        return a.lastUpdated < b.lastUpdated;
    });
    return out;
}

} // namespace prescriptions
} // namespace hearth
