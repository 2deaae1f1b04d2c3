#include "PrescriptionsViewModel.h"

#include "Pharmacy.h"
#include "PrescriptionReader.h"
#include "PrescriptionRequest.h"

#include "store/ResourceStore.h"
#include "sync/Outbox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>

namespace hearth {

using namespace Qt::StringLiterals;

namespace {

// Steps a request goes through, as the timeline lists them (Rejected replaces the rest).
const QList<RequestStep> kSteps{RequestStep::Requested, RequestStep::InReview, RequestStep::Approved,
                                RequestStep::Issued, RequestStep::ReadyToCollect, RequestStep::Collected};
const QList<RequestStep> kRejectedSteps{RequestStep::Requested, RequestStep::InReview, RequestStep::Rejected};

QString joinSentences(const QStringList &parts)
{
    QStringList kept;
    for (const QString &p : parts)
        if (!p.isEmpty())
            kept << p;
    return kept.join(". "_L1);
}

} // namespace

PrescriptionsViewModel::PrescriptionsViewModel(QObject *parent)
    : QObject(parent),
      m_medicines(new PrescriptionsListModel({"templateId", "name", "detail", "quantityText", "lastIssuedText",
                                              "nextDueText", "orderable", "reasonText", "group", "accessibleText"},
                                             tr("No medicines recorded"), this)),
      m_requests(new PrescriptionsListModel({"key", "clientId", "taskId", "name", "statusText", "statusKind",
                                             "dateText", "detail", "refusalText", "canRetry", "group", "accessibleText"},
                                            tr("You have not ordered any repeat prescriptions in Hearth yet"), this)),
      m_timeline(new PrescriptionsListModel({"title", "dateText", "detail", "reached", "current", "accessibleText"},
                                            tr("Nothing to show yet"), this)),
      m_order(new PrescriptionsOrder(*this))
{
}

PrescriptionsViewModel::~PrescriptionsViewModel() = default;

void PrescriptionsViewModel::setRunningLow(QObject *model)
{
    if (m_runningLow == model)
        return;
    m_runningLow = model;
    emit runningLowChanged();
}

void PrescriptionsViewModel::setSources(const ResourceStore *store, Outbox *outbox, const QString &patientId)
{
    if (m_outboxConnection)
        disconnect(m_outboxConnection);
    m_store = store;
    m_outbox = outbox;
    m_patientId = patientId;
    m_repository = store ? std::make_unique<PrescriptionsRepository>(*store) : nullptr;
    if (outbox) {
        // Several items change in one submit or flush: one reload after them, not one each.
        m_outboxConnection = connect(outbox, &Outbox::itemChanged, this, [this] {
            QTimer::singleShot(0, this, &PrescriptionsViewModel::reload);
        });
    }
    if (!store) {
        m_orderable.clear();
        m_orderableOrder.clear();
        m_views.clear();
        m_pharmacyNames.clear();
        m_medicines->setRows({});
        m_medicines->setLoading();
        m_requests->setRows({});
        m_requests->setLoading();
        m_timeline->setRows({});
        m_openedKey.clear();
        m_opened.clear();
        emit openedRequestChanged();
        m_order->startNew();
        m_order->setNominatedPharmacy({}, {});
        emit loaded();
        return;
    }
    reload();
}

void PrescriptionsViewModel::reload()
{
    if (!m_repository)
        return;
    loadPharmacy();
    loadMedicines();
    loadRequests();
    fillOpened();
    emit loaded();
}

void PrescriptionsViewModel::loadPharmacy()
{
    m_pharmacyNames.clear();
    if (const auto orgs = m_store->list(u"Organization"_s)) {
        for (const StoredResource &r : *orgs) {
            const Pharmacy p = prescriptions::readPharmacy(QJsonDocument::fromJson(r.json).object());
            if (!p.ods.isEmpty() && !p.name.isEmpty())
                m_pharmacyNames.insert(p.ods, p.postcode.isEmpty() ? p.name : tr("%1, %2").arg(p.name, p.postcode));
        }
    }
    // The nominated pharmacy is on the Patient, as PDS sends it.
    QString ods;
    if (const auto patient = m_store->get(u"Patient"_s, m_patientId); patient && patient->has_value())
        ods = prescriptions::nominatedPharmacyOds(QJsonDocument::fromJson((*patient)->json).object());
    const QString text = ods.isEmpty() ? QString()
            : m_pharmacyNames.value(ods, tr("The pharmacy with code %1").arg(ods));   // name not synced yet
    m_order->setNominatedPharmacy(ods, text);
}

void PrescriptionsViewModel::loadMedicines()
{
    const QDateTime nowUtc = now();
    const auto templates = m_repository->repeatTemplates(nowUtc);
    const auto all = m_repository->allMedicationRequests();
    if (!templates || !all) {
        m_medicines->setError(tr("We could not show your medicines. Please try again."));
        return;
    }
    m_orderable.clear();
    m_orderableOrder.clear();
    QList<QVariantMap> orderable;
    QList<QVariantMap> notOrderable;
    const QString canGroup = tr("Repeat prescriptions you can order");
    const QString cannotGroup = tr("Repeat prescriptions you cannot order online");
    for (const PrescriptionsRepository::Template &t : *templates) {
        const MedicationRequestInfo &m = t.plan;
        const bool can = t.notOrderable == NotOrderableReason::None;
        QString nextDue;
        if (t.lastIssued.isValid() && m.supplyDays > 0) {
            const QDate due = t.lastIssued.toLocalTime().date().addDays(m.supplyDays);
            nextDue = due <= nowUtc.toLocalTime().date() ? tr("Next supply due now")
                                                          : tr("Next supply due around %1").arg(dateText(due.startOfDay()));
        }
        const QString reason = can ? QString() : reasonText(t.notOrderable);
        const QString lastIssued = t.lastIssued.isValid() ? tr("Last issued %1").arg(dateText(t.lastIssued))
                                                          : tr("Not issued yet");
        QVariantMap row{{u"templateId"_s, m.id}, {u"name"_s, m.medication}, {u"detail"_s, doseText(m)},
                        {u"quantityText"_s, quantityText(m.quantity)}, {u"lastIssuedText"_s, lastIssued},
                        {u"nextDueText"_s, nextDue}, {u"orderable"_s, can}, {u"reasonText"_s, reason},
                        {u"group"_s, can ? canGroup : cannotGroup}};
        row.insert(u"accessibleText"_s,
                   joinSentences({m.medication, doseText(m), quantityText(m.quantity), lastIssued, nextDue,
                                  can ? tr("Can be ordered") : tr("Cannot be ordered online: %1").arg(reason)}));
        if (can) {
            m_orderable.insert(m.id, m);
            m_orderableOrder << m.id;
            orderable << row;
        } else {
            notOrderable << row;
        }
    }
    // Then, never selectable: one-off (acute) medicines and repeats the patient no longer takes.
    QList<MedicationRequestInfo> others;
    for (const MedicationRequestInfo &m : *all) {
        const bool acute = m.course == CourseOfTherapy::Acute && m.basedOnId.isEmpty();
        const bool pastRepeat = m.intent == MedicationIntent::Plan && m.course != CourseOfTherapy::Acute
                && m.status != "active"_L1;
        if (acute || pastRepeat)
            others << m;
    }
    std::sort(others.begin(), others.end(), [](const MedicationRequestInfo &a, const MedicationRequestInfo &b) {
        return a.authoredOn > b.authoredOn;
    });
    QList<QVariantMap> acuteRows;
    QList<QVariantMap> pastRows;
    for (const MedicationRequestInfo &m : others) {
        const bool acute = m.course == CourseOfTherapy::Acute;
        const QString reason = acute ? tr("This was a one-off prescription. If you need more, contact your GP surgery.")
                                     : tr("You no longer take this medicine. If you think this is wrong, contact your GP surgery.");
        const QString when = m.authoredOn.isValid()
                ? (acute ? tr("Prescribed %1") : tr("Started %1")).arg(dateText(m.authoredOn)) : QString();
        QVariantMap row{{u"templateId"_s, m.id}, {u"name"_s, m.medication}, {u"detail"_s, doseText(m)},
                        {u"quantityText"_s, quantityText(m.quantity)}, {u"lastIssuedText"_s, when},
                        {u"nextDueText"_s, QString()}, {u"orderable"_s, false}, {u"reasonText"_s, reason},
                        {u"group"_s, acute ? tr("One-off medicines") : tr("Medicines you no longer take")}};
        row.insert(u"accessibleText"_s, joinSentences({m.medication, doseText(m), when, reason}));
        (acute ? acuteRows : pastRows) << row;
    }
    m_medicines->setRows(orderable + notOrderable + acuteRows + pastRows);
    m_order->keepOnly(m_orderableOrder);
}

QVariantMap PrescriptionsViewModel::requestRow(const RequestItemView &view) const
{
    const QString key = view.clientId.isEmpty() ? view.taskId : view.clientId;
    QString statusText;
    QString statusKind;
    QString detail;
    QDateTime when = view.requestedAt;
    switch (view.delivery) {
    case RequestItemView::Delivery::Waiting:
        statusText = deliveryText(view.delivery);
        statusKind = u"waiting"_s;
        break;
    case RequestItemView::Delivery::Sending:
        statusText = deliveryText(view.delivery);
        statusKind = u"sending"_s;
        break;
    case RequestItemView::Delivery::Refused:
        statusText = deliveryText(view.delivery);
        statusKind = u"refused"_s;
        break;
    case RequestItemView::Delivery::Sent:
        statusText = stepText(view.current);
        statusKind = stepKind(view.current);
        for (const TimelineEntry &e : view.timeline) {
            if (e.step != view.current)
                continue;
            if (e.at.isValid())
                when = e.at;
            if (e.step == RequestStep::Rejected && !e.reason.isEmpty())
                detail = tr("Reason from your GP surgery: %1").arg(e.reason);
            if ((e.step == RequestStep::ReadyToCollect || e.step == RequestStep::Collected) && !e.pharmacyOds.isEmpty())
                detail = tr("At %1").arg(m_pharmacyNames.value(e.pharmacyOds, tr("your pharmacy")));
        }
        break;
    }
    const bool refused = view.delivery == RequestItemView::Delivery::Refused;
    const QString refusal = !refused ? QString()
            : view.refusal.isEmpty() ? tr("Your GP surgery's system did not accept this request.")
                                     : tr("Your GP surgery's system said: “%1”").arg(view.refusal);
    const QString name = view.medication.isEmpty() ? tr("A medicine no longer in your record") : view.medication;
    const QString date = when.isValid() ? dateTimeText(when) : QString();
    QVariantMap row{{u"key"_s, key}, {u"clientId"_s, view.clientId}, {u"taskId"_s, view.taskId}, {u"name"_s, name},
                    {u"statusText"_s, statusText}, {u"statusKind"_s, statusKind}, {u"dateText"_s, date},
                    {u"detail"_s, detail}, {u"refusalText"_s, refusal},
                    {u"canRetry"_s, refused && !view.clientId.isEmpty()},
                    {u"group"_s, view.requestedAt.isValid() ? tr("Requested %1").arg(dateTimeText(view.requestedAt))
                                                            : tr("Requested")}};
    row.insert(u"accessibleText"_s, joinSentences({name, statusText, date, detail, refusal}));
    return row;
}

void PrescriptionsViewModel::loadRequests()
{
    QList<OutboxItem> items;
    if (m_outbox) {
        const auto listed = m_outbox->items();
        if (listed)
            items = *listed;
    }
    const auto views = prescriptions::requestViews(*m_repository, items);
    if (!views) {
        m_requests->setError(tr("We could not show your requests. Please try again."));
        return;
    }
    m_views = *views;
    QList<QVariantMap> rows;
    rows.reserve(m_views.size());
    for (const RequestItemView &v : m_views)
        rows << requestRow(v);
    m_requests->setRows(rows);
}

bool PrescriptionsViewModel::openRequest(const QString &key)
{
    m_openedKey = key;
    fillOpened();
    return m_opened.value(u"found"_s).toBool();
}

void PrescriptionsViewModel::fillOpened()
{
    const auto it = std::find_if(m_views.cbegin(), m_views.cend(), [this](const RequestItemView &v) {
        return !m_openedKey.isEmpty() && (v.clientId == m_openedKey || v.taskId == m_openedKey);
    });
    if (it == m_views.cend()) {
        m_timeline->setRows({});
        const QVariantMap none{{u"found"_s, false}, {u"key"_s, m_openedKey}};
        if (m_opened != none) {
            m_opened = none;
            emit openedRequestChanged();
        }
        return;
    }
    const RequestItemView &view = *it;
    QVariantMap opened = requestRow(view);
    opened.insert(u"found"_s, true);
    opened.insert(u"note"_s, view.note);
    opened.insert(u"pharmacyText"_s, view.pharmacyOds.isEmpty() ? QString()
                  : m_pharmacyNames.value(view.pharmacyOds, tr("The pharmacy with code %1").arg(view.pharmacyOds)));

    // Every step, reached or not, so the patient sees what comes next.
    const bool rejected = view.current == RequestStep::Rejected;
    const QList<RequestStep> &steps = rejected ? kRejectedSteps : kSteps;
    const bool sent = view.delivery == RequestItemView::Delivery::Sent;
    const qsizetype currentIndex = sent ? steps.indexOf(view.current) : 0;
    QList<QVariantMap> rows;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const RequestStep step = steps.at(i);
        const auto entry = std::find_if(view.timeline.cbegin(), view.timeline.cend(),
                                        [step](const TimelineEntry &e) { return e.step == step; });
        const bool found = entry != view.timeline.cend();
        // A step before the current one was passed even when the server skipped it (issued at once).
        const bool reached = found || i <= currentIndex;
        QString date;
        if (found && entry->at.isValid())
            date = dateTimeText(entry->at);
        else
            date = reached ? tr("Date not known") : tr("Not yet");
        QString detail;
        if (step == RequestStep::Requested && !sent)
            detail = deliveryText(view.delivery);
        if (found && step == RequestStep::Rejected && !entry->reason.isEmpty())
            detail = tr("Reason from your GP surgery: %1").arg(entry->reason);
        if (found && (step == RequestStep::ReadyToCollect || step == RequestStep::Collected) && !entry->pharmacyOds.isEmpty())
            detail = tr("At %1").arg(m_pharmacyNames.value(entry->pharmacyOds, tr("your pharmacy")));
        const bool current = i == currentIndex;
        QVariantMap row{{u"title"_s, stepText(step)}, {u"dateText"_s, date}, {u"detail"_s, detail},
                        {u"reached"_s, reached}, {u"current"_s, current}};
        row.insert(u"accessibleText"_s,
                   joinSentences({stepText(step), reached ? (current ? tr("Current step") : tr("Done")) : tr("Not reached yet"),
                                  reached ? date : QString(), detail}));
        rows << row;
    }
    m_timeline->setRows(rows);
    if (m_opened != opened) {
        m_opened = opened;
        emit openedRequestChanged();
    }
}

