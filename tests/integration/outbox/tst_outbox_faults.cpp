// Outbox against the in-process sandbox over real HTTP: exactly one server resource per write,
// across lost responses, offline periods and restarts (fault suite scenarios 13 and 14).
#include "auth/SignInFlow.h"
#include "net/ApiClient.h"
#include "store/CacheDatabase.h"
#include "store/OutboxStore.h"
#include "support/CatchQt.h"
#include "support/SpinUntil.h"
#include "support/TestCache.h"
#include "sync/HeadlessBrowser.h"
#include "sync/Outbox.h"

#include "SandboxServer.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTimer>

#include <memory>

using namespace hearth;
using std::chrono::milliseconds;

namespace {

using test::spinUntil;

// One test's world: a sandbox, a signed-in parent, an encrypted patient database.
struct World {
    sandbox::SandboxServer server;
    QNetworkAccessManager nam;
    QByteArray accessToken;
    QString patientId;
    hearth::test::TempCache cache;

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
        INFO((result->ok() ? QString() : result->error().describe()).toStdString());
        REQUIRE(result->ok());
        accessToken = result->value().tokens.accessToken;
        patientId = result->value().patientId;
        REQUIRE_FALSE(patientId.isEmpty());
    }

    std::unique_ptr<ApiClient> api(const QUrl &base)
    {
        auto client = std::make_unique<ApiClient>(nam, base);
        client->setAccessToken(accessToken);
        client->setTransferTimeoutMs(10000);
        return client;
    }
    std::unique_ptr<ApiClient> api() { return api(server.fhirBaseUrl()); }

    std::unique_ptr<Outbox> outbox(ApiClient &client)
    {
        auto opened = Outbox::open(*cache.db, client);
        REQUIRE(opened.ok());
        std::unique_ptr<Outbox> box = std::move(opened).value();
        box->setAutoRetry(false);   // the test decides when to flush
        box->setBackoff([](int, const Error &) { return milliseconds(0); });
        return box;
    }

    QUrl control(const QString &pathAndQuery) const
    {
        QUrl base = server.fhirBaseUrl();
        return base.resolved(QUrl(pathAndQuery));
    }

    QJsonObject controlCall(const QByteArray &verb, const QString &pathAndQuery)
    {
        QNetworkRequest request(control(pathAndQuery));
        QNetworkReply *reply = nam.sendCustomRequest(request, verb);
        REQUIRE(spinUntil([&] { return reply->isFinished(); }));
        const QByteArray body = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        INFO(body.toStdString());
        REQUIRE(status == 200);
        return QJsonDocument::fromJson(body).object();
    }

    QStringList serverTaskIds()
    {
        const QJsonObject o = controlCall("GET", QStringLiteral("/_sandbox/resources?type=Task"));
        QStringList ids;
        for (const QJsonValue &v : o.value(QStringLiteral("ids")).toArray())
            ids << v.toString();
        REQUIRE(o.value(QStringLiteral("count")).toInt() == ids.size());
        return ids;
    }

    QByteArray task(const QString &note = QStringLiteral("repeat")) const
    {
        return QJsonDocument(QJsonObject{
                                 {QStringLiteral("resourceType"), QStringLiteral("Task")},
                                 {QStringLiteral("status"), QStringLiteral("requested")},
                                 {QStringLiteral("intent"), QStringLiteral("order")},
                                 {QStringLiteral("description"), note},
                                 {QStringLiteral("for"),
                                  QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + patientId}}}})
            .toJson(QJsonDocument::Compact);
    }
};

Outbox::FlushReport flushAndWait(Outbox &box)
{
    std::optional<Outbox::FlushReport> report;
    box.flush([&](Outbox::FlushReport r) { report = r; });
    CHECK_FALSE(report.has_value());   // never called back from inside flush()
    REQUIRE(spinUntil([&] { return report.has_value(); }));
    return *report;
}

OutboxItem itemOf(Outbox &box, const QString &id)
{
    auto got = box.item(id);
    REQUIRE(got.ok());
    REQUIRE(got->has_value());
    return **got;
}

// The server-side id the outbox recorded ("…/Task/<id>/_history/1" or "Task/<id>").
QString serverId(const OutboxItem &item)
{
    const QStringList parts = item.serverLocation.split(QLatin1Char('/'));
    const qsizetype at = parts.lastIndexOf(QStringLiteral("Task"));
    return at >= 0 && at + 1 < parts.size() ? parts.at(at + 1) : QString();
}

