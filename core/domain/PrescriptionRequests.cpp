#include "PrescriptionRequests.h"

#include "PrescriptionReader.h"
#include "PrescriptionRequest.h"
#include "PrescriptionTimeline.h"
#include "PrescriptionsRepository.h"

#include <QHash>
#include <QJsonDocument>

#include <algorithm>

namespace hearth::prescriptions {

using namespace Qt::StringLiterals;

namespace {

RequestItemView::Delivery deliveryOf(OutboxState state)
{
    switch (state) {
    case OutboxState::Waiting: return RequestItemView::Delivery::Waiting;
    case OutboxState::Sending: return RequestItemView::Delivery::Sending;
    case OutboxState::Sent: return RequestItemView::Delivery::Sent;
    case OutboxState::Failed: return RequestItemView::Delivery::Refused;
    }
    return RequestItemView::Delivery::Waiting;
}

void fillFromTask(RequestItemView &view, const RenewalTask &task)
{
    view.templateId = task.focusMedicationRequestId;
    view.pharmacyOds = task.preferredPerformerOds;
    view.note = task.notes.value(0);
    view.requestedAt = task.authoredOn;
}

} // namespace

Result<QList<RequestItemView>> requestViews(const PrescriptionsRepository &repository, const QList<OutboxItem> &outbox)
{
    const auto tasks = repository.requests();
    if (!tasks)
        return tasks.error();
    const auto issued = repository.issues();
    if (!issued)
        return issued.error();
    const auto all = repository.allMedicationRequests();
    if (!all)
        return all.error();
    QHash<QString, QString> medicineOf;
    for (const MedicationRequestInfo &m : *all)
        medicineOf.insert(m.id, m.medication);

    QList<RequestItemView> out;
    QHash<QString, qsizetype> byClientIdentifier;   // "urn:uuid:<client id>" → index in out
    for (const OutboxItem &item : outbox) {
        if (item.kind != QLatin1String(PrescriptionRequest::kOutboxKind))
            continue;
        RequestItemView view;
        view.clientId = item.clientId;
        view.delivery = deliveryOf(item.state);
        view.refusal = item.refusal;
        fillFromTask(view, readTask(QJsonDocument::fromJson(item.payload).object()));
        view.timeline = {TimelineEntry{RequestStep::Requested, view.requestedAt, {}, {}, {}}};
        byClientIdentifier.insert("urn:uuid:"_L1 + item.clientId, out.size());
        out << view;
    }
    for (const RenewalTask &task : *tasks) {
        const auto found = byClientIdentifier.constFind(task.clientIdentifier);
        const bool mine = found != byClientIdentifier.cend();
        RequestItemView &view = mine ? out[*found] : out.emplace_back();
        fillFromTask(view, task);
        view.taskId = task.id;
        view.delivery = RequestItemView::Delivery::Sent;   // the server has it, whatever the outbox recorded
        view.refusal.clear();
        const auto versions = repository.versions(task);
        if (!versions)
            return versions.error();
        view.timeline = buildTimeline(*versions, *issued);
    }
    for (RequestItemView &view : out) {
        view.medication = medicineOf.value(view.templateId);
        view.current = currentStep(view.timeline);
    }
    std::stable_sort(out.begin(), out.end(), [](const RequestItemView &a, const RequestItemView &b) {
        if (a.requestedAt != b.requestedAt)
            return a.requestedAt > b.requestedAt;
        return a.medication.compare(b.medication, Qt::CaseInsensitive) < 0;
    });
    return out;
}

} // namespace hearth::prescriptions
