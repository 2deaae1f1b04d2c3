// "About N days left — order now?": supply from the template, days left against a fixed clock,
// the 10-day line, items not orderable online, dismissals per issue in a real encrypted meta table.
#include "PrescriptionReader.h"
#include "PrescriptionRequests.h"
#include "RunningLow.h"

#include "store/MetaStore.h"
#include "support/TestCache.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace hearth;
using Template = PrescriptionsRepository::Template;

namespace {

const QDateTime kNow(QDate(2026, 3, 20), QTime(9, 0), Qt::UTC);

Template repeat(const char *id, const char *name, int supplyDays, const QDateTime &lastIssued)
{
    Template t;
    t.plan.id = QString::fromUtf8(id);
    t.plan.medication = QString::fromUtf8(name);
    t.plan.intent = MedicationIntent::Plan;
    t.plan.course = CourseOfTherapy::Continuous;
    t.plan.status = QStringLiteral("active");
    t.plan.supplyDays = supplyDays;
    t.lastIssued = lastIssued;
    return t;
}

QDateTime daysAgo(int days) { return kNow.addDays(-days); }

QJsonArray dosage(const char *json) { return QJsonDocument::fromJson(json).array(); }

} // namespace

TEST_CASE("days left count from the last issue and the supply it gives")
{
    SECTION("issued today: a whole supply left, so nothing to say for a 28-day supply")
    {
        CHECK(prescriptions::runningLow({repeat("a", "Amlodipine", 28, kNow.addSecs(-2 * 3600))}, kNow).isEmpty());
        // A 7-day supply issued this morning is already inside the line: 7 days left.
        const auto week = prescriptions::runningLow({repeat("w", "Weekly", 7, kNow.addSecs(-3600))}, kNow);
        REQUIRE(week.size() == 1);
        CHECK(week[0].daysLeft == 7);
    }
    SECTION("the line is at 10 days")
    {
        CHECK(prescriptions::runningLow({repeat("a", "Amlodipine", 28, daysAgo(17))}, kNow).isEmpty());   // 11 left
        const auto low = prescriptions::runningLow({repeat("a", "Amlodipine", 28, daysAgo(18))}, kNow);
        REQUIRE(low.size() == 1);
        CHECK(low[0] == RunningLow{QStringLiteral("a"), QStringLiteral("Amlodipine"), 10, daysAgo(18), 28});
    }
    SECTION("overdue: shown with 0 or fewer days, until a whole supply has passed since running out")
    {
        const auto out = prescriptions::runningLow({repeat("a", "Amlodipine", 28, daysAgo(30))}, kNow);
        REQUIRE(out.size() == 1);
        CHECK(out[0].daysLeft == -2);
        CHECK(prescriptions::runningLow({repeat("a", "Amlodipine", 28, daysAgo(56))}, kNow).value(0).daysLeft == -28);
        CHECK(prescriptions::runningLow({repeat("a", "Amlodipine", 28, daysAgo(57))}, kNow).isEmpty());
    }
    SECTION("a part day does not count as a day gone")
    {
        // 17 days and 23 hours gone: 11 whole days left, not yet low.
        CHECK(prescriptions::runningLow({repeat("a", "Amlodipine", 28, daysAgo(18).addSecs(3600))}, kNow).isEmpty());
    }
}

TEST_CASE("never shown when the supply is unknown, never issued or not orderable online")
{
    SECTION("unknown supply, however long ago the issue")
    {
        CHECK(prescriptions::runningLow({repeat("u", "Salbutamol", 0, daysAgo(25))}, kNow).isEmpty());
        CHECK(prescriptions::runningLow({repeat("u", "Salbutamol", 0, daysAgo(400))}, kNow).isEmpty());
    }
    SECTION("never issued")
    {
        CHECK(prescriptions::runningLow({repeat("n", "Never", 28, {})}, kNow).isEmpty());
    }
    SECTION("every reason not to be orderable online hides it")
    {
        for (NotOrderableReason why : {NotOrderableReason::PracticeDisallows, NotOrderableReason::NoIssuesLeft,
                                       NotOrderableReason::AuthorisationEnded, NotOrderableReason::RepeatDispensing,
                                       NotOrderableReason::NotActive, NotOrderableReason::NotARepeat}) {
            Template t = repeat("x", "Warfarin", 28, daysAgo(25));
            t.notOrderable = why;
            CHECK(prescriptions::runningLow({t}, kNow).isEmpty());
        }
        CHECK(prescriptions::runningLow({repeat("x", "Warfarin", 28, daysAgo(25))}, kNow).size() == 1);
    }
}