QUrl deadBase()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();   // nothing listens there any more
    return QUrl(QStringLiteral("http://127.0.0.1:%1/fhir/R4").arg(port));
}

} // namespace

TEST_CASE("(a) enqueue then flush creates exactly one Task carrying the client identifier", "[outbox][fault]")
{
    World w;
    auto api = w.api();
    auto box = w.outbox(*api);
    QStringList changed;
    QObject::connect(box.get(), &Outbox::itemChanged, [&](const QString &id) { changed << id; });

    const auto id = box->enqueue(QStringLiteral("repeat-prescription"), QStringLiteral("Task"), w.task());
    REQUIRE(id.ok());
    CHECK(itemOf(*box, *id).state == OutboxState::Waiting);
    CHECK(w.serverTaskIds().isEmpty());   // nothing leaves before flush()

    const auto report = flushAndWait(*box);
    CHECK(report.sent == 1);
    CHECK(report.waiting == 0);
    CHECK(report.stoppedBy.kind == Error::Kind::None);

    const OutboxItem item = itemOf(*box, *id);
    CHECK(item.state == OutboxState::Sent);
    CHECK(item.attempts == 1);
    const QStringList ids = w.serverTaskIds();
    REQUIRE(ids.size() == 1);
    CHECK(serverId(item) == ids.first());
    CHECK(changed.count(*id) >= 3);   // waiting, sending, sent

    // The server's copy carries the urn:uuid identifier the outbox added.
    std::optional<Result<HttpReply>> read;
    api->get(QStringLiteral("Task/") + ids.first(), [&](Result<HttpReply> r) { read = std::move(r); });
    REQUIRE(spinUntil([&] { return read.has_value(); }));
    REQUIRE(read->ok());
    const QJsonArray identifiers =
        QJsonDocument::fromJson(read->value().body).object().value(QStringLiteral("identifier")).toArray();
    REQUIRE(identifiers.size() == 1);
    CHECK(identifiers.at(0).toObject().value(QStringLiteral("system")).toString() == QStringLiteral("urn:ietf:rfc:3986"));
    CHECK(identifiers.at(0).toObject().value(QStringLiteral("value")).toString() == QStringLiteral("urn:uuid:") + *id);

    // Flushing again sends nothing.
    const auto again = flushAndWait(*box);
    CHECK(again.sent == 0);
    CHECK(w.serverTaskIds().size() == 1);
}

TEST_CASE("(b) a dropped response is retried without creating a second Task", "[outbox][fault]")
{
    World w;
    auto api = w.api();
    auto box = w.outbox(*api);
    // Qt 6.4's QNetworkAccessManager silently resends a request (POST included) up to twice when the
    // connection closes before any reply byte, so drop three replies to make the loss reach the
    // outbox. Those hidden resends are themselves lost responses: the conditional create covers them too.
    w.controlCall("POST", QStringLiteral("/_sandbox/faults?mode=drop-response&type=Task&times=3"));

    const auto id = box->enqueue(QStringLiteral("repeat-prescription"), QStringLiteral("Task"), w.task());
    REQUIRE(id.ok());

    const auto first = flushAndWait(*box);
    CHECK(first.sent == 0);
    CHECK(first.waiting == 1);
    CHECK(first.stoppedBy.kind == Error::Kind::Network);
    OutboxItem item = itemOf(*box, *id);
    CHECK(item.state == OutboxState::Waiting);
    CHECK(item.attempts == 1);
    CHECK(item.lastError == QStringLiteral("network"));
    const QStringList committed = w.serverTaskIds();
    REQUIRE(committed.size() == 1);   // the server did the work; only the reply was lost

    // Flush until it goes through (a Qt without the hidden resends needs more than one more pass).
    int passes = 0;
    while (itemOf(*box, *id).state != OutboxState::Sent && passes < 4) {
        ++passes;
        (void)flushAndWait(*box);
        CHECK(w.serverTaskIds() == committed);
    }
    item = itemOf(*box, *id);
    CHECK(item.state == OutboxState::Sent);
    CHECK(item.attempts == 1 + passes);
    CHECK(item.lastError.isEmpty());
    CHECK(w.serverTaskIds() == committed);   // still exactly one: the conditional create matched it
    CHECK(serverId(item) == committed.first());
}

