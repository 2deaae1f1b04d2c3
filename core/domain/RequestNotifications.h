#pragma once

#include "PrescriptionRequests.h"

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <optional>

namespace hearth {

class MetaStore;

// Something worth a notification about the patient's repeat requests. It carries no medicine,
// pharmacy or practice words at all: app/ turns the kind into a lock-screen-safe sentence.
struct RequestNotice {
    enum class Kind {
        Approved,         // the practice approved (or straight away issued) the request
        Rejected,         // the practice turned it down
        ReadyToCollect,   // the pharmacy has it ready
        Updated,          // several of these at once for one request (e.g. one item approved, one rejected)
    };
    Kind kind = Kind::Updated;
    QDateTime requestedAt;   // the request group: its earliest item's authoredOn
    int items = 0;           // how many of the group's items changed
    friend bool operator==(const RequestNotice &, const RequestNotice &) = default;
};

namespace prescriptions {

// The furthest step of each request item that has been notified (or seen at the first sync), keyed by
// the outbox client id, else the Task id. Serialised as a small JSON object.
struct NotifiedSteps {
    QHash<QString, RequestStep> steps;
    QByteArray toJson() const;
    static NotifiedSteps fromJson(const QByteArray &json);
};

struct NoticeUpdate {
    QList<RequestNotice> notices;   // newest request first; at most one per request group
    NotifiedSteps seen;             // what to remember for next time
};

// Items whose authoredOn lie this close together were asked for together (one request group).
inline constexpr qint64 kRequestGroupSeconds = 60;

// What changed since `previous`: an item whose step moved to Approved (or Issued, for practices that
// skip approval), Rejected or ReadyToCollect gives a notice, one per request group. With no previous
// record (the first sync after sign-in) everything is recorded and nothing is notified: the patient
// did not miss anything new, they just signed in. Items the server has not got (waiting, refused) are
// never notified.
NoticeUpdate requestNotices(const QList<RequestItemView> &requests, const std::optional<NotifiedSteps> &previous);

} // namespace prescriptions

// requestNotices() with its record kept in the patient's encrypted meta table.
class RequestNotificationLog {
public:
    explicit RequestNotificationLog(MetaStore &meta);
    static constexpr const char *kMetaKey = "notifications.request-steps";

    // The notices for `requests`, and remembers them so each is given once.
    Result<QList<RequestNotice>> update(const QList<RequestItemView> &requests);

private:
    MetaStore &m_meta;
};

} // namespace hearth
