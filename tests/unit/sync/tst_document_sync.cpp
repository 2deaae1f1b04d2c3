// SyncEngine with DocumentReference: attachments are downloaded as Binary rows after the
// DocumentReferences, one bad letter does not fail the sync and is fetched again next time,
// stored attachments are not fetched twice, and a withdrawn letter's attachment leaves the store.
#include "support/CatchQt.h"
#include "support/TestCache.h"
#include "../auth/FakeHttpServer.h"

#include "net/ApiClient.h"
#include "store/ResourceStore.h"
#include "sync/SyncEngine.h"
#include "sync/AttachmentDownloader.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTimer>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

QByteArray bundle(const QJsonArray &resources)
{
    QJsonArray entries;
    for (const QJsonValue &r : resources)
        entries.append(QJsonObject{{u"resource"_s, r}});
    return QJsonDocument(QJsonObject{{u"resourceType"_s, u"Bundle"_s},
                                     {u"type"_s, u"searchset"_s},
                                     {u"meta"_s, QJsonObject{{u"lastUpdated"_s, u"2026-11-01T10:00:00Z"_s}}},
                                     {u"total"_s, resources.size()},
                                     {u"entry"_s, entries}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject document(const QString &id, const QString &binaryUrl, const QString &contentType)
{
    return QJsonObject{
        {u"resourceType"_s, u"DocumentReference"_s},
        {u"id"_s, id},
        {u"meta"_s, QJsonObject{{u"lastUpdated"_s, u"2026-10-01T10:00:00Z"_s}}},
        {u"status"_s, u"current"_s},
        {u"subject"_s, QJsonObject{{u"reference"_s, u"Patient/p1"_s}}},
        {u"date"_s, u"2026-09-30T09:00:00+01:00"_s},
        {u"content"_s, QJsonArray{QJsonObject{{u"attachment"_s, QJsonObject{{u"contentType"_s, contentType},
                                                                            {u"url"_s, binaryUrl}}}}}}};
}

QByteArray binary(const QString &id, const QString &patient, const QByteArray &data)
{
    return QJsonDocument(QJsonObject{{u"resourceType"_s, u"Binary"_s},
                                     {u"id"_s, id},
                                     {u"contentType"_s, u"text/plain"_s},
                                     {u"securityContext"_s, QJsonObject{{u"reference"_s, u"Patient/"_s + patient}}},
                                     {u"data"_s, QString::fromLatin1(data.toBase64())}})
        .toJson(QJsonDocument::Compact);
}

struct Env {
    FakeHttpServer server;
    QNetworkAccessManager nam;
    test::TempCache cache;
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<SyncEngine> engine;

    Env()
    {
        REQUIRE(cache.db);
        api = std::make_unique<ApiClient>(nam, server.url(u"/fhir"_s));
        engine = std::make_unique<SyncEngine>(*api);
        for (const QString &type : SyncEngine::resourceTypes())
            server.on("/fhir/" + type.toLatin1(), FakeReply{200, bundle({}), "application/fhir+json"});
    }

    Result<SyncReport> sync()
    {
        std::optional<Result<SyncReport>> out;
        QEventLoop loop;
        engine->syncPatient(u"p1"_s, *cache.db, [&](Result<SyncReport> r) {
            out = std::move(r);
            loop.quit();
        });
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        REQUIRE(out.has_value());
        return *out;
    }

    int requestsFor(const QByteArray &path) const
    {
        int n = 0;
        for (const FakeRequest &r : server.requests)
            n += r.path == path ? 1 : 0;
        return n;
    }

    std::optional<StoredResource> stored(const QString &type, const QString &id)
    {
        ResourceStore store(cache.db->database());
        auto r = store.get(type, id);
        REQUIRE(r.ok());
        return r.value();
    }
};

} // namespace

TEST_CASE("DocumentReference is one of the synced types")
{
    CHECK(SyncEngine::resourceTypes().contains(u"DocumentReference"_s));
}

TEST_CASE("binary ids come only from Binary urls")
{
    CHECK(AttachmentDownloader::binaryIdFromUrl(u"Binary/abc-1"_s) == u"abc-1"_s);
    CHECK(AttachmentDownloader::binaryIdFromUrl(u"https://x.example/fhir/Binary/b.2"_s) == u"b.2"_s);
    CHECK(AttachmentDownloader::binaryIdFromUrl(u"NotBinary/abc"_s).isEmpty());
    CHECK(AttachmentDownloader::binaryIdFromUrl(u"Binary/"_s).isEmpty());
    CHECK(AttachmentDownloader::binaryIdFromUrl(u"Binary/a/../../x"_s).isEmpty());
    CHECK(AttachmentDownloader::binaryIdFromUrl(u"Binary/a?x=1"_s).isEmpty());
}

TEST_CASE("attachments are stored as Binary; one failure is retried at the next sync")
{
    Env env;
    env.server.on("/fhir/DocumentReference",
                  FakeReply{200,
                            bundle({document(u"d1"_s, u"Binary/b1"_s, u"text/plain"_s),
                                    document(u"d2"_s, u"Binary/b2"_s, u"application/pdf"_s),
                                    document(u"d3"_s, u"Binary/b3"_s, u"text/plain"_s)}),
                            "application/fhir+json"});
    env.server.on("/fhir/Binary/b1", FakeReply{200, binary(u"b1"_s, u"p1"_s, "Dear Dr Smith"), "application/fhir+json"});
    // b2 is missing on the server (404); b3 names another patient: both fail, neither fails the sync.
    env.server.on("/fhir/Binary/b3", FakeReply{200, binary(u"b3"_s, u"someone-else"_s, "x"), "application/fhir+json"});

    const auto first = env.sync();
    REQUIRE(first.ok());
    CHECK(first->attachmentsStored == 1);
    CHECK(first->attachmentsFailed == 2);
    const auto b1 = env.stored(u"Binary"_s, u"b1"_s);
    REQUIRE(b1.has_value());
    CHECK(QJsonDocument::fromJson(b1->json).object().value(u"data"_s).toString()
          == QString::fromLatin1(QByteArray("Dear Dr Smith").toBase64()));
    CHECK_FALSE(env.stored(u"Binary"_s, u"b2"_s).has_value());
    CHECK_FALSE(env.stored(u"Binary"_s, u"b3"_s).has_value());

    // Next sync: b2 now answers; b1 is already stored and not fetched again.
    env.server.on("/fhir/Binary/b2", FakeReply{200, binary(u"b2"_s, u"p1"_s, "%PDF-1.4"), "application/fhir+json"});
    const int b1Before = env.requestsFor("/fhir/Binary/b1");
    const auto second = env.sync();
    REQUIRE(second.ok());
    CHECK(second->attachmentsStored == 1);
    CHECK(env.requestsFor("/fhir/Binary/b1") == b1Before);
    CHECK(env.requestsFor("/fhir/Binary/b2") == 2);
    CHECK(env.stored(u"Binary"_s, u"b2"_s).has_value());
}

TEST_CASE("a withdrawn letter takes its attachment out of the store")
{
    Env env;
    env.server.on("/fhir/DocumentReference",
                  FakeReply{200, bundle({document(u"d1"_s, u"Binary/b1"_s, u"text/plain"_s)}), "application/fhir+json"});
    env.server.on("/fhir/Binary/b1", FakeReply{200, binary(u"b1"_s, u"p1"_s, "hello"), "application/fhir+json"});
    REQUIRE(env.sync().ok());
    REQUIRE(env.stored(u"Binary"_s, u"b1"_s).has_value());

    QJsonObject withdrawn = document(u"d1"_s, u"Binary/b1"_s, u"text/plain"_s);
    withdrawn.insert(u"status"_s, u"entered-in-error"_s);
    env.server.on("/fhir/DocumentReference", FakeReply{200, bundle({withdrawn}), "application/fhir+json"});
    REQUIRE(env.sync().ok());
    CHECK_FALSE(env.stored(u"DocumentReference"_s, u"d1"_s).has_value());
    CHECK_FALSE(env.stored(u"Binary"_s, u"b1"_s).has_value());
}

TEST_CASE("a superseded letter's attachment is removed and never fetched; the current one's is kept")
{
    Env env;
    env.server.on("/fhir/DocumentReference",
                  FakeReply{200, bundle({document(u"d1"_s, u"Binary/b1"_s, u"text/plain"_s)}), "application/fhir+json"});
    env.server.on("/fhir/Binary/b1", FakeReply{200, binary(u"b1"_s, u"p1"_s, "first version"), "application/fhir+json"});
    env.server.on("/fhir/Binary/b2", FakeReply{200, binary(u"b2"_s, u"p1"_s, "second version"), "application/fhir+json"});
    env.server.on("/fhir/Binary/b3", FakeReply{200, binary(u"b3"_s, u"p1"_s, "old copy"), "application/fhir+json"});
    REQUIRE(env.sync().ok());
    REQUIRE(env.stored(u"Binary"_s, u"b1"_s).has_value());

    QJsonObject replaced = document(u"d1"_s, u"Binary/b1"_s, u"text/plain"_s);
    replaced.insert(u"status"_s, u"superseded"_s);
    QJsonObject alsoOld = document(u"d3"_s, u"Binary/b3"_s, u"text/plain"_s);
    alsoOld.insert(u"status"_s, u"superseded"_s);
    QJsonObject noStatus = document(u"d2"_s, u"Binary/b2"_s, u"text/plain"_s);
    noStatus.remove(u"status"_s);
    env.server.on("/fhir/DocumentReference",
                  FakeReply{200, bundle({replaced, noStatus, alsoOld}), "application/fhir+json"});
    const auto second = env.sync();
    REQUIRE(second.ok());
    CHECK(env.stored(u"DocumentReference"_s, u"d1"_s).has_value());   // the letter itself is kept
    CHECK_FALSE(env.stored(u"Binary"_s, u"b1"_s).has_value());
    CHECK(env.stored(u"Binary"_s, u"b2"_s).has_value());
    CHECK(env.requestsFor("/fhir/Binary/b3") == 0);
    CHECK_FALSE(env.stored(u"Binary"_s, u"b3"_s).has_value());
}

TEST_CASE("an attachment over 10 MiB is not downloaded")
{
    Env env;
    QJsonObject big = document(u"d1"_s, u"Binary/big"_s, u"application/pdf"_s);
    QJsonArray content = big.value(u"content"_s).toArray();
    QJsonObject first = content.first().toObject();
    QJsonObject attachment = first.value(u"attachment"_s).toObject();
    attachment.insert(u"size"_s, 11 * 1024 * 1024);
    first.insert(u"attachment"_s, attachment);
    content[0] = first;
    big.insert(u"content"_s, content);
    env.server.on("/fhir/DocumentReference", FakeReply{200, bundle({big}), "application/fhir+json"});
    REQUIRE(env.sync().ok());
    CHECK(env.requestsFor("/fhir/Binary/big") == 0);
}
