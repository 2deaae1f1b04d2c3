// Notifications after a sync: the Notifier gets "Hearth" and a plain sentence, once per change, and
// no string the app can send names a medicine of the sandbox's synthetic family, a pharmacy or a reason.
#include "NotificationCenter.h"
#include "Notifier.h"
#include "SyntheticFamily.h"

#include "store/MetaStore.h"
#include "support/TestCache.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace hearth;

namespace {

struct FakeNotifier final : platform::Notifier {
    QList<QPair<QString, QString>> sent;
    void notify(const QString &title, const QString &body) override { sent.append({title, body}); }
};

RequestItemView view(const char *id, RequestStep step, const char *medicine)
{
    const QString clientId = QString::fromUtf8(id);
    RequestItemView v;
    v.clientId = clientId;
    v.taskId = QStringLiteral("task-") + clientId;
    v.templateId = QStringLiteral("plan-") + clientId;
    v.medication = QString::fromUtf8(medicine);
    v.pharmacyOds = QStringLiteral("FA123");
    v.requestedAt = QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
    v.delivery = RequestItemView::Delivery::Sent;
    v.current = step;
    if (step == RequestStep::Rejected)
        v.timeline << TimelineEntry{RequestStep::Rejected, {}, QStringLiteral("Please book a medication review"), {}, {}};
    return v;
}

// Every medicine name in the synthetic family (all three people), from the sandbox's own data.
QStringList sandboxMedicineNames()
{
    sandbox::ResourceStore family;
    sandbox::buildSyntheticFamily(1, 1, family);
    QSet<QString> names;
    for (const sandbox::StoredResource *r : family.all(QStringLiteral("MedicationRequest"))) {
        const QJsonObject concept_ = QJsonDocument::fromJson(r->json).object().value(QStringLiteral("medicationCodeableConcept")).toObject();
        names.insert(concept_.value(QStringLiteral("text")).toString());
        for (const QJsonValue &c : concept_.value(QStringLiteral("coding")).toArray())
            names.insert(c.toObject().value(QStringLiteral("display")).toString());
    }
    names.remove(QString());
    return names.values();
}

// A medicine is named if its first word (the drug: "Amlodipine", "Salbutamol") appears.
bool namesAMedicine(const QString &text, const QStringList &medicines)
{
    for (const QString &medicine : medicines) {
        const QString drug = medicine.section(QRegularExpression(QStringLiteral("[\\s(]")), 0, 0);
        if (drug.size() >= 4 && text.contains(drug, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("after a sync the Notifier gets one lock-screen-safe notice per change")
{
    test::TempCache cache;
    REQUIRE(cache.db);
    MetaStore meta(cache.db->database());
    FakeNotifier notifier;
    NotificationCenter center;
    center.setNotifier(&notifier);

    CHECK(center.requestsSynced({view("a", RequestStep::InReview, "Amlodipine 5mg tablets"),
                                 view("b", RequestStep::InReview, "Salbutamol inhaler")}, meta) == 0);   // first sync: silent
    CHECK(notifier.sent.isEmpty());

    CHECK(center.requestsSynced({view("a", RequestStep::Approved, "Amlodipine 5mg tablets"),
                                 view("b", RequestStep::Approved, "Salbutamol inhaler")}, meta) == 1);   // one request, one notice
    REQUIRE(notifier.sent.size() == 1);
    CHECK(notifier.sent[0].first == QStringLiteral("Hearth"));
    CHECK(notifier.sent[0].second == QStringLiteral("Your prescription request has been approved"));

    CHECK(center.requestsSynced({view("a", RequestStep::ReadyToCollect, "Amlodipine 5mg tablets"),
                                 view("b", RequestStep::Rejected, "Salbutamol inhaler")}, meta) == 1);
    REQUIRE(notifier.sent.size() == 2);
    CHECK(notifier.sent[1].second == QStringLiteral("A prescription request has been updated"));

    CHECK(center.requestsSynced({view("a", RequestStep::ReadyToCollect, "Amlodipine 5mg tablets"),
                                 view("b", RequestStep::Rejected, "Salbutamol inhaler")}, meta) == 0);
    CHECK(notifier.sent.size() == 2);

    for (const auto &[title, body] : notifier.sent) {
        for (const QString &word : {QStringLiteral("Amlodipine"), QStringLiteral("Salbutamol"), QStringLiteral("FA123"),
                                    QStringLiteral("review")}) {
            CHECK_FALSE(title.contains(word, Qt::CaseInsensitive));
            CHECK_FALSE(body.contains(word, Qt::CaseInsensitive));
        }
    }
}

TEST_CASE("ready to collect has its own words; without a Notifier nothing is shown but all is remembered")
{
    test::TempCache cache;
    REQUIRE(cache.db);
    MetaStore meta(cache.db->database());
    NotificationCenter center;   // no notifier
    QList<QString> bodies;
    QObject::connect(&center, &NotificationCenter::notified, [&bodies](const QString &, const QString &body) { bodies << body; });
    CHECK(center.requestsSynced({view("a", RequestStep::Approved, "Amlodipine")}, meta) == 0);
    CHECK(center.requestsSynced({view("a", RequestStep::ReadyToCollect, "Amlodipine")}, meta) == 1);
    CHECK(bodies == QList<QString>{QStringLiteral("Your prescription is ready to collect")});
}

TEST_CASE("no string the app can send through the Notifier names any medicine of the sandbox")
{
    const QStringList medicines = sandboxMedicineNames();
    REQUIRE(medicines.size() >= 5);
    // The check itself can fail: a sentence with a sandbox medicine in it is caught.
    REQUIRE(namesAMedicine(QStringLiteral("Your ") + medicines.first() + QStringLiteral(" is ready"), medicines));

    const QStringList texts = NotificationCenter::everyText();
    CHECK(texts.size() == 6);   // the title, three request bodies and two message bodies
    CHECK(texts.contains(QStringLiteral("You have a new message in Hearth")));
    for (const QString &text : texts) {
        INFO(text.toStdString());
        CHECK_FALSE(namesAMedicine(text, medicines));
        CHECK_FALSE(text.contains(QRegularExpression(QStringLiteral("\\d"))));   // no doses, codes or dates either
    }
}

TEST_CASE("new messages: the Notifier gets the fixed sentence, never the sender or the content")
{
    FakeNotifier notifier;
    NotificationCenter center;
    center.setNotifier(&notifier);
    center.newMessages(0);
    CHECK(notifier.sent.isEmpty());
    center.newMessages(1);
    center.newMessages(3);
    REQUIRE(notifier.sent.size() == 2);
    CHECK(notifier.sent[0] == qMakePair(QStringLiteral("Hearth"), QStringLiteral("You have a new message in Hearth")));
    CHECK(notifier.sent[1].second == QStringLiteral("You have new messages in Hearth"));
}
