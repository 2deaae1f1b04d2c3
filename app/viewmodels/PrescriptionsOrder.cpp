#include "PrescriptionsOrder.h"

#include "PrescriptionRequest.h"
#include "PrescriptionsViewModel.h"

#include <QVariantMap>

namespace hearth {

using namespace Qt::StringLiterals;

PrescriptionsOrder::PrescriptionsOrder(PrescriptionsViewModel &owner) : QObject(&owner), m_owner(owner)
{
    // Every input can change whether the order may go ahead.
    connect(this, &PrescriptionsOrder::selectionChanged, this, &PrescriptionsOrder::validityChanged);
    connect(this, &PrescriptionsOrder::noteChanged, this, &PrescriptionsOrder::validityChanged);
    connect(this, &PrescriptionsOrder::pharmacyChanged, this, &PrescriptionsOrder::validityChanged);
    connect(this, &PrescriptionsOrder::stateChanged, this, &PrescriptionsOrder::validityChanged);
}

int PrescriptionsOrder::maxNoteLength() const
{
    return PrescriptionRequest::kMaxNoteLength;
}

QVariantList PrescriptionsOrder::selectedItems() const
{
    QVariantList out;
    for (const QString &id : m_owner.orderableIdsInOrder()) {
        if (!m_selected.contains(id))
            continue;
        const auto plan = m_owner.plan(id);
        if (!plan)
            continue;
        out << QVariantMap{{u"id"_s, id},
                           {u"name"_s, plan->medication},
                           {u"detail"_s, PrescriptionsViewModel::doseText(*plan)},
                           {u"quantityText"_s, PrescriptionsViewModel::quantityText(plan->quantity)}};
    }
    return out;
}

void PrescriptionsOrder::setNote(const QString &note)
{
    if (m_note == note || m_state != Editing)
        return;
    m_note = note;
    emit noteChanged();
}

QString PrescriptionsOrder::noteCounterText() const
{
    // Singular and plural spelled out: the counter must read well without a translation loaded.
    const int left = maxNoteLength() - int(m_note.size());
    if (left == 1)
        return tr("You have 1 character remaining");
    if (left >= 0)
        return tr("You have %1 characters remaining").arg(left);
    if (left == -1)
        return tr("You have 1 character too many");
    return tr("You have %1 characters too many").arg(-left);
}

void PrescriptionsOrder::setPharmacyChoice(const QString &choice)
{
    if (m_state != Editing || m_pharmacyChoice == choice)
        return;
    if (choice != "nominated"_L1 && choice != "other"_L1)
        return;
    if (choice == "other"_L1 && !m_otherAvailable)
        return;
    m_pharmacyChoice = choice;
    emit pharmacyChanged();
}

QString PrescriptionsOrder::otherPharmacyUnavailableText() const
{
    return tr("Choosing a different pharmacy for one order is not available in Hearth yet. "
              "To use another pharmacy, contact your GP surgery.");
}

QString PrescriptionsOrder::pharmacyText() const
{
    if (m_pharmacyChoice == "other"_L1)
        return m_otherText.isEmpty() ? tr("No pharmacy chosen yet") : m_otherText;
    return m_nominatedOds.isEmpty() ? tr("You do not have a nominated pharmacy") : m_nominatedText;
}

bool PrescriptionsOrder::canReview() const
{
    return m_state == Editing && !m_selected.isEmpty();
}

bool PrescriptionsOrder::canSubmit() const
{
    return canReview() && !noteTooLong() && !pharmacyOds().isEmpty();
}

QString PrescriptionsOrder::blockedText() const
{
    if (m_state != Editing)
        return {};
    if (m_selected.isEmpty())
        return tr("Choose at least one medicine.");
    if (noteTooLong())
        return tr("Your note to the GP is too long. Make it %1 characters or fewer.").arg(maxNoteLength());
    if (pharmacyOds().isEmpty())
        return m_pharmacyChoice == "other"_L1
                ? tr("Choose the pharmacy you want to collect from.")
                : tr("You need a nominated pharmacy to order online. Ask your GP surgery or any pharmacy to set one up.");
    return {};
}

QString PrescriptionsOrder::resultTitle() const
{
    switch (m_state) {
    case Storing: return tr("Sending your request…");
    case Failed: return tr("Your request was not sent");
    case Editing: return {};
    case Stored: break;
    }
    if (m_outcome == "sent"_L1)
        return tr("Request sent");
    if (m_outcome == "refused"_L1)
        return tr("Your request was not accepted");
    return tr("Request saved — waiting to send");
}

QString PrescriptionsOrder::resultText() const
{
    if (m_state == Storing)
        return tr("Please wait. Your request is being saved on this device and sent to your GP surgery.");
    if (m_state == Failed)
        return m_errorText;
    if (m_state != Stored)
        return {};
    if (m_outcome == "sent"_L1)
        return tr("Your request has been sent to your GP surgery. It usually takes 2 working days for your GP "
                  "surgery to review it, then your pharmacy gets it ready. You can follow it in Your requests.");
    if (m_outcome == "refused"_L1)
        return tr("Your GP surgery's system did not accept your request. Nothing has been lost: "
                  "open Your requests to see why and try again.");
    return tr("Your request is saved on this device, waiting to send. It will be sent to your GP surgery when you "
              "are back online. You do not need to order again.");
}

bool PrescriptionsOrder::setSelected(const QString &templateId, bool selected)
{
    if (m_state != Editing)
        return false;
    if (selected && !m_owner.isOrderable(templateId))
        return false;
    if (selected == m_selected.contains(templateId))
        return true;
    if (selected)
        m_selected << templateId;
    else
        m_selected.removeAll(templateId);
    emit selectionChanged();
    return true;
}

void PrescriptionsOrder::submit()
{
    // The one guard against a double tap, a second Enter or a button pressed twice: only an order
    // being edited can be submitted, and submitting leaves that state at once.
    if (m_state != Editing || !canSubmit())
        return;
    m_owner.submitOrder();
}

void PrescriptionsOrder::resume()
{
    if (m_state != Failed)
        return;
    m_errorText.clear();
    setState(Editing);
}

void PrescriptionsOrder::startNew()
{
    if (m_state == Storing)
        return;   // the last one is still being stored; its result comes first
    const bool hadSelection = !m_selected.isEmpty();
    m_selected.clear();
    m_note.clear();
    m_outcome.clear();
    m_errorText.clear();
    m_pharmacyChoice = u"nominated"_s;
    m_otherOds.clear();
    m_otherText.clear();
    setState(Editing);
    if (hadSelection)
        emit selectionChanged();
    emit noteChanged();
    emit pharmacyChanged();
    emit resultChanged();
}

void PrescriptionsOrder::setNominatedPharmacy(const QString &ods, const QString &text)
{
    if (m_nominatedOds == ods && m_nominatedText == text)
        return;
    m_nominatedOds = ods;
    m_nominatedText = text;
    emit pharmacyChanged();
}

void PrescriptionsOrder::setOtherPharmacyAvailable(bool available)
{
    if (m_otherAvailable == available)
        return;
    m_otherAvailable = available;
    if (!available && m_pharmacyChoice == "other"_L1)
        m_pharmacyChoice = u"nominated"_s;
    emit pharmacyChanged();
}

void PrescriptionsOrder::setOtherPharmacy(const QString &ods, const QString &text)
{
    if (m_state != Editing || !m_otherAvailable)
        return;
    m_otherOds = ods;
    m_otherText = text;
    m_pharmacyChoice = u"other"_s;
    emit pharmacyChanged();
}

void PrescriptionsOrder::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
    emit resultChanged();
}

void PrescriptionsOrder::setStored(const QString &outcome)
{
    m_outcome = outcome;
    m_errorText.clear();
    if (m_state == Stored)
        emit resultChanged();
    setState(Stored);
}

void PrescriptionsOrder::setFailed(const QString &errorText)
{
    m_outcome.clear();
    m_errorText = errorText;
    if (m_state == Failed)
        emit resultChanged();
    setState(Failed);
}

void PrescriptionsOrder::keepOnly(const QStringList &orderableIds)
{
    if (m_state != Editing)
        return;
    m_selected.removeIf([&](const QString &id) { return !orderableIds.contains(id); });
    // Emitted even when no id went: the names and doses shown for the selection may have changed.
    emit selectionChanged();
}

} // namespace hearth