TEST_CASE("fewest days first, then by name")
{
    const auto out = prescriptions::runningLow({repeat("c", "Citalopram", 28, daysAgo(20)),
                                                repeat("b", "bisoprolol", 28, daysAgo(25)),
                                                repeat("a", "Atorvastatin", 28, daysAgo(20)),
                                                repeat("z", "Zopiclone", 28, daysAgo(2))},
                                               kNow);
    REQUIRE(out.size() == 3);
    CHECK(out[0].templateId == QStringLiteral("b"));
    CHECK(out[1].templateId == QStringLiteral("a"));
    CHECK(out[2].templateId == QStringLiteral("c"));
    CHECK(out[1].daysLeft == 8);
}

TEST_CASE("without expectedSupplyDuration the supply is quantity ÷ the structured daily dose")
{
    SECTION("doseQuantity × frequency per period")
    {
        const auto dose = prescriptions::dailyDose(dosage(R"([{"text":"One tablet twice a day",
            "timing":{"repeat":{"frequency":2,"period":1,"periodUnit":"d"}},
            "doseAndRate":[{"doseQuantity":{"value":1,"unit":"tablet"}}]}])"), Quantity{56, QStringLiteral("tablets")});
        REQUIRE(dose);
        CHECK(*dose == Approx(2));
    }
    SECTION("a whole MedicationRequest read from JSON: 56 tablets at 2 a day last 28 days")
    {
        const QByteArray json = R"({"resourceType":"MedicationRequest","id":"p1","status":"active","intent":"plan",
            "courseOfTherapyType":{"coding":[{"code":"continuous"}]},
            "medicationCodeableConcept":{"text":"Metformin 500mg tablets"},
            "dosageInstruction":[{"text":"One tablet twice a day","timing":{"repeat":{"frequency":2,"period":1,"periodUnit":"d"}},
                                  "doseAndRate":[{"doseQuantity":{"value":1,"unit":"tablet"}}]}],
            "dispenseRequest":{"quantity":{"value":56,"unit":"tablet"}}})";
        const MedicationRequestInfo plan = prescriptions::readMedicationRequest(QJsonDocument::fromJson(json).object());
        REQUIRE(plan.dailyDose);
        CHECK(prescriptions::supplyDays(plan) == 28);
        Template t;
        t.plan = plan;
        t.lastIssued = daysAgo(20);
        const auto out = prescriptions::runningLow({t}, kNow);
        REQUIRE(out.size() == 1);
        CHECK(out[0].daysLeft == 8);
    }
    SECTION("expectedSupplyDuration wins when both are there")
    {
        MedicationRequestInfo plan;
        plan.supplyDays = 30;
        plan.quantity = Quantity{56, QStringLiteral("tablet")};
        plan.dailyDose = 2;
        CHECK(prescriptions::supplyDays(plan) == 30);
    }
    SECTION("weekly, timing codes, times of day, a dose range's top")
    {
        CHECK(*prescriptions::dailyDose(dosage(R"([{"timing":{"repeat":{"frequency":1,"period":1,"periodUnit":"wk"}},
            "doseAndRate":[{"doseQuantity":{"value":4,"unit":"tablets"}}]}])"), Quantity{16, QStringLiteral("tablet")})
              == Approx(4.0 / 7));
        CHECK(*prescriptions::dailyDose(dosage(R"([{"timing":{"code":{"coding":[{"code":"TID"}]}},
            "doseAndRate":[{"doseQuantity":{"value":1}}]}])"), Quantity{84, QStringLiteral("capsule")}) == Approx(3));
        CHECK(*prescriptions::dailyDose(dosage(R"([{"timing":{"repeat":{"timeOfDay":["08:00:00","20:00:00"]}},
            "doseAndRate":[{"doseRange":{"low":{"value":1},"high":{"value":2}}}]}])"), std::nullopt) == Approx(4));
        // Two dosages of one phase (morning and evening doses) add up.
        CHECK(*prescriptions::dailyDose(dosage(R"([
            {"timing":{"repeat":{"when":["MORN"]}},"doseAndRate":[{"doseQuantity":{"value":2,"unit":"tablet"}}]},
            {"timing":{"repeat":{"when":["EVE"]}},"doseAndRate":[{"doseQuantity":{"value":1,"unit":"tablet"}}]}])"),
                                        Quantity{84, QStringLiteral("tablet")}) == Approx(3));
    }
    SECTION("unknown: as needed, other units, several phases, text only")
    {
        const Quantity tablets{28, QStringLiteral("tablet")};
        CHECK_FALSE(prescriptions::dailyDose(dosage(R"([{"asNeededBoolean":true,"timing":{"repeat":{"frequency":4,"period":1,"periodUnit":"d"}},
            "doseAndRate":[{"doseQuantity":{"value":1,"unit":"tablet"}}]}])"), tablets));
        CHECK_FALSE(prescriptions::dailyDose(dosage(R"([{"timing":{"repeat":{"frequency":1,"period":1,"periodUnit":"d"}},
            "doseAndRate":[{"doseQuantity":{"value":10,"unit":"mg"}}]}])"), tablets));
        CHECK_FALSE(prescriptions::dailyDose(dosage(R"([
            {"sequence":1,"timing":{"repeat":{"frequency":1,"period":1,"periodUnit":"d"}},"doseAndRate":[{"doseQuantity":{"value":2}}]},
            {"sequence":2,"timing":{"repeat":{"frequency":1,"period":1,"periodUnit":"d"}},"doseAndRate":[{"doseQuantity":{"value":1}}]}])"), tablets));
        CHECK_FALSE(prescriptions::dailyDose(dosage(R"([{"text":"One to be taken each day"}])"), tablets));
        CHECK_FALSE(prescriptions::dailyDose({}, tablets));
    }
}