TEST_CASE("(c) written offline, app restarted mid-send, sent exactly once when back", "[outbox][fault]")
{
    World w;
    QString id;
    {
        auto offline = w.api(deadBase());
        auto box = w.outbox(*offline);
        const auto enqueued = box->enqueue(QStringLiteral("message"), QStringLiteral("Task"), w.task());
        REQUIRE(enqueued.ok());
        id = *enqueued;

        const auto report = flushAndWait(*box);
        CHECK(report.stoppedBy.kind == Error::Kind::Network);
        CHECK(report.waiting == 1);
        const OutboxItem item = itemOf(*box, id);
        CHECK(item.state == OutboxState::Waiting);
        CHECK(item.attempts == 1);
        CHECK(item.lastError == QStringLiteral("network"));

        box.reset();
        offline.reset();
    }
    {
        // Killed while the next attempt is in flight (a server that accepts and never answers):
        // `sending` is already on disk.
        QTcpServer blackHole;
        REQUIRE(blackHole.listen(QHostAddress::LocalHost, 0));
        auto hanging = w.api(QUrl(QStringLiteral("http://127.0.0.1:%1/fhir/R4").arg(blackHole.serverPort())));
        auto box = w.outbox(*hanging);
        bool sending = false;
        QObject::connect(box.get(), &Outbox::itemChanged, [&](const QString &) {
            sending = sending || itemOf(*box, id).state == OutboxState::Sending;
        });
        box->flush();
        REQUIRE(spinUntil([&] { return sending && blackHole.hasPendingConnections(); }));
        box.reset();
        hanging.reset();
    }
    CHECK(w.serverTaskIds().isEmpty());

    // Restart: close and reopen the encrypted database.
    w.cache.db.reset();
    auto reopened = CacheDatabase::open(w.cache.path(), w.cache.key, false);
    REQUIRE(reopened.ok());
    w.cache.db = std::move(reopened).value();
    {
        OutboxStore raw(w.cache.db->database());
        auto before = raw.get(id);
        REQUIRE(before.ok());
        REQUIRE(before->has_value());
        CHECK((*before)->state == OutboxState::Sending);   // as the crash left it
    }

    auto online = w.api();
    auto box = w.outbox(*online);
    CHECK(itemOf(*box, id).state == OutboxState::Waiting);   // open() recovered it
    const auto report = flushAndWait(*box);
    CHECK(report.sent == 1);
    const OutboxItem item = itemOf(*box, id);
    CHECK(item.state == OutboxState::Sent);
    CHECK(item.attempts == 3);
    const QStringList ids = w.serverTaskIds();
    REQUIRE(ids.size() == 1);
    CHECK(serverId(item) == ids.first());
}

TEST_CASE("a refused write fails with a code and does not block the next one; order is kept", "[outbox][fault]")
{
    World w;
    auto api = w.api();
    auto box = w.outbox(*api);
    // No `for` reference: the sandbox answers 400.
    const QByteArray bad = R"({"resourceType":"Task","status":"requested","intent":"order"})";
    const auto refused = box->enqueue(QStringLiteral("repeat-prescription"), QStringLiteral("Task"), bad);
    const auto good = box->enqueue(QStringLiteral("repeat-prescription"), QStringLiteral("Task"), w.task());
    REQUIRE(refused.ok());
    REQUIRE(good.ok());

    const auto report = flushAndWait(*box);
    CHECK(report.failed == 1);
    CHECK(report.sent == 1);
    CHECK(itemOf(*box, *refused).state == OutboxState::Failed);
    CHECK(itemOf(*box, *refused).lastError == QStringLiteral("http-400"));
    CHECK(itemOf(*box, *good).state == OutboxState::Sent);
    CHECK(w.serverTaskIds().size() == 1);

    auto all = box->items();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 2);
    CHECK(all->at(0).clientId == *refused);   // creation order
    CHECK(all->at(1).clientId == *good);
}

