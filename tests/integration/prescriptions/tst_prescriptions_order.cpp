// Repeat prescriptions end to end against the in-process sandbox over real HTTP:
// - ordering two items makes exactly one Task each, also when the first POST's reply is lost and when
//   the order is made offline and sent after reconnecting;
// - the sandbox moves the requests along; sync reads them back; the domain builds a dated timeline
//   (requested, in review, approved / rejected with the practice's reason, issued, ready, collected).
#include "Pharmacy.h"
#include "PharmacyDirectory.h"
#include "PharmacyRepository.h"
#include "PrescriptionReader.h"
#include "PrescriptionRequest.h"
#include "PrescriptionRequests.h"
#include "PrescriptionTimeline.h"
#include "PrescriptionsRepository.h"

#include "auth/SignInFlow.h"
#include "net/ApiClient.h"
#include "store/CacheDatabase.h"
#include "store/ResourceStore.h"
#include "support/MemoryKeyStore.h"
#include "support/SpinUntil.h"
#include "support/TestCache.h"
#include "sync/HeadlessBrowser.h"
#include "sync/Outbox.h"
#include "sync/Profile.h"
#include "sync/Session.h"
#include "sync/SyncEngine.h"

#include "SandboxServer.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>

#include <memory>

using namespace hearth;
namespace rx = hearth::prescriptions;
using std::chrono::milliseconds;

namespace {

using test::spinUntil;

QUrl deadBase()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1/fhir/R4").arg(port));
}

// The server's FHIR request counters (test-only endpoint): total and by type.
QJsonObject requestCounts(sandbox::SandboxServer &server, QNetworkAccessManager &nam, bool reset);

// A sandbox, the parent signed in, the parent's encrypted database, synced once.
struct World {
    sandbox::SandboxServer server;
    QNetworkAccessManager nam;
    QByteArray accessToken;
    QString patientId;
    hearth::test::TempCache cache;
    std::unique_ptr<ApiClient> online;

    explicit World(sandbox::SandboxOptions options = {}) : server(options)
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

bool allSent(Outbox &box, const QStringList &ids)
{
    for (const QString &id : ids) {
        auto item = box.item(id);
        if (!item.ok() || !item->has_value() || (*item)->state != OutboxState::Sent)
            return false;
    }
    return true;
}

// The Tasks on the server: focus template id → count, checking each is a well-formed renewal.
QMap<QString, int> serverRequests(World &w)
{
    QMap<QString, int> byTemplate;
    for (const QString &id : w.serverTaskIds()) {
        const RenewalTask t = rx::readTask(QJsonDocument::fromJson(w.fhirGet(QStringLiteral("Task/") + id)).object());
        CHECK(t.isRenewal());
        CHECK(t.status == TaskStatus::Requested);
        CHECK(t.intent == QLatin1String("order"));
        CHECK(t.forPatientId == w.patientId);
        CHECK(t.preferredPerformerOds == QLatin1String("FA123"));
        CHECK(t.notes == QStringList{QStringLiteral("Going on holiday on Friday")});
        ++byTemplate[t.focusMedicationRequestId];
    }
    return byTemplate;
}

} // namespace

TEST_CASE("two items ordered: exactly one Task each, though the first reply is lost", "[prescriptions][fault]")
{
    World w;
    const QList<MedicationRequestInfo> items = w.twoOrderable();
    auto box = w.outbox(*w.online);
    // Qt resends a POST twice by itself when the connection closes before any reply byte; three drops
    // make the loss reach the outbox (see tests/integration/outbox).
    w.control("POST", QStringLiteral("/_sandbox/faults?mode=drop-response&type=Task&times=3"));

    const Result<QStringList> ids = w.order(*box, items);
    REQUIRE(ids.ok());
    REQUIRE(ids->size() == 2);
    const auto first = flushAndWait(*box);
    CHECK(first.stoppedBy.kind == Error::Kind::Network);
    CHECK(w.serverTaskIds().size() == 1);   // the first was committed, its reply lost

    for (int pass = 0; pass < 5 && !allSent(*box, *ids); ++pass)
        (void)flushAndWait(*box);
    REQUIRE(allSent(*box, *ids));
    (void)flushAndWait(*box);   // nothing left to send

    const QMap<QString, int> byTemplate = serverRequests(w);
    CHECK(byTemplate.size() == 2);
    CHECK(byTemplate.value(items.at(0).id) == 1);
    CHECK(byTemplate.value(items.at(1).id) == 1);
}