TEST_CASE("the NHS examples: supply comes from expectedSupplyDuration; none has a structured dose")
{
    const QDir dir(QStringLiteral(HEARTH_NHS_FIXTURES_DIR "/prescriptions"));
    int plans = 0;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile f(dir.filePath(name));
        REQUIRE(f.open(QIODevice::ReadOnly));
        const auto contents = prescriptions::read(f.readAll());
        REQUIRE(contents);
        for (const MedicationRequestInfo &m : contents->medicationRequests) {
            INFO(name.toStdString() << " " << m.id.toStdString());
            // methotrexate.json has a malformed timing and no doseAndRate; the others only text.
            CHECK_FALSE(m.dailyDose);
            CHECK(prescriptions::supplyDays(m) == m.supplyDays);
            plans += m.intent == MedicationIntent::Plan ? 1 : 0;
        }
    }
    CHECK(plans >= 3);
}

TEST_CASE("a medicine already asked for since its last issue is not suggested again")
{
    const RunningLow low{QStringLiteral("t1"), QStringLiteral("Amlodipine"), 5, daysAgo(23), 28};
    RequestItemView request;
    request.templateId = QStringLiteral("t1");
    request.requestedAt = daysAgo(1);
    request.delivery = RequestItemView::Delivery::Waiting;

    CHECK(prescriptions::withoutOpenRequests({low}, {request}).isEmpty());
    request.delivery = RequestItemView::Delivery::Sent;
    request.current = RequestStep::Approved;
    CHECK(prescriptions::withoutOpenRequests({low}, {request}).isEmpty());

    SECTION("refused by the server or rejected by the practice: suggest again")
    {
        request.delivery = RequestItemView::Delivery::Refused;
        CHECK(prescriptions::withoutOpenRequests({low}, {request}).size() == 1);
        request.delivery = RequestItemView::Delivery::Sent;
        request.current = RequestStep::Rejected;
        CHECK(prescriptions::withoutOpenRequests({low}, {request}).size() == 1);
    }
    SECTION("a request from before the last issue, or for another medicine, does not count")
    {
        request.requestedAt = daysAgo(30);
        CHECK(prescriptions::withoutOpenRequests({low}, {request}).size() == 1);
        request.requestedAt = daysAgo(1);
        request.templateId = QStringLiteral("t2");
        CHECK(prescriptions::withoutOpenRequests({low}, {request}).size() == 1);
    }
}

TEST_CASE("a dismissal lasts until the medicine's next issue, kept in the encrypted meta table")
{
    test::TempCache cache;
    REQUIRE(cache.db);
    MetaStore meta(cache.db->database());
    RunningLowDismissals dismissals(meta);
    const RunningLow a{QStringLiteral("a"), QStringLiteral("Amlodipine"), 5, daysAgo(23), 28};
    const RunningLow b{QStringLiteral("b"), QStringLiteral("Bisoprolol"), 8, daysAgo(20), 28};

    CHECK(dismissals.visible({a, b}).value() == QList<RunningLow>{a, b});
    REQUIRE(dismissals.dismiss(a).ok());
    CHECK(dismissals.visible({a, b}).value() == QList<RunningLow>{b});
    // Read back through a fresh object: it is the store that remembers.
    CHECK(RunningLowDismissals(meta).visible({a, b}).value() == QList<RunningLow>{b});
    // The card for the same issue days later stays dismissed.
    RunningLow aLater = a;
    aLater.daysLeft = 2;
    CHECK(dismissals.visible({aLater}).value().isEmpty());

    SECTION("a new issue brings it back")
    {
        RunningLow next = a;
        next.lastIssued = daysAgo(1).addDays(-25);
        next.daysLeft = 3;
        CHECK(dismissals.visible({next}).value() == QList<RunningLow>{next});
    }
    SECTION("the stored value names no medicine")
    {
        const QByteArray stored = meta.get(QString::fromLatin1(RunningLowDismissals::kMetaKey)).value().value();
        CHECK_FALSE(stored.contains("Amlodipine"));
        CHECK(stored.contains("\"a\""));
    }
}
