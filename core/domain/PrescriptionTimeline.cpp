#include "PrescriptionTimeline.h"

#include <QMap>

#include <algorithm>

namespace hearth::prescriptions {

using namespace Qt::StringLiterals;

namespace {

// The furthest step one version of the Task shows.
RequestStep stepOf(const RenewalTask &t)
{
    const QString business = t.businessStatus.trimmed().toLower();
    if (business == "collected"_L1 || business == "dispensed"_L1)
        return RequestStep::Collected;
    if (business == "ready to collect"_L1 || business == "ready-to-collect"_L1)
        return RequestStep::ReadyToCollect;
    switch (t.status) {
    case TaskStatus::Completed: return RequestStep::Issued;
    case TaskStatus::Rejected:
    case TaskStatus::Cancelled:
    case TaskStatus::Failed: return RequestStep::Rejected;
    case TaskStatus::Accepted: return RequestStep::Approved;
    case TaskStatus::InProgress: return RequestStep::InReview;
    default: break;
    }
    if (business == "in review"_L1)
        return RequestStep::InReview;
    return RequestStep::Requested;
}

QDateTime whenOf(const RenewalTask &t)
{
    return t.lastModified.isValid() ? t.lastModified : t.lastUpdated;
}

} // namespace

QList<TimelineEntry> buildTimeline(const QList<RenewalTask> &versions, const QList<MedicationRequestInfo> &issues)
{
    QList<TimelineEntry> out;
    if (versions.isEmpty())
        return out;
    const RenewalTask &first = versions.first();
    const RenewalTask &last = versions.last();

    // The issue: basedOn the template, not older than the request.
    const MedicationRequestInfo *issue = nullptr;
    for (const MedicationRequestInfo &m : issues) {
        if (m.intent != MedicationIntent::Order || m.basedOnId.isEmpty() || m.basedOnId != last.focusMedicationRequestId)
            continue;
        if (first.authoredOn.isValid() && m.authoredOn.isValid() && m.authoredOn < first.authoredOn)
            continue;
        if (!issue || m.authoredOn < issue->authoredOn)
            issue = &m;
    }

    // First date seen per step, and the furthest step.
    QMap<RequestStep, QDateTime> firstSeen;
    RequestStep furthest = RequestStep::Requested;
    for (const RenewalTask &v : versions) {
        const RequestStep s = stepOf(v);
        if (!firstSeen.contains(s))
            firstSeen.insert(s, whenOf(v));
        furthest = std::max(furthest, s);
    }
    // A refusal ends the request, whatever else was issued from the template since.
    const bool rejected = stepOf(last) == RequestStep::Rejected;
    if (rejected)
        issue = nullptr;
    else if (issue && furthest < RequestStep::Issued)
        furthest = RequestStep::Issued;
    const auto add = [&](RequestStep s) {
        TimelineEntry e;
        e.step = s;
        e.at = firstSeen.value(s);
        out << e;
        return &out.last();
    };
    TimelineEntry *requested = add(RequestStep::Requested);
    if (first.authoredOn.isValid())
        requested->at = first.authoredOn;
    if (firstSeen.contains(RequestStep::InReview) || (!rejected && furthest >= RequestStep::InReview))
        add(RequestStep::InReview);
    if (firstSeen.contains(RequestStep::Approved) && !rejected)
        add(RequestStep::Approved);
    if (rejected) {
        add(RequestStep::Rejected)->reason = last.statusReason;
        return out;
    }
    if (furthest >= RequestStep::Issued) {
        TimelineEntry *e = add(RequestStep::Issued);
        if (issue) {
            e->issuedMedicationRequestId = issue->id;
            if (!e->at.isValid() || (issue->authoredOn.isValid() && issue->authoredOn < e->at))
                e->at = issue->authoredOn;
        }
    }
    if (furthest >= RequestStep::ReadyToCollect)
        add(RequestStep::ReadyToCollect)->pharmacyOds = last.preferredPerformerOds;
    if (furthest >= RequestStep::Collected)
        add(RequestStep::Collected)->pharmacyOds = last.preferredPerformerOds;
    return out;
}

RequestStep currentStep(const QList<TimelineEntry> &timeline)
{
    return timeline.isEmpty() ? RequestStep::Requested : timeline.last().step;
}

} // namespace hearth::prescriptions