bool PrescriptionsViewModel::retry(const QString &clientId)
{
    if (!m_outbox || clientId.isEmpty())
        return false;
    if (!m_outbox->retry(clientId))
        return false;
    reload();
    flush();
    return true;
}

std::optional<MedicationRequestInfo> PrescriptionsViewModel::plan(const QString &templateId) const
{
    const auto it = m_orderable.constFind(templateId);
    if (it == m_orderable.cend())
        return std::nullopt;
    return *it;
}

QStringList PrescriptionsViewModel::orderableIdsInOrder() const
{
    return m_orderableOrder;
}

void PrescriptionsViewModel::submitOrder()
{
    if (m_order->state() != PrescriptionsOrder::Editing)
        return;
    m_order->setState(PrescriptionsOrder::Storing);
    if (!m_outbox || m_patientId.isEmpty()) {
        m_order->setFailed(tr("Hearth can't send requests until you are signed in. Sign in, then try again."));
        return;
    }
    PrescriptionRequest request(m_patientId, m_order->pharmacyOds());
    for (const QString &id : m_orderableOrder)
        if (m_order->isSelected(id))
            request.addItem(m_orderable.value(id));
    request.setNote(m_order->note().trimmed());
    const QDateTime nowUtc = now();
    request.setAuthoredOn(nowUtc);
    QPointer<Outbox> outbox = m_outbox;
    const auto stored = request.submit([outbox](const QString &kind, const QString &type, const QByteArray &json) -> Result<QString> {
        if (!outbox)
            return Error::make(Error::Kind::Storage, u"outbox closed"_s);
        return outbox->enqueue(kind, type, json);
    }, nowUtc);
    if (!stored) {
        // Part of it may be stored: the requests list shows what is; nothing is sent twice.
        m_order->setFailed(tr("Hearth couldn't save your request on this device, so it was not sent. "
                              "Check Your requests, then try again."));
        reload();
        return;
    }
    const QStringList clientIds = *stored;
    reload();
    outbox->flush([self = QPointer<PrescriptionsViewModel>(this), outbox, clientIds](Outbox::FlushReport report) {
        if (!self)
            return;
        QString outcome = u"sent"_s;
        for (const QString &id : clientIds) {
            OutboxState state = OutboxState::Waiting;
            if (outbox) {
                if (const auto item = outbox->item(id); item && item->has_value())
                    state = (*item)->state;
            }
            if (state == OutboxState::Failed)
                outcome = u"refused"_s;
            else if (state != OutboxState::Sent && outcome == "sent"_L1)
                outcome = u"waiting"_s;
        }
        self->m_order->setStored(outcome);
        self->reload();
        if (report.sent > 0)
            emit self->syncWanted();
    });
}

void PrescriptionsViewModel::flush()
{
    if (!m_outbox)
        return;
    m_outbox->flush([self = QPointer<PrescriptionsViewModel>(this)](Outbox::FlushReport report) {
        if (!self)
            return;
        self->reload();
        if (report.sent > 0)
            emit self->syncWanted();
    });
}

} // namespace hearth