TEST_CASE("ordered offline, sent exactly once after reconnecting", "[prescriptions][fault]")
{
    World w;
    const QList<MedicationRequestInfo> items = w.twoOrderable();
    QStringList ids;
    {
        auto offline = w.api(deadBase());
        auto box = w.outbox(*offline);
        const Result<QStringList> ordered = w.order(*box, items);
        REQUIRE(ordered.ok());
        ids = *ordered;
        const auto report = flushAndWait(*box);
        CHECK(report.stoppedBy.kind == Error::Kind::Network);
        CHECK(report.waiting == 2);
    }
    CHECK(w.serverTaskIds().isEmpty());

    auto box = w.outbox(*w.online);   // back online: the same database, a new outbox
    const auto report = flushAndWait(*box);
    CHECK(report.sent == 2);
    REQUIRE(allSent(*box, ids));
    (void)flushAndWait(*box);
    const QMap<QString, int> byTemplate = serverRequests(w);
    CHECK(byTemplate.value(items.at(0).id) == 1);
    CHECK(byTemplate.value(items.at(1).id) == 1);
    CHECK(w.serverTaskIds().size() == 2);
}

TEST_CASE("the sandbox moves the requests; sync reads them back; the timeline has every step with its date",
          "[prescriptions]")
{
    World w;
    const QList<MedicationRequestInfo> items = w.twoOrderable();
    auto box = w.outbox(*w.online);
    const Result<QStringList> ids = w.order(*box, items);
    REQUIRE(ids.ok());
    (void)flushAndWait(*box);
    REQUIRE(allSent(*box, *ids));

    // Sync brings the requests back, matched to the outbox by their client identifier.
    w.sync();
    auto requests = w.repository().requests();
    REQUIRE(requests.ok());
    REQUIRE(requests->size() == 2);
    QHash<QString, QString> taskOf;   // template id → server Task id
    for (const RenewalTask &t : *requests) {
        CHECK(t.status == TaskStatus::Requested);
        CHECK((t.clientIdentifier == QStringLiteral("urn:uuid:") + ids->at(0)
               || t.clientIdentifier == QStringLiteral("urn:uuid:") + ids->at(1)));
        taskOf.insert(t.focusMedicationRequestId, t.id);
    }
    const QString approvedId = taskOf.value(items.at(0).id);
    const QString rejectedId = taskOf.value(items.at(1).id);
    REQUIRE_FALSE(approvedId.isEmpty());
    REQUIRE_FALSE(rejectedId.isEmpty());

    // The first goes all the way; a sync after each step keeps every version the client saw.
    const auto current = [&](const QString &taskId) {
        auto all = w.repository().requests();
        REQUIRE(all.ok());
        for (const RenewalTask &t : *all)
            if (t.id == taskId)
                return t;
        FAIL("request not in the store");
        return RenewalTask{};
    };
    QList<RenewalTask> seen{current(approvedId)};
    const QStringList steps{QStringLiteral("in-review"), QStringLiteral("accepted"), QStringLiteral("issued"),
                            QStringLiteral("ready-to-collect"), QStringLiteral("collected")};
    for (const QString &step : steps) {
        CHECK(w.control("POST", QStringLiteral("/_sandbox/prescriptions/advance?id=") + approvedId).value(QStringLiteral("step")).toString()
              == step);
        const SyncReport report = w.sync();
        CHECK(report.stored >= 1);
        seen << current(approvedId);
    }
    // The second is rejected with the practice's reason.
    const QString reason = QStringLiteral("Please book a medication review with your GP first");
    w.control("POST", QStringLiteral("/_sandbox/prescriptions/advance?id=") + rejectedId);
    w.control("POST", QStringLiteral("/_sandbox/prescriptions/advance?id=") + rejectedId + QStringLiteral("&reject=")
                          + QString::fromLatin1(QUrl::toPercentEncoding(reason)));
    w.sync();

    auto issues = w.repository().issues();
    REQUIRE(issues.ok());
    const QList<RequestStep> expected{RequestStep::Requested, RequestStep::InReview, RequestStep::Approved,
                                      RequestStep::Issued, RequestStep::ReadyToCollect, RequestStep::Collected};
    const auto checkFull = [&](const QList<TimelineEntry> &timeline) {
        REQUIRE(timeline.size() == expected.size());
        for (int i = 0; i < timeline.size(); ++i) {
            INFO("step " << i);
            CHECK(timeline.at(i).step == expected.at(i));
            CHECK(timeline.at(i).at.isValid());
            if (i > 0)
                CHECK(timeline.at(i).at >= timeline.at(i - 1).at);
        }
        CHECK(timeline.at(0).at == seen.first().authoredOn);
        CHECK(timeline.at(4).pharmacyOds == QLatin1String("FA123"));
        // The issue sync brought back: an order based on the template.
        const QString issueId = timeline.at(3).issuedMedicationRequestId;
        REQUIRE_FALSE(issueId.isEmpty());
        auto issue = w.store->get(QStringLiteral("MedicationRequest"), issueId);
        REQUIRE(issue.ok());
        REQUIRE(issue->has_value());
        CHECK(rx::readMedicationRequest(QJsonDocument::fromJson((*issue)->json).object()).basedOnId == items.at(0).id);
    };
    // From the versions sync saw, and from the server's FHIR history of the Task: the same timeline.
    const QList<TimelineEntry> fromSync = rx::buildTimeline(seen, *issues);
    checkFull(fromSync);
    const auto history = rx::readHistory(w.fhirGet(QStringLiteral("Task/") + approvedId + QStringLiteral("/_history")));
    REQUIRE(history.ok());
    CHECK(history->size() == 6);
    const QList<TimelineEntry> fromHistory = rx::buildTimeline(*history, *issues);
    checkFull(fromHistory);
    CHECK(fromHistory == fromSync);

    const auto rejectedHistory = rx::readHistory(w.fhirGet(QStringLiteral("Task/") + rejectedId + QStringLiteral("/_history")));
    REQUIRE(rejectedHistory.ok());
    const QList<TimelineEntry> refused = rx::buildTimeline(*rejectedHistory, *issues);
    REQUIRE(refused.size() == 3);
    CHECK(refused.at(0).step == RequestStep::Requested);
    CHECK(refused.at(1).step == RequestStep::InReview);
    CHECK(refused.at(2).step == RequestStep::Rejected);
    CHECK(refused.at(2).reason == reason);
    for (const TimelineEntry &e : refused)
        CHECK(e.at.isValid());
    // The synced copy alone says where it stands.
    CHECK(rx::currentStep(rx::buildTimeline({current(rejectedId)}, *issues)) == RequestStep::Rejected);
    CHECK(current(rejectedId).statusReason == reason);
}

