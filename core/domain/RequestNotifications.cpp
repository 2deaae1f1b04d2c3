#include "RequestNotifications.h"

#include "store/MetaStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <algorithm>
#include <cstdlib>

namespace hearth {

using namespace Qt::StringLiterals;

namespace prescriptions {

namespace {

// Progress along the way; Rejected ends it, so it ranks above everything.
int rank(RequestStep step)
{
    switch (step) {
    case RequestStep::Requested: return 0;
    case RequestStep::InReview: return 1;
    case RequestStep::Approved: return 2;
    case RequestStep::Issued: return 3;
    case RequestStep::ReadyToCollect: return 4;
    case RequestStep::Collected: return 5;
    case RequestStep::Rejected: return 6;
    }
    return 0;
}

// The notice a step is worth, if any. Issued counts as approved (some practices issue at once);
// Collected needs none: the patient was there.
std::optional<RequestNotice::Kind> milestone(RequestStep step)
{
    switch (step) {
    case RequestStep::Approved:
    case RequestStep::Issued: return RequestNotice::Kind::Approved;
    case RequestStep::Rejected: return RequestNotice::Kind::Rejected;
    case RequestStep::ReadyToCollect: return RequestNotice::Kind::ReadyToCollect;
    default: return std::nullopt;
    }
}

QString keyOf(const RequestItemView &r)
{
    return r.clientId.isEmpty() ? "task:"_L1 + r.taskId : "client:"_L1 + r.clientId;
}

const QMap<RequestStep, QString> &stepNames()
{
    static const QMap<RequestStep, QString> names{
        {RequestStep::Requested, u"requested"_s}, {RequestStep::InReview, u"in-review"_s},
        {RequestStep::Approved, u"approved"_s},   {RequestStep::Rejected, u"rejected"_s},
        {RequestStep::Issued, u"issued"_s},       {RequestStep::ReadyToCollect, u"ready-to-collect"_s},
        {RequestStep::Collected, u"collected"_s}};
    return names;
}

} // namespace

QByteArray NotifiedSteps::toJson() const
{
    QJsonObject o;
    for (auto it = steps.cbegin(); it != steps.cend(); ++it)
        o.insert(it.key(), stepNames().value(it.value()));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

NotifiedSteps NotifiedSteps::fromJson(const QByteArray &json)
{
    NotifiedSteps out;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const RequestStep step = stepNames().key(it.value().toString(), RequestStep::Requested);
        out.steps.insert(it.key(), step);
    }
    return out;
}

NoticeUpdate requestNotices(const QList<RequestItemView> &requests, const std::optional<NotifiedSteps> &previous)
{
    NoticeUpdate out;
    // The items that reached a new milestone, with when they were asked for.
    struct Changed {
        QDateTime requestedAt;
        RequestNotice::Kind kind;
    };
    QList<Changed> changed;
    for (const RequestItemView &r : requests) {
        if (r.delivery != RequestItemView::Delivery::Sent)
            continue;   // not on the server yet: nothing the practice could have done
        const QString key = keyOf(r);
        std::optional<RequestStep> before;
        if (previous && previous->steps.contains(key))
            before = previous->steps.value(key);
        // Never move the record backwards (a stale page must not re-arm a notice already given).
        const RequestStep now = before && rank(*before) > rank(r.current) ? *before : r.current;
        out.seen.steps.insert(key, now);
        if (!previous)
            continue;   // first sync after sign-in: record only
        const auto kind = milestone(now);
        if (!kind || (before && (rank(*before) >= rank(now) || milestone(*before) == kind)))
            continue;
        changed << Changed{r.requestedAt, *kind};
    }
    // Items asked for together are one request group. Their authoredOn may differ by the milliseconds
    // it took to write each Task, so items within kRequestGroupSeconds of the previous one join its group.
    std::stable_sort(changed.begin(), changed.end(),
                     [](const Changed &a, const Changed &b) { return a.requestedAt < b.requestedAt; });
    for (qsizetype i = 0; i < changed.size();) {
        RequestNotice notice{changed[i].kind, changed[i].requestedAt, 0};
        qsizetype j = i;
        for (; j < changed.size(); ++j) {
            const bool together = j == i
                    || (changed[j].requestedAt.isValid() == changed[j - 1].requestedAt.isValid()
                        && std::abs(changed[j - 1].requestedAt.secsTo(changed[j].requestedAt)) <= kRequestGroupSeconds);
            if (!together)
                break;
            if (changed[j].kind != notice.kind)
                notice.kind = RequestNotice::Kind::Updated;
            ++notice.items;
        }
        out.notices << notice;
        i = j;
    }
    std::reverse(out.notices.begin(), out.notices.end());   // newest request first
    return out;
}

} // namespace prescriptions

RequestNotificationLog::RequestNotificationLog(MetaStore &meta) : m_meta(meta) {}

Result<QList<RequestNotice>> RequestNotificationLog::update(const QList<RequestItemView> &requests)
{
    const auto stored = m_meta.get(QString::fromLatin1(kMetaKey));
    if (!stored)
        return stored.error();
    std::optional<prescriptions::NotifiedSteps> previous;
    if (*stored)
        previous = prescriptions::NotifiedSteps::fromJson(**stored);
    const prescriptions::NoticeUpdate update = prescriptions::requestNotices(requests, previous);
    // Remembered before anyone is told: a crash afterwards loses a notice, never repeats one.
    if (Status s = m_meta.put(QString::fromLatin1(kMetaKey), update.seen.toJson()); !s)
        return s.error();
    return update.notices;
}

} // namespace hearth
