// The home page's running-low rows over a real encrypted store: which medicines, their words,
// dismissal kept until the next issue, a request already made hides the card.
#include "PrescriptionRequest.h"
#include "PrescriptionsRepository.h"
#include "RunningLowModel.h"

#include "store/MetaStore.h"
#include "store/ResourceStore.h"
#include "support/CatchQt.h"
#include "support/TestCache.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

QString day(int daysAgo) { return kNow.addDays(-daysAgo).date().toString(Qt::ISODate); }

StoredResource row(const QString &id, const QByteArray &json)
{
    StoredResource r;
    r.type = QStringLiteral("MedicationRequest");
    r.id = id;
    r.lastUpdated = QStringLiteral("2026-11-01T00:00:00Z");
    r.status = QStringLiteral("active");
    r.json = json;
    return r;
}

StoredResource plan(const char *idText, const char *nameText, bool orderable = true)
{
    const QString id = QString::fromUtf8(idText);
    const QString name = QString::fromUtf8(nameText);
    QJsonObject o{{u"resourceType"_s, u"MedicationRequest"_s}, {u"id"_s, id}, {u"status"_s, u"active"_s}, {u"intent"_s, u"plan"_s},
                  {u"courseOfTherapyType"_s, QJsonObject{{u"coding"_s, QJsonArray{QJsonObject{{u"code"_s, u"continuous"_s}}}}}},
                  {u"medicationCodeableConcept"_s, QJsonObject{{u"text"_s, name}}},
                  {u"dispenseRequest"_s, QJsonObject{{u"quantity"_s, QJsonObject{{u"value"_s, 28}, {u"unit"_s, u"tablet"_s}}},
                                                  {u"expectedSupplyDuration"_s, QJsonObject{{u"value"_s, 28}, {u"code"_s, u"d"_s}}}}}};
    if (!orderable)
        o.insert(u"extension"_s, QJsonArray{QJsonObject{
                                  {u"url"_s, u"https://fhir.hearth.example/StructureDefinition/patient-online-ordering-allowed"_s},
                                  {u"valueBoolean"_s, false}}});
    return row(id, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

StoredResource issue(const char *idText, const char *planText, int daysAgo)
{
    const QString id = QString::fromUtf8(idText);
    const QString planId = QString::fromUtf8(planText);
    const QJsonObject o{{u"resourceType"_s, u"MedicationRequest"_s}, {u"id"_s, id}, {u"status"_s, u"completed"_s}, {u"intent"_s, u"order"_s},
                        {u"authoredOn"_s, day(daysAgo)},
                        {u"basedOn"_s, QJsonArray{QJsonObject{{u"reference"_s, u"MedicationRequest/"_s + planId}}}}};
    return row(id, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

OutboxItem waitingRequest(const QString &planId)
{
    const QJsonObject task{{u"resourceType"_s, u"Task"_s}, {u"status"_s, u"requested"_s}, {u"intent"_s, u"order"_s},
                           {u"authoredOn"_s, kNow.toString(Qt::ISODate)},
                           {u"focus"_s, QJsonObject{{u"reference"_s, u"MedicationRequest/"_s + planId}}}};
    OutboxItem item;
    item.clientId = QStringLiteral("5f1c7a52-0000-4000-8000-000000000001");
    item.kind = QString::fromLatin1(PrescriptionRequest::kOutboxKind);
    item.resourceType = QStringLiteral("Task");
    item.payload = QJsonDocument(task).toJson(QJsonDocument::Compact);
    item.created = kNow;
    return item;
}

} // namespace

TEST_CASE("running-low rows: orderable repeats with 10 days or fewer left, in plain words")
{
    test::TempCache cache;
    REQUIRE(cache.db);
    ResourceStore store(cache.db->database());
    MetaStore meta(cache.db->database());
    for (const StoredResource &r : {plan("p1", "Amlodipine 5mg tablets"), issue("i1", "p1", 22),
                                    plan("p2", "Warfarin 1mg tablets", false), issue("i2", "p2", 25),
                                    plan("p3", "Simvastatin 20mg tablets"), issue("i3", "p3", 3)})
        REQUIRE(store.put(r).ok());
    PrescriptionsRepository repository(store);

    RunningLowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<OutboxItem> outbox;
    model.setClock([] { return kNow; });
    model.setSources(&repository, &meta, [&outbox] { return outbox; });

    REQUIRE(model.rowCount() == 1);   // Warfarin is not orderable online; Simvastatin has 25 days
    const QModelIndex first = model.index(0);
    CHECK(model.data(first, RunningLowModel::TemplateIdRole).toString() == QStringLiteral("p1"));
    CHECK(model.data(first, RunningLowModel::MedicationRole).toString() == QStringLiteral("Amlodipine 5mg tablets"));
    CHECK(model.data(first, RunningLowModel::DaysLeftRole).toInt() == 6);
    CHECK(model.data(first, RunningLowModel::MessageRole).toString()
          == QStringLiteral("About 6 days of Amlodipine 5mg tablets left — order now?"));
    CHECK(model.roleNames().values().contains("message"));

    SECTION("dismissed until the next issue")
    {
        CHECK_FALSE(model.dismiss(QStringLiteral("p3")));   // not a row
        REQUIRE(model.dismiss(QStringLiteral("p1")));
        CHECK(model.rowCount() == 0);
        model.reload();
        CHECK(model.rowCount() == 0);
        // A later issue that is itself running low (20 days ago): the card comes back.
        REQUIRE(store.put(issue("i1b", "p1", 20)).ok());
        model.reload();
        REQUIRE(model.rowCount() == 1);
        CHECK(model.data(model.index(0), RunningLowModel::DaysLeftRole).toInt() == 8);
    }
    SECTION("already asked for: no card (never order twice by accident)")
    {
        outbox << waitingRequest(QStringLiteral("p1"));
        model.reload();
        CHECK(model.rowCount() == 0);
    }
    SECTION("detached: no rows")
    {
        model.setSources(nullptr, nullptr, {});
        CHECK(model.rowCount() == 0);
    }
}

TEST_CASE("the words for one day left and for a supply that may have run out")
{
    CHECK(RunningLowModel::message({QStringLiteral("t"), QStringLiteral("Amlodipine"), 1, {}, 28})
          == QStringLiteral("About 1 day of Amlodipine left — order now?"));
    CHECK(RunningLowModel::message({QStringLiteral("t"), QStringLiteral("Amlodipine"), 0, {}, 28})
          == QStringLiteral("Your Amlodipine may have run out — order now?"));
    CHECK(RunningLowModel::message({QStringLiteral("t"), QStringLiteral("Amlodipine"), -4, {}, 28})
          == QStringLiteral("Your Amlodipine may have run out — order now?"));
}
