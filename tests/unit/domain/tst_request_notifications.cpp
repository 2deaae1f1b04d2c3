// Which request changes are worth a notification: approved, rejected, ready to collect; one per
// request group; the first sync after sign-in only records; each notice given once (meta table).
#include "RequestNotifications.h"

#include "store/MetaStore.h"
#include "support/TestCache.h"

#include <catch2/catch.hpp>

using namespace hearth;
using Kind = RequestNotice::Kind;

namespace {

const QDateTime kMonday(QDate(2026, 3, 16), QTime(8, 30), Qt::UTC);
const QDateTime kWednesday(QDate(2026, 3, 18), QTime(19, 5), Qt::UTC);

RequestItemView item(const char *id, const QDateTime &requestedAt, RequestStep step,
                     RequestItemView::Delivery delivery = RequestItemView::Delivery::Sent)
{
    const QString clientId = QString::fromUtf8(id);
    RequestItemView v;
    v.clientId = clientId;
    v.taskId = clientId.isEmpty() ? QStringLiteral("task-x") : QStringLiteral("task-") + clientId;
    v.templateId = QStringLiteral("template-") + clientId;
    v.medication = QStringLiteral("Amlodipine 5mg tablets");
    v.requestedAt = requestedAt;
    v.delivery = delivery;
    v.current = step;
    return v;
}

// Feeds `views` after `before` has been seen; returns the notices.
QList<RequestNotice> after(const QList<RequestItemView> &before, const QList<RequestItemView> &views)
{
    const auto first = prescriptions::requestNotices(before, prescriptions::NotifiedSteps{});
    return prescriptions::requestNotices(views, first.seen).notices;
}

} // namespace

TEST_CASE("the first sync after sign-in records every request and notifies nothing")
{
    const QList<RequestItemView> views{item("a", kMonday, RequestStep::ReadyToCollect),
                                       item("b", kWednesday, RequestStep::Rejected)};
    const auto first = prescriptions::requestNotices(views, std::nullopt);
    CHECK(first.notices.isEmpty());
    CHECK(first.seen.steps.size() == 2);
    // The next sync with nothing new is silent too.
    CHECK(prescriptions::requestNotices(views, first.seen).notices.isEmpty());
}

TEST_CASE("approved, rejected and ready to collect each give a notice, once")
{
    const QList<RequestItemView> before{item("a", kMonday, RequestStep::InReview)};
    SECTION("approved")
    {
        const auto notices = after(before, {item("a", kMonday, RequestStep::Approved)});
        CHECK(notices == QList<RequestNotice>{{Kind::Approved, kMonday, 1}});
    }
    SECTION("issued straight away counts as approved")
    {
        CHECK(after(before, {item("a", kMonday, RequestStep::Issued)}) == QList<RequestNotice>{{Kind::Approved, kMonday, 1}});
    }
    SECTION("rejected")
    {
        CHECK(after(before, {item("a", kMonday, RequestStep::Rejected)}) == QList<RequestNotice>{{Kind::Rejected, kMonday, 1}});
    }
    SECTION("ready to collect, even when approval was never seen")
    {
        CHECK(after(before, {item("a", kMonday, RequestStep::ReadyToCollect)})
              == QList<RequestNotice>{{Kind::ReadyToCollect, kMonday, 1}});
    }
    SECTION("collected needs no notice: the patient was there")
    {
        CHECK(after(before, {item("a", kMonday, RequestStep::Collected)}).isEmpty());
    }
}

TEST_CASE("a request moving along gives each milestone once")
{
    std::optional<prescriptions::NotifiedSteps> seen = prescriptions::requestNotices({item("a", kMonday, RequestStep::Requested)}, std::nullopt).seen;
    const auto step = [&seen](RequestStep s) {
        auto update = prescriptions::requestNotices({item("a", kMonday, s)}, seen);
        seen = update.seen;
        return update.notices;
    };
    CHECK(step(RequestStep::InReview).isEmpty());
    CHECK(step(RequestStep::Approved).size() == 1);
    CHECK(step(RequestStep::Approved).isEmpty());            // the same sync again
    CHECK(step(RequestStep::Issued).isEmpty());              // still "approved" to the patient
    const auto ready = step(RequestStep::ReadyToCollect);
    REQUIRE(ready.size() == 1);
    CHECK(ready[0].kind == Kind::ReadyToCollect);
    CHECK(step(RequestStep::Approved).isEmpty());            // a stale page never re-arms a notice
    CHECK(seen->steps.value(QStringLiteral("client:a")) == RequestStep::ReadyToCollect);
    CHECK(step(RequestStep::ReadyToCollect).isEmpty());
    CHECK(step(RequestStep::Collected).isEmpty());
}