TEST_CASE("the nominated pharmacy and its opening hours from the directory", "[prescriptions]")
{
    World w;
    const QString ods = w.nominatedPharmacy();
    REQUIRE(ods == QLatin1String("FA123"));
    const QByteArray orgs = w.fhirGet(QStringLiteral("Organization?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fods-organization-code%7C") + ods);
    const QJsonArray entries = QJsonDocument::fromJson(orgs).object().value(QStringLiteral("entry")).toArray();
    REQUIRE(entries.size() == 1);
    Pharmacy pharmacy = rx::readPharmacy(entries.first().toObject().value(QStringLiteral("resource")).toObject());
    CHECK(pharmacy.ods == ods);
    CHECK_FALSE(pharmacy.name.isEmpty());
    CHECK_FALSE(pharmacy.postcode.isEmpty());
    const QByteArray locations = w.fhirGet(QStringLiteral("Location?organization=Organization%2F") + pharmacy.organizationId);
    for (const QJsonValue &e : QJsonDocument::fromJson(locations).object().value(QStringLiteral("entry")).toArray())
        CHECK(rx::addLocation(pharmacy, e.toObject().value(QStringLiteral("resource")).toObject()));
    REQUIRE_FALSE(pharmacy.hours.isEmpty());
    CHECK(pharmacy.hours.first().opens.isValid());
    CHECK(pharmacy.hours.first().closes > pharmacy.hours.first().opens);
}