TEST_CASE("a transient server error keeps later writes behind the earlier one", "[outbox][fault]")
{
    World w;
    auto api = w.api();
    auto box = w.outbox(*api);
    w.controlCall("POST", QStringLiteral("/_sandbox/faults?mode=http-503&type=Task"));
    const auto first = box->enqueue(QStringLiteral("message"), QStringLiteral("Task"), w.task(QStringLiteral("1")));
    const auto second = box->enqueue(QStringLiteral("message"), QStringLiteral("Task"), w.task(QStringLiteral("2")));
    REQUIRE(first.ok());
    REQUIRE(second.ok());

    const auto report = flushAndWait(*box);
    CHECK(report.stoppedBy.httpStatus == 503);
    CHECK(report.sent == 0);
    CHECK(report.waiting == 2);
    CHECK(itemOf(*box, *first).lastError == QStringLiteral("http-503"));
    CHECK(itemOf(*box, *second).attempts == 0);   // never overtook the first
    CHECK(w.serverTaskIds().isEmpty());

    const auto retry = flushAndWait(*box);
    CHECK(retry.sent == 2);
    CHECK(w.serverTaskIds().size() == 2);
}

TEST_CASE("enqueue validates its input and stores nothing on error", "[outbox]")
{
    World w;
    auto api = w.api();
    auto box = w.outbox(*api);
    CHECK(box->enqueue(QStringLiteral("message"), QStringLiteral("Task"), "not json").error().kind == Error::Kind::Parse);
    CHECK(box->enqueue(QStringLiteral("message"), QStringLiteral("Task"), "[1]").error().kind == Error::Kind::Parse);
    CHECK(box->enqueue(QStringLiteral("message"), QStringLiteral("Task"), R"({"resourceType":"Communication"})")
              .error().kind == Error::Kind::Config);
    auto all = box->items();
    REQUIRE(all.ok());
    CHECK(all->isEmpty());
}

TEST_CASE("default backoff grows, is capped, jittered, and honours Retry-After", "[outbox]")
{
    // The shared RetryPolicy table with the outbox's pace: 2 s doubling, 5 min cap, ±25 % jitter.
    const Error network = Error::make(Error::Kind::Network, QStringLiteral("down"));
    for (int i = 0; i < 20; ++i) {
        const auto d1 = Outbox::defaultBackoff(1, network).count();
        CHECK(d1 >= 1500);
        CHECK(d1 <= 2500);
        const auto d4 = Outbox::defaultBackoff(4, network).count();
        CHECK(d4 >= 12000);
        CHECK(d4 <= 20000);
        const auto d30 = Outbox::defaultBackoff(30, network).count();
        CHECK(d30 >= 225000);
        CHECK(d30 <= 375000);
    }
    const auto told = Outbox::defaultBackoff(1, Error::http(429, QStringLiteral("slow down"), {}, 7)).count();
    CHECK(told >= 7000);
    CHECK(told <= 7500);
    CHECK(Outbox::errorCode(Error::http(503, QStringLiteral("x"))) == QStringLiteral("http-503"));
    CHECK(Outbox::errorCode(Error::make(Error::Kind::Timeout, QStringLiteral("x"))) == QStringLiteral("timeout"));
}

TEST_CASE("a refusal keeps the server's words; try again sends the same item once", "[outbox][fault]")
{
    World w;
    auto api = w.api();
    auto box = w.outbox(*api);
    w.controlCall("POST", QStringLiteral("/_sandbox/faults?mode=http-422&type=Task&times=1"));
    const auto id = box->enqueue(QStringLiteral("repeat-prescription"), QStringLiteral("Task"), w.task());
    REQUIRE(id.ok());

    auto report = flushAndWait(*box);
    CHECK(report.failed == 1);
    OutboxItem refused = itemOf(*box, *id);
    CHECK(refused.state == OutboxState::Failed);
    CHECK(refused.lastError == QStringLiteral("http-422"));
    CHECK(refused.refusal == QStringLiteral("Injected fault"));   // the OperationOutcome's diagnostics
    CHECK(w.serverTaskIds().isEmpty());

    report = flushAndWait(*box);   // a refused item is not resent by itself
    CHECK(report.sent == 0);
    CHECK(w.serverTaskIds().isEmpty());

    REQUIRE(box->retry(*id).ok());
    CHECK_FALSE(box->retry(*id).ok());   // already waiting again
    report = flushAndWait(*box);
    CHECK(report.sent == 1);
    const OutboxItem sent = itemOf(*box, *id);
    CHECK(sent.state == OutboxState::Sent);
    CHECK(sent.refusal.isEmpty());
    CHECK(w.serverTaskIds().size() == 1);
}
