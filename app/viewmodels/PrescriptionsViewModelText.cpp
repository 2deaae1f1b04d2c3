// The words of the prescriptions pages: why a medicine cannot be ordered, where a request is, dates.
#include "PrescriptionsViewModel.h"

#include "UnitWords.h"

#include <QLocale>

namespace hearth {

using namespace Qt::StringLiterals;

QString PrescriptionsViewModel::reasonText(NotOrderableReason reason)
{
    switch (reason) {
    case NotOrderableReason::None: return {};
    case NotOrderableReason::NotARepeat:
        return tr("This is not a repeat prescription. If you need more, contact your GP surgery.");
    case NotOrderableReason::NotActive:
        return tr("You no longer take this medicine. If you think this is wrong, contact your GP surgery.");
    case NotOrderableReason::RepeatDispensing:
        return tr("Your pharmacy sends this to you in batches, so you do not need to order it.");
    case NotOrderableReason::AuthorisationEnded:
        return tr("This repeat needs a review by your GP before it can be issued again. Contact your GP surgery.");
    case NotOrderableReason::NoIssuesLeft:
        return tr("You have had all the issues of this repeat. Contact your GP surgery to have it reviewed.");
    case NotOrderableReason::PracticeDisallows:
        return tr("Your GP surgery asks you to order this one by contacting them, not online.");
    }
    return {};
}

QString PrescriptionsViewModel::stepText(RequestStep step)
{
    switch (step) {
    case RequestStep::Requested: return tr("Requested");
    case RequestStep::InReview: return tr("Being reviewed by your GP surgery");
    case RequestStep::Approved: return tr("Approved");
    case RequestStep::Rejected: return tr("Not approved");
    case RequestStep::Issued: return tr("Prescription sent to your pharmacy");
    case RequestStep::ReadyToCollect: return tr("Ready to collect");
    case RequestStep::Collected: return tr("Collected");
    }
    return {};
}

QString PrescriptionsViewModel::stepKind(RequestStep step)
{
    switch (step) {
    case RequestStep::Requested: return u"requested"_s;
    case RequestStep::InReview: return u"in-review"_s;
    case RequestStep::Approved: return u"approved"_s;
    case RequestStep::Rejected: return u"rejected"_s;
    case RequestStep::Issued: return u"issued"_s;
    case RequestStep::ReadyToCollect: return u"ready"_s;
    case RequestStep::Collected: return u"collected"_s;
    }
    return {};
}

QString PrescriptionsViewModel::deliveryText(RequestItemView::Delivery delivery)
{
    switch (delivery) {
    case RequestItemView::Delivery::Waiting: return tr("Waiting to send — it will go when you are back online");
    case RequestItemView::Delivery::Sending: return tr("Sending…");
    case RequestItemView::Delivery::Refused: return tr("Not sent — try again");
    case RequestItemView::Delivery::Sent: return tr("Sent to your GP surgery");
    }
    return {};
}

QString PrescriptionsViewModel::dateText(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime().date(), u"d MMMM yyyy"_s);
}

QString PrescriptionsViewModel::dateTimeText(const QDateTime &utc)
{
    const QDateTime local = utc.toLocalTime();
    //: a date and a time, e.g. "3 May 2026 at 10:15"
    return tr("%1 at %2").arg(QLocale().toString(local.date(), u"d MMMM yyyy"_s), local.time().toString(u"HH:mm"_s));
}

QString PrescriptionsViewModel::quantityText(const std::optional<Quantity> &quantity)
{
    if (!quantity || !quantity->isValid())
        return {};
    const QString amount = QLocale().toString(quantity->value, 'g', 6);
    return quantity->unit.isEmpty() ? tr("Quantity: %1").arg(amount)
                                    : tr("Quantity: %1 %2").arg(amount, countUnit(quantity->unit, quantity->value));
}

QString PrescriptionsViewModel::doseText(const MedicationRequestInfo &m)
{
    if (!m.dosageText.isEmpty())
        return m.dosageText;
    return m.patientInstruction;
}

} // namespace hearth