TEST_CASE("the session's outbox: a request made before sync is sent by sync, once, and read back", "[prescriptions]")
{
    World w;
    const QList<MedicationRequestInfo> items = w.twoOrderable();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    MemoryKeyStore keys;
    auto profile = Profile::open(dir.path(), keys, true);
    REQUIRE(profile.ok());
    Session session(w.nam, *profile.value());
    CHECK_FALSE(session.outbox(w.patientId).ok());   // not signed in yet
    REQUIRE(session.useStaticToken(w.server.fhirBaseUrl(), w.patientId, w.accessToken).ok());
    CHECK(session.outbox(QStringLiteral("someone-else")).error().kind == Error::Kind::NotFound);

    auto box = session.outbox(w.patientId);
    REQUIRE(box.ok());
    CHECK(session.outbox(w.patientId).value() == box.value());   // one outbox per patient
    (*box)->setAutoRetry(false);
    const Result<QStringList> ordered = w.order(**box, items.mid(0, 1));
    REQUIRE(ordered.ok());

    std::optional<Result<SyncReport>> report;
    session.syncAll([&](Result<SyncReport> r) { report = std::move(r); });
    REQUIRE(spinUntil([&] { return report.has_value(); }, 60000));
    REQUIRE(report->ok());
    CHECK(allSent(**box, *ordered));
    CHECK(w.serverTaskIds().size() == 1);

    // Sync read the Task back into the patient's database, linked to the outbox item by its identifier.
    auto db = profile.value()->patientDatabase(w.patientId, false);
    REQUIRE(db.ok());
    ResourceStore store(db.value()->database());
    auto requests = PrescriptionsRepository(store).requests();
    REQUIRE(requests.ok());
    REQUIRE(requests->size() == 1);
    CHECK(requests->first().clientIdentifier == QStringLiteral("urn:uuid:") + ordered->first());
}

TEST_CASE("request views: waiting on the device, refused with the server's words, then sent and followed",
          "[prescriptions][fault]")
{
    World w;
    const QList<MedicationRequestInfo> items = w.twoOrderable();
    auto offline = w.api(deadBase());
    auto box = w.outbox(*offline);
    const Result<QStringList> ordered = w.order(*box, items);
    REQUIRE(ordered.ok());
    (void)flushAndWait(*box);

    auto views = [&](Outbox &b) {
        auto outbox = b.items();
        REQUIRE(outbox.ok());
        auto v = rx::requestViews(w.repository(), *outbox);
        REQUIRE(v.ok());
        return *v;
    };
    QList<RequestItemView> v = views(*box);
    REQUIRE(v.size() == 2);
    QStringList medicines;
    for (const RequestItemView &item : v) {
        CHECK(item.delivery == RequestItemView::Delivery::Waiting);
        CHECK(item.taskId.isEmpty());
        CHECK(item.pharmacyOds == QLatin1String("FA123"));
        CHECK(item.note == QLatin1String("Going on holiday on Friday"));
        CHECK(item.current == RequestStep::Requested);
        CHECK(item.requestedAt.isValid());
        medicines << item.medication;
    }
    medicines.sort(Qt::CaseInsensitive);
    QStringList expected{items.at(0).medication, items.at(1).medication};
    expected.sort(Qt::CaseInsensitive);
    CHECK(medicines == expected);

    // Back online, the practice system refuses the first one.
    auto online = w.outbox(*w.online);
    w.control("POST", QStringLiteral("/_sandbox/faults?mode=http-422&type=Task&times=1"));
    (void)flushAndWait(*online);
    v = views(*online);
    const auto refused = std::find_if(v.cbegin(), v.cend(), [&](const RequestItemView &i) { return i.clientId == ordered->at(0); });
    REQUIRE(refused != v.cend());
    CHECK(refused->delivery == RequestItemView::Delivery::Refused);
    CHECK(refused->refusal == QLatin1String("Injected fault"));

    // Try again; sync reads both back as Tasks: one entry each, linked to the outbox items.
    REQUIRE(online->retry(ordered->at(0)).ok());
    (void)flushAndWait(*online);
    w.sync();
    v = views(*online);
    REQUIRE(v.size() == 2);
    for (const RequestItemView &item : v) {
        CHECK(ordered->contains(item.clientId));
        CHECK(item.delivery == RequestItemView::Delivery::Sent);
        CHECK_FALSE(item.taskId.isEmpty());
        CHECK(item.refusal.isEmpty());
        CHECK_FALSE(item.medication.isEmpty());
    }
    CHECK(w.serverTaskIds().size() == 2);
}

