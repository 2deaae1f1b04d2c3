// Notifications and running low end to end against the in-process sandbox over real HTTP: the
// parent signs in and syncs; running low comes from the synced templates; two repeats are ordered
// through the outbox; the sandbox moves them along; after each sync NotificationCenter tells a fake
// Notifier exactly what a patient would see, and never a medicine's name.
#include "NotificationCenter.h"
#include "Notifier.h"
#include "Pharmacy.h"
#include "PrescriptionReader.h"
#include "PrescriptionRequest.h"
#include "PrescriptionRequests.h"
#include "PrescriptionsRepository.h"
#include "RunningLow.h"

#include "auth/SignInFlow.h"
#include "net/ApiClient.h"
#include "store/CacheDatabase.h"
#include "store/MetaStore.h"
#include "store/ResourceStore.h"
#include "support/SpinUntil.h"
#include "support/TestCache.h"
#include "sync/HeadlessBrowser.h"
#include "sync/Outbox.h"
#include "sync/SyncEngine.h"

#include "SandboxServer.h"
#include "SyntheticFamily.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <memory>

using namespace hearth;
namespace rx = hearth::prescriptions;
using std::chrono::milliseconds;

namespace {

using test::spinUntil;

struct FakeNotifier final : platform::Notifier {
    QList<QPair<QString, QString>> sent;
    void notify(const QString &title, const QString &body) override { sent.append({title, body}); }
};

// A sandbox, the parent signed in, the parent's encrypted database, synced once.
struct World {
    sandbox::SandboxServer server;
    QNetworkAccessManager nam;
    QByteArray accessToken;
    QString patientId;
    hearth::test::TempCache cache;
    std::unique_ptr<ApiClient> online;

    World()
    {
        REQUIRE(server.listen(0));
        REQUIRE(cache.db);
        HeadlessBrowser browser(nam);
        SignInFlow flow(nam);
        AuthParams params;
        params.loginHint = QStringLiteral("parent");
        std::optional<Result<SignInResult>> result;
        flow.start(server.fhirBaseUrl(), params, [&](const QUrl &url) { browser.open(url); },
                   [&](Result<SignInResult> r) { result = std::move(r); }, 20000);
        REQUIRE(spinUntil([&] { return result.has_value(); }));
        REQUIRE(result->ok());
        accessToken = result->value().tokens.accessToken;
        patientId = result->value().patientId;
        online = api(server.fhirBaseUrl());
        sync();
    }

    std::unique_ptr<ApiClient> api(const QUrl &base)
    {
        auto client = std::make_unique<ApiClient>(nam, base);
        client->setAccessToken(accessToken);
        client->setTransferTimeoutMs(10000);
        return client;
    }

    std::unique_ptr<Outbox> outbox(ApiClient &client)
    {
        auto opened = Outbox::open(*cache.db, client);
        REQUIRE(opened.ok());
        std::unique_ptr<Outbox> box = std::move(opened).value();
        box->setAutoRetry(false);
        box->setBackoff([](int, const Error &) { return milliseconds(0); });
        return box;
    }

    SyncReport sync()
    {
        SyncEngine engine(*online);
        std::optional<Result<SyncReport>> report;
        engine.syncPatient(patientId, *cache.db, [&](Result<SyncReport> r) { report = std::move(r); });
        REQUIRE(spinUntil([&] { return report.has_value(); }, 60000));
        INFO((report->ok() ? QString() : report->error().describe()).toStdString());
        REQUIRE(report->ok());
        return report->value();
    }

    QJsonObject control(const QByteArray &verb, const QString &pathAndQuery, int expect = 200)
    {
        QNetworkRequest request(server.fhirBaseUrl().resolved(QUrl(pathAndQuery)));
        QNetworkReply *reply = nam.sendCustomRequest(request, verb);
        REQUIRE(spinUntil([&] { return reply->isFinished(); }));
        const QByteArray body = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        INFO(body.toStdString());
        REQUIRE(status == expect);
        return QJsonDocument::fromJson(body).object();
    }

    QStringList serverTaskIds()
    {
        QStringList ids;
        for (const QJsonValue &v : control("GET", QStringLiteral("/_sandbox/resources?type=Task")).value(QStringLiteral("ids")).toArray())
            ids << v.toString();
        return ids;
    }

    QByteArray fhirGet(const QString &path)
    {
        std::optional<Result<HttpReply>> got;
        online->get(path, [&](Result<HttpReply> r) { got = std::move(r); });
        REQUIRE(spinUntil([&] { return got.has_value(); }));
        REQUIRE(got->ok());
        return got->value().body;
    }

    PrescriptionsRepository repository() { return PrescriptionsRepository(*store); }
    std::unique_ptr<ResourceStore> store = std::make_unique<ResourceStore>(cache.db->database());

    // The nominated pharmacy as the synced Patient names it.
    QString nominatedPharmacy()
    {
        auto patient = store->get(QStringLiteral("Patient"), patientId);
        REQUIRE(patient.ok());
        REQUIRE(patient->has_value());
        return rx::nominatedPharmacyOds(QJsonDocument::fromJson((*patient)->json).object());
    }