TEST_CASE("one notice per request group, not per item")
{
    const QList<RequestItemView> before{item("a", kMonday, RequestStep::InReview), item("b", kMonday, RequestStep::InReview),
                                        item("c", kWednesday, RequestStep::Requested)};
    SECTION("two items approved together: one notice for two items")
    {
        const auto notices = after(before, {item("a", kMonday, RequestStep::Approved), item("b", kMonday, RequestStep::Approved),
                                            item("c", kWednesday, RequestStep::Requested)});
        CHECK(notices == QList<RequestNotice>{{Kind::Approved, kMonday, 2}});
    }
    SECTION("one approved and one rejected: one 'updated' notice")
    {
        const auto notices = after(before, {item("a", kMonday, RequestStep::Approved), item("b", kMonday, RequestStep::Rejected),
                                            item("c", kWednesday, RequestStep::Requested)});
        CHECK(notices == QList<RequestNotice>{{Kind::Updated, kMonday, 2}});
    }
    SECTION("two groups: two notices, newest request first")
    {
        const auto notices = after(before, {item("a", kMonday, RequestStep::ReadyToCollect), item("b", kMonday, RequestStep::InReview),
                                            item("c", kWednesday, RequestStep::Approved)});
        CHECK(notices == QList<RequestNotice>{{Kind::Approved, kWednesday, 1}, {Kind::ReadyToCollect, kMonday, 1}});
    }
}

TEST_CASE("items written milliseconds apart are one request; a request a few minutes later is another")
{
    const QDateTime t0 = kMonday;
    const QList<RequestItemView> before{item("a", t0, RequestStep::InReview), item("b", t0.addMSecs(3), RequestStep::InReview),
                                        item("c", t0.addSecs(180), RequestStep::InReview)};
    const auto notices = after(before, {item("a", t0, RequestStep::Approved), item("b", t0.addMSecs(3), RequestStep::Approved),
                                        item("c", t0.addSecs(180), RequestStep::Approved)});
    CHECK(notices == QList<RequestNotice>{{Kind::Approved, t0.addSecs(180), 1}, {Kind::Approved, t0, 2}});
}

TEST_CASE("requests the server has not got are never notified; new ones from elsewhere are")
{
    const QList<RequestItemView> before{item("a", kMonday, RequestStep::Requested)};
    SECTION("waiting, sending or refused")
    {
        for (auto delivery : {RequestItemView::Delivery::Waiting, RequestItemView::Delivery::Sending,
                              RequestItemView::Delivery::Refused})
            CHECK(after(before, {item("a", kMonday, RequestStep::Requested), item("w", kWednesday, RequestStep::Requested, delivery)})
                          .isEmpty());
    }
    SECTION("a request made at the practice, first seen already ready to collect")
    {
        const auto notices = after(before, {item("a", kMonday, RequestStep::Requested), item("", kWednesday, RequestStep::ReadyToCollect)});
        CHECK(notices == QList<RequestNotice>{{Kind::ReadyToCollect, kWednesday, 1}});
    }
}

TEST_CASE("the record of what was notified lives in the meta table and survives a restart")
{
    test::TempCache cache;
    REQUIRE(cache.db);
    MetaStore meta(cache.db->database());

    CHECK(RequestNotificationLog(meta).update({item("a", kMonday, RequestStep::InReview)}).value().isEmpty());   // first: silent
    CHECK(RequestNotificationLog(meta).update({item("a", kMonday, RequestStep::Approved)}).value()
          == QList<RequestNotice>{{Kind::Approved, kMonday, 1}});
    CHECK(RequestNotificationLog(meta).update({item("a", kMonday, RequestStep::Approved)}).value().isEmpty());

    const QByteArray stored = meta.get(QString::fromLatin1(RequestNotificationLog::kMetaKey)).value().value();
    CHECK_FALSE(stored.contains("Amlodipine"));
    const auto roundTrip = prescriptions::NotifiedSteps::fromJson(stored);
    CHECK(roundTrip.steps.value(QStringLiteral("client:a")) == RequestStep::Approved);
    CHECK(roundTrip.toJson() == stored);
}