namespace {

QJsonObject requestCounts(sandbox::SandboxServer &server, QNetworkAccessManager &nam, bool reset)
{
    QNetworkRequest request(server.fhirBaseUrl().resolved(QUrl(QStringLiteral("/_sandbox/requests"))));
    QNetworkReply *reply = nam.sendCustomRequest(request, reset ? "DELETE" : "GET");
    REQUIRE(spinUntil([&] { return reply->isFinished(); }));
    const QJsonObject counts = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return counts;
}

const RequestItemView *viewOf(const QList<RequestItemView> &views, const QString &clientId)
{
    for (const RequestItemView &v : views)
        if (v.clientId == clientId)
            return &v;
    return nullptr;
}

QList<Pharmacy> searchDirectory(PharmacyDirectory &directory, const QString &words)
{
    std::optional<Result<QList<Pharmacy>>> found;
    directory.search(words, [&](Result<QList<Pharmacy>> r) { found = std::move(r); });
    REQUIRE(spinUntil([&] { return found.has_value(); }));
    INFO((found->ok() ? QString() : found->error().describe()).toStdString());
    REQUIRE(found->ok());
    return found->value();
}

Status nominate(PharmacyDirectory &directory, const QString &patientId, const Pharmacy &pharmacy)
{
    std::optional<Status> done;
    directory.setNominated(patientId, pharmacy, [&](Status s) { done = std::move(s); });
    REQUIRE(spinUntil([&] { return done.has_value(); }));
    return *done;
}

} // namespace

TEST_CASE("three steps between two syncs: sync keeps the Task's history and the timeline dates every step",
          "[prescriptions]")
{
    World w;
    const QList<MedicationRequestInfo> items = w.twoOrderable();
    auto box = w.outbox(*w.online);
    const Result<QStringList> ids = w.order(*box, items.mid(0, 1));
    REQUIRE(ids.ok());
    (void)flushAndWait(*box);
    REQUIRE(allSent(*box, *ids));
    w.sync();
    auto requests = w.repository().requests();
    REQUIRE(requests.ok());
    REQUIRE(requests->size() == 1);
    const QString taskId = requests->first().id;

    for (const char *step : {"in-review", "accepted", "issued"})
        CHECK(w.control("POST", QStringLiteral("/_sandbox/prescriptions/advance?id=") + taskId).value(QStringLiteral("step")).toString()
              == QLatin1String(step));
    requestCounts(w.server, w.nam, true);
    const SyncReport report = w.sync();
    const QJsonObject counts = requestCounts(w.server, w.nam, false);
    // The searches, plus the one history of the changed request.
    CHECK(counts.value(QStringLiteral("byType")).toObject().value(QStringLiteral("Task")).toInt() == 2);
    CHECK(report.requests == SyncEngine::resourceTypes().size() + 1);

    requests = w.repository().requests();
    REQUIRE(requests.ok());
    const auto versions = w.repository().versions(requests->first());
    REQUIRE(versions.ok());
    CHECK(versions->size() == 4);   // requested, in review, approved, issued
    auto outbox = box->items();
    REQUIRE(outbox.ok());
    auto views = rx::requestViews(w.repository(), *outbox);
    REQUIRE(views.ok());
    const RequestItemView *view = viewOf(*views, ids->first());
    REQUIRE(view);
    const QList<RequestStep> expected{RequestStep::Requested, RequestStep::InReview, RequestStep::Approved, RequestStep::Issued};
    REQUIRE(view->timeline.size() == expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        INFO("step " << i);
        CHECK(view->timeline.at(i).step == expected.at(i));
        CHECK(view->timeline.at(i).at.isValid());
        if (i > 0)
            CHECK(view->timeline.at(i).at >= view->timeline.at(i - 1).at);
    }
    CHECK(view->current == RequestStep::Issued);

    // Nothing changed: no history, no pharmacy, one search per type.
    requestCounts(w.server, w.nam, true);
    const SyncReport again = w.sync();
    CHECK(again.requests == SyncEngine::resourceTypes().size());
    CHECK(requestCounts(w.server, w.nam, false).value(QStringLiteral("total")).toInt() == SyncEngine::resourceTypes().size());
}