    // Two repeats the practice allows online, and checks the one it does not is marked.
    QList<MedicationRequestInfo> twoOrderable()
    {
        auto templates = repository().repeatTemplates(QDateTime::currentDateTimeUtc());
        REQUIRE(templates.ok());
        QList<MedicationRequestInfo> out;
        bool sawDisallowed = false;
        for (const auto &t : *templates) {
            if (t.notOrderable == NotOrderableReason::None && out.size() < 2)
                out << t.plan;
            sawDisallowed = sawDisallowed || t.notOrderable == NotOrderableReason::PracticeDisallows;
            CHECK(t.lastIssued.isValid());   // every sandbox repeat has been issued before
        }
        CHECK(sawDisallowed);
        REQUIRE(out.size() == 2);
        return out;
    }

    Result<QStringList> order(Outbox &box, const QList<MedicationRequestInfo> &items)
    {
        PrescriptionRequest request(patientId, nominatedPharmacy());
        for (const auto &item : items)
            request.addItem(item);
        request.setNote(QStringLiteral("Going on holiday on Friday"));
        return request.submit([&box](const QString &kind, const QString &type, const QByteArray &json) {
            return box.enqueue(kind, type, json);
        }, QDateTime::currentDateTimeUtc());
    }
};

Outbox::FlushReport flushAndWait(Outbox &box)
{
    std::optional<Outbox::FlushReport> report;
    box.flush([&](Outbox::FlushReport r) { report = r; });
    REQUIRE(spinUntil([&] { return report.has_value(); }));
    return *report;
}

QList<RequestItemView> views(World &w, Outbox &box)
{
    auto items = box.items();
    REQUIRE(items.ok());
    auto out = rx::requestViews(w.repository(), *items);
    REQUIRE(out.ok());
    return *out;
}

} // namespace

TEST_CASE("after each sync the patient is told approved, ready to collect and 'updated', once each, without names",
          "[notifications]")
{
    World w;
    MetaStore meta(w.cache.db->database());
    FakeNotifier notifier;
    NotificationCenter center;
    center.setNotifier(&notifier);

    // Running low from what sync stored, at the sandbox's reference date and 20 days later.
    const QDateTime reference = QDateTime::fromMSecsSinceEpoch(sandbox::referenceInstantMs(), Qt::UTC);
    auto templates = w.repository().repeatTemplates(reference);
    REQUIRE(templates.ok());
    QStringList medicines;
    QString disallowed;
    for (const auto &t : *templates) {
        medicines << t.plan.medication;
        if (t.notOrderable == NotOrderableReason::PracticeDisallows)
            disallowed = t.plan.id;
    }
    REQUIRE_FALSE(disallowed.isEmpty());
    const QList<RunningLow> later = rx::runningLow(*templates, reference.addDays(20));
    CHECK_FALSE(later.isEmpty());
    for (const RunningLow &low : later) {
        CHECK(low.daysLeft <= rx::kRunningLowDays);
        CHECK(low.templateId != disallowed);   // never for what cannot be ordered online
    }

    auto box = w.outbox(*w.online);
    CHECK(center.requestsSynced(views(w, *box), meta) == 0);   // the first sync after sign-in: silent

    const QList<MedicationRequestInfo> items = w.twoOrderable();
    const Result<QStringList> ids = w.order(*box, items);
    REQUIRE(ids.ok());
    // Ordered: no longer suggested as running low.
    QList<RunningLow> ordered;
    for (const auto &item : items)
        ordered << RunningLow{item.id, item.medication, 3, reference.addDays(-30), 28};
    CHECK(rx::withoutOpenRequests(ordered, views(w, *box)).isEmpty());

    (void)flushAndWait(*box);
    w.sync();
    CHECK(center.requestsSynced(views(w, *box), meta) == 0);   // requested: nothing to tell yet
    QHash<QString, QString> taskOf;
    auto requests = w.repository().requests();
    REQUIRE(requests.ok());
    for (const RenewalTask &t : *requests)
        taskOf.insert(t.focusMedicationRequestId, t.id);
    const QString first = taskOf.value(items.at(0).id);
    const QString second = taskOf.value(items.at(1).id);
    REQUIRE_FALSE(first.isEmpty());
    REQUIRE_FALSE(second.isEmpty());
    const auto advance = [&w](const QString &id, const QString &extra = {}) {
        w.control("POST", QStringLiteral("/_sandbox/prescriptions/advance?id=") + id + extra);
    };

    // Both reviewed, then both approved in one go: one notice for the one request.
    advance(first);
    advance(second);
    w.sync();
    CHECK(center.requestsSynced(views(w, *box), meta) == 0);
    advance(first);
    advance(second);
    w.sync();
    CHECK(center.requestsSynced(views(w, *box), meta) == 1);
    REQUIRE(notifier.sent.size() == 1);
    CHECK(notifier.sent.last().second == QStringLiteral("Your prescription request has been approved"));
    CHECK(center.requestsSynced(views(w, *box), meta) == 0);   // the same state again: told once

    // Issued: nothing new for the patient. Ready to collect: told.
    advance(first);
    w.sync();
    CHECK(center.requestsSynced(views(w, *box), meta) == 0);
    advance(first);
    w.sync();
    CHECK(center.requestsSynced(views(w, *box), meta) == 1);
    CHECK(notifier.sent.last().second == QStringLiteral("Your prescription is ready to collect"));

    for (const auto &[title, body] : notifier.sent) {
        CHECK(title == QStringLiteral("Hearth"));
        for (const QString &medicine : medicines) {
            const QString drug = medicine.section(u' ', 0, 0);
            CHECK_FALSE(body.contains(drug, Qt::CaseInsensitive));
        }
        CHECK_FALSE(body.contains(QStringLiteral("FA123")));
    }
}