TEST_CASE("the nominated pharmacy is kept by sync and shows offline; fetched once", "[prescriptions]")
{
    World w;   // synced once
    PharmacyRepository pharmacies(*w.store);
    auto nominated = pharmacies.nominated(w.patientId);
    REQUIRE(nominated.ok());
    REQUIRE(nominated->has_value());
    CHECK((*nominated)->ods == QLatin1String("FA123"));
    CHECK((*nominated)->name == QLatin1String("Hyde Park Pharmacy"));
    CHECK((*nominated)->postcode == QLatin1String("LS6 1BD"));
    REQUIRE((*nominated)->hours.size() == 2);
    CHECK((*nominated)->hours.first().opens == QTime(9, 0));
    auto unknown = pharmacies.byOds(QStringLiteral("FZ999"));
    REQUIRE(unknown.ok());
    CHECK_FALSE(unknown->has_value());

    requestCounts(w.server, w.nam, true);
    w.sync();
    const QJsonObject byType = requestCounts(w.server, w.nam, false).value(QStringLiteral("byType")).toObject();
    CHECK_FALSE(byType.contains(QStringLiteral("Organization")));
    CHECK_FALSE(byType.contains(QStringLiteral("Location")));
}

TEST_CASE("pharmacy directory by name, town or postcode; changing the nomination", "[prescriptions]")
{
    World w;
    PharmacyDirectory directory(*w.online);
    const QList<Pharmacy> kirkstall = searchDirectory(directory, QStringLiteral("kirkstall"));
    REQUIRE(kirkstall.size() == 1);
    CHECK(kirkstall.first().ods == QLatin1String("FC789"));
    CHECK_FALSE(kirkstall.first().hours.isEmpty());
    QStringList ls6;
    for (const Pharmacy &p : searchDirectory(directory, QStringLiteral("ls6")))
        ls6 << p.ods;
    ls6.sort();
    CHECK(ls6 == QStringList{QStringLiteral("FA123"), QStringLiteral("FB456")});
    CHECK(searchDirectory(directory, QStringLiteral("LS6 3AA")).size() == 1);
    CHECK(searchDirectory(directory, QStringLiteral("Leeds")).size() == 3);
    CHECK(searchDirectory(directory, QStringLiteral("Nowhere at all")).isEmpty());
    CHECK(searchDirectory(directory, QStringLiteral("  ")).isEmpty());

    const QList<Pharmacy> headingley = searchDirectory(directory, QStringLiteral("Headingley"));
    REQUIRE(headingley.size() == 1);
    directory.setDatabases([&](const QString &id) { return id == w.patientId ? w.cache.db.get() : nullptr; });
    const Status changed = nominate(directory, w.patientId, headingley.first());
    INFO((changed.ok() ? QString() : changed.error().describe()).toStdString());
    REQUIRE(changed.ok());

    // At once, without a sync: the stored Patient names it and its details are kept.
    auto nominated = PharmacyRepository(*w.store).nominated(w.patientId);
    REQUIRE(nominated.ok());
    REQUIRE(nominated->has_value());
    CHECK((*nominated)->ods == QLatin1String("FB456"));
    CHECK((*nominated)->name == QLatin1String("Headingley Chemist"));
    CHECK_FALSE((*nominated)->hours.isEmpty());
    // On the server: a new version of the Patient, the same other extensions.
    const QJsonObject patient = QJsonDocument::fromJson(w.fhirGet(QStringLiteral("Patient/") + w.patientId)).object();
    CHECK(rx::nominatedPharmacyOds(patient) == QLatin1String("FB456"));
    CHECK(patient.value(QStringLiteral("meta")).toObject().value(QStringLiteral("versionId")).toString() == QLatin1String("2"));
    CHECK(patient.value(QStringLiteral("extension")).toArray().size() == 1);

    // A proxy may not change a child's pharmacy: the server refuses.
    QString childId;
    {
        QNetworkRequest request(w.server.fhirBaseUrl().resolved(QUrl(QStringLiteral("/_sandbox/patients"))));
        QNetworkReply *reply = w.nam.get(request);
        REQUIRE(spinUntil([&] { return reply->isFinished(); }));
        for (const QJsonValue &v : QJsonDocument::fromJson(reply->readAll()).array())
            if (v.toObject().value(QStringLiteral("id")).toString() != w.patientId && childId.isEmpty())
                childId = v.toObject().value(QStringLiteral("id")).toString();
        reply->deleteLater();
    }
    REQUIRE_FALSE(childId.isEmpty());
    const Status proxy = nominate(directory, childId, headingley.first());
    REQUIRE_FALSE(proxy.ok());
    CHECK(proxy.error().kind == Error::Kind::Http);
    CHECK(proxy.error().httpStatus == 403);

    // Offline: a Network error (the app says "You need to be online").
    auto offline = w.api(deadBase());
    PharmacyDirectory unreachable(*offline);
    const Status noNetwork = nominate(unreachable, w.patientId, kirkstall.first());
    REQUIRE_FALSE(noNetwork.ok());
    CHECK(noNetwork.error().kind == Error::Kind::Network);
    std::optional<Result<QList<Pharmacy>>> searched;
    unreachable.search(QStringLiteral("Leeds"), [&](Result<QList<Pharmacy>> r) { searched = std::move(r); });
    REQUIRE(spinUntil([&] { return searched.has_value(); }));
    REQUIRE_FALSE(searched->ok());
    CHECK(searched->error().kind == Error::Kind::Network);
}

TEST_CASE("a request the practice does not allow online is refused in plain words; nothing is lost",
          "[prescriptions][fault]")
{
    World w;
    auto templates = w.repository().repeatTemplates(QDateTime::currentDateTimeUtc());
    REQUIRE(templates.ok());
    std::optional<MedicationRequestInfo> disallowed;
    for (const auto &t : *templates)
        if (t.notOrderable == NotOrderableReason::PracticeDisallows)
            disallowed = t.plan;
    REQUIRE(disallowed.has_value());

    // The app never sends it (validate() refuses); a raw Task stands for an out-of-date app or record.
    PrescriptionRequest request(w.patientId, QStringLiteral("FA123"));
    auto box = w.outbox(*w.online);
    const Result<QString> clientId = box->enqueue(QString::fromLatin1(PrescriptionRequest::kOutboxKind), QStringLiteral("Task"),
                                                  request.taskJson(*disallowed));
    REQUIRE(clientId.ok());
    (void)flushAndWait(*box);
    CHECK(w.serverTaskIds().isEmpty());

    auto outbox = box->items();
    REQUIRE(outbox.ok());
    auto views = rx::requestViews(w.repository(), *outbox);
    REQUIRE(views.ok());
    const RequestItemView *view = viewOf(*views, *clientId);
    REQUIRE(view);
    CHECK(view->delivery == RequestItemView::Delivery::Refused);
    CHECK(view->refusal == QLatin1String("This medicine cannot be ordered online. Please contact your GP surgery."));
    CHECK(view->medication == disallowed->medication);
    CHECK(view->templateId == disallowed->id);

    // Still there after a sync: kept until the patient acts.
    w.sync();
    outbox = box->items();
    REQUIRE(outbox.ok());
    views = rx::requestViews(w.repository(), *outbox);
    REQUIRE(views.ok());
    view = viewOf(*views, *clientId);
    REQUIRE(view);
    CHECK(view->delivery == RequestItemView::Delivery::Refused);
}

TEST_CASE("the demo's earlier requests: one collected with every step dated, one rejected with the reason",
          "[prescriptions]")
{
    sandbox::SandboxOptions options;
    options.pastRequests = true;
    World w(options);
    auto views = rx::requestViews(w.repository(), {});
    REQUIRE(views.ok());
    REQUIRE(views->size() == 2);
    const RequestItemView &rejected = views->at(0);   // newest first
    const RequestItemView &collected = views->at(1);

    CHECK(collected.current == RequestStep::Collected);
    QList<RequestStep> steps;
    for (const TimelineEntry &e : collected.timeline) {
        steps << e.step;
        CHECK(e.at.isValid());   // every step has its date, from the Task's history
        CHECK(e.at < QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc()));
    }
    CHECK(steps == QList<RequestStep>{RequestStep::Requested, RequestStep::InReview, RequestStep::Approved,
                                      RequestStep::Issued, RequestStep::ReadyToCollect, RequestStep::Collected});
    CHECK_FALSE(collected.medication.isEmpty());
    CHECK(collected.pharmacyOds == QLatin1String("FA123"));

    CHECK(rejected.current == RequestStep::Rejected);
    REQUIRE_FALSE(rejected.timeline.isEmpty());
    CHECK(rejected.timeline.last().reason.startsWith(QLatin1String("Please book a medication review")));
    CHECK(rejected.timeline.last().at.isValid());
    CHECK(rejected.delivery == RequestItemView::Delivery::Sent);
}
