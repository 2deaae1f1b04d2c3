// Network pieces of sign-in against local fakes: loopback listener, discovery, token and JWKS clients.
#include "FakeHttpServer.h"

#include "auth/JwksClient.h"
#include "auth/LoopbackRedirectListener.h"
#include "auth/SmartDiscovery.h"
#include "auth/TokenClient.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QUrlQuery>

#include <optional>

using namespace hearth;

namespace {

bool waitFor(const std::function<bool()> &done, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

QByteArray smartJson(const QUrl &base, bool withJwks = true)
{
    QByteArray json = "{\"issuer\":\"" + base.toString().toLatin1() + "\","
                      "\"authorization_endpoint\":\"" + base.toString().toLatin1() + "/authorize\","
                      "\"token_endpoint\":\"" + base.toString().toLatin1() + "/token\","
                      "\"code_challenge_methods_supported\":[\"S256\"]";
    if (withJwks)
        json += ",\"jwks_uri\":\"" + base.toString().toLatin1() + "/jwks\"";
    return json + "}";
}

QString field(const QByteArray &form, const char *key)
{
    return QUrlQuery(QString::fromLatin1(form)).queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
}

SmartConfiguration configFor(const FakeHttpServer &server)
{
    auto c = SmartConfiguration::fromJson(smartJson(server.url()));
    REQUIRE(c.ok());
    return c.value();
}

} // namespace

TEST_CASE("loopback listener delivers one callback and then closes", "[auth][loopback]")
{
    LoopbackRedirectListener listener;
    REQUIRE(listener.listen().ok());
    const QUrl redirect = listener.redirectUri();
    CHECK(redirect.scheme() == QLatin1String("http"));
    CHECK(redirect.host() == QLatin1String("127.0.0.1"));
    CHECK(redirect.path() == QLatin1String("/callback"));
    CHECK(redirect.port() > 0);

    std::optional<Result<QUrl>> got;
    listener.waitForRedirect(5000, [&](Result<QUrl> r) { got = std::move(r); });
    CHECK_FALSE(got.has_value());   // never synchronous

    QNetworkAccessManager nam;
    // A wrong path gets 404 and does not end the wait.
    QUrl other = redirect;
    other.setPath(QStringLiteral("/favicon.ico"));
    QNetworkReply *miss = nam.get(QNetworkRequest(other));
    REQUIRE(waitFor([&] { return miss->isFinished(); }));
    CHECK(miss->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 404);
    miss->deleteLater();
    CHECK_FALSE(got.has_value());
    CHECK(listener.isListening());

    QUrl callback = redirect;
    callback.setQuery(QStringLiteral("code=abc%2B1&state=xyz"));
    QNetworkReply *hit = nam.get(QNetworkRequest(callback));
    REQUIRE(waitFor([&] { return hit->isFinished() && got.has_value(); }));
    CHECK(hit->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
    CHECK(hit->readAll().contains("You're signed in to Hearth"));
    hit->deleteLater();
    REQUIRE(got->ok());
    CHECK(got->value().path() == QLatin1String("/callback"));
    CHECK(got->value().port() == redirect.port());
    CHECK(QUrlQuery(got->value()).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded) == QLatin1String("abc+1"));
    CHECK(QUrlQuery(got->value()).queryItemValue(QStringLiteral("state")) == QLatin1String("xyz"));
    CHECK_FALSE(listener.isListening());

    // A second request after that fails: nobody listens any more.
    QNetworkReply *again = nam.get(QNetworkRequest(callback));
    REQUIRE(waitFor([&] { return again->isFinished(); }));
    CHECK(again->error() == QNetworkReply::ConnectionRefusedError);
    again->deleteLater();
}

TEST_CASE("loopback listener binds 127.0.0.1 only", "[auth][loopback]")
{
    LoopbackRedirectListener listener;
    REQUIRE(listener.listen().ok());
    const quint16 port = quint16(listener.redirectUri().port());

    QTcpSocket v4;
    v4.connectToHost(QHostAddress::LocalHost, port);
    CHECK(v4.waitForConnected(3000));

    // The IPv6 loopback (and so any non-IPv4-loopback interface) is not served.
    QTcpSocket v6;
    v6.connectToHost(QHostAddress::LocalHostIPv6, port);
    CHECK_FALSE(v6.waitForConnected(1000));
}

TEST_CASE("loopback listener times out and reports an error page", "[auth][loopback]")
{
    SECTION("timeout") {
        LoopbackRedirectListener listener;
        REQUIRE(listener.listen().ok());
        std::optional<Result<QUrl>> got;
        listener.waitForRedirect(50, [&](Result<QUrl> r) { got = std::move(r); });
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE_FALSE(got->ok());
        CHECK(got->error().kind == Error::Kind::Timeout);
        CHECK_FALSE(listener.isListening());
    }
    SECTION("error redirect still delivered, with an error page") {
        LoopbackRedirectListener listener;
        REQUIRE(listener.listen().ok());
        std::optional<Result<QUrl>> got;
        listener.waitForRedirect(5000, [&](Result<QUrl> r) { got = std::move(r); });
        QNetworkAccessManager nam;
        QUrl callback = listener.redirectUri();
        callback.setQuery(QStringLiteral("error=access_denied&state=s"));
        QNetworkReply *reply = nam.get(QNetworkRequest(callback));
        REQUIRE(waitFor([&] { return reply->isFinished() && got.has_value(); }));
        CHECK(reply->readAll().contains("did not sign in"));
        reply->deleteLater();
        REQUIRE(got->ok());
        CHECK(QUrlQuery(got->value()).queryItemValue(QStringLiteral("error")) == QLatin1String("access_denied"));
    }
    SECTION("destroying it cancels without calling back") {
        bool called = false;
        auto *listener = new LoopbackRedirectListener;
        REQUIRE(listener->listen().ok());
        listener->waitForRedirect(30, [&](Result<QUrl>) { called = true; });
        delete listener;
        waitFor([] { return false; }, 200);
        CHECK_FALSE(called);
    }
}

TEST_CASE("token client sends the PKCE form and maps errors", "[auth][token]")
{
    FakeHttpServer server;
    QNetworkAccessManager nam;
    TokenClient client(nam);
    const SmartConfiguration config = configFor(server);
    AuthRequest request;
    request.redirectUri = QUrl(QStringLiteral("http://127.0.0.1:4711/callback"));
    request.codeVerifier = "verifier-abc";
    request.clientId = QStringLiteral("hearth");

    SECTION("code exchange") {
        server.on("/token", {200, R"({"access_token":"AT","token_type":"Bearer","expires_in":600,
            "refresh_token":"RT","id_token":"ID","scope":"openid patient/*.rs","patient":"p-1"})"});
        std::optional<Result<TokenSet>> got;
        client.exchangeCode(config, request, QStringLiteral("code+/="), [&](Result<TokenSet> r) { got = std::move(r); });
        CHECK_FALSE(got.has_value());
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE(got->ok());
        CHECK(got->value().accessToken == "AT");
        CHECK(got->value().refreshToken == "RT");
        CHECK(got->value().idToken == "ID");
        CHECK(got->value().patient == QLatin1String("p-1"));
        CHECK(got->value().expiresAt > QDateTime::currentDateTimeUtc().addSecs(500));

        REQUIRE(server.requests.size() == 1);
        const FakeRequest &req = server.requests.first();
        CHECK(req.method == "POST");
        CHECK(req.contentType.startsWith("application/x-www-form-urlencoded"));
        CHECK(field(req.body, "grant_type") == QLatin1String("authorization_code"));
        CHECK(field(req.body, "code") == QLatin1String("code+/="));
        CHECK(field(req.body, "redirect_uri") == QLatin1String("http://127.0.0.1:4711/callback"));
        CHECK(field(req.body, "client_id") == QLatin1String("hearth"));
        CHECK(field(req.body, "code_verifier") == QLatin1String("verifier-abc"));
        CHECK_FALSE(req.body.contains("client_secret"));
    }
    SECTION("400 invalid_grant is an Auth error") {
        server.on("/token", {400, R"({"error":"invalid_grant","error_description":"code used"})"});
        std::optional<Result<TokenSet>> got;
        client.exchangeCode(config, request, QStringLiteral("c"), [&](Result<TokenSet> r) { got = std::move(r); });
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE_FALSE(got->ok());
        CHECK(got->error().kind == Error::Kind::Auth);
        CHECK(got->error().outcome == QLatin1String("invalid_grant"));
        CHECK(got->error().httpStatus == 400);
    }
    SECTION("500 is an Http error") {
        server.on("/token", {500, "oops", "text/plain"});
        std::optional<Result<TokenSet>> got;
        client.exchangeCode(config, request, QStringLiteral("c"), [&](Result<TokenSet> r) { got = std::move(r); });
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE_FALSE(got->ok());
        CHECK(got->error().kind == Error::Kind::Http);
        CHECK(got->error().httpStatus == 500);
    }
    SECTION("refresh keeps the old refresh token when none comes back") {
        server.on("/token", {200, R"({"access_token":"AT2","token_type":"Bearer","expires_in":600})"});
        std::optional<Result<TokenSet>> got;
        client.refresh(config, QStringLiteral("hearth"), "old-rt", [&](Result<TokenSet> r) { got = std::move(r); });
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE(got->ok());
        CHECK(got->value().accessToken == "AT2");
        CHECK(got->value().refreshToken == "old-rt");
        REQUIRE(server.requests.size() == 1);
        CHECK(field(server.requests[0].body, "grant_type") == QLatin1String("refresh_token"));
        CHECK(field(server.requests[0].body, "refresh_token") == QLatin1String("old-rt"));
        CHECK(field(server.requests[0].body, "client_id") == QLatin1String("hearth"));
    }
    SECTION("refresh uses a rotated refresh token") {
        server.on("/token", {200, R"({"access_token":"AT2","token_type":"Bearer","refresh_token":"new-rt"})"});
        std::optional<Result<TokenSet>> got;
        client.refresh(config, QStringLiteral("hearth"), "old-rt", [&](Result<TokenSet> r) { got = std::move(r); });
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE(got->ok());
        CHECK(got->value().refreshToken == "new-rt");
    }
    SECTION("connection refused is a Network error") {
        SmartConfiguration dead = config;
        dead.tokenEndpoint = QUrl(QStringLiteral("http://127.0.0.1:1/token"));
        std::optional<Result<TokenSet>> got;
        client.exchangeCode(dead, request, QStringLiteral("c"), [&](Result<TokenSet> r) { got = std::move(r); });
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE_FALSE(got->ok());
        CHECK(got->error().kind == Error::Kind::Network);
    }
    SECTION("deleting the client cancels without calling back") {
        server.on("/token", {200, R"({"access_token":"AT","token_type":"Bearer"})"});
        bool called = false;
        auto *shortLived = new TokenClient(nam);
        shortLived->exchangeCode(config, request, QStringLiteral("c"), [&](Result<TokenSet>) { called = true; });
        delete shortLived;
        waitFor([] { return false; }, 300);
        CHECK_FALSE(called);
    }
}

TEST_CASE("SMART discovery", "[auth][discovery]")
{
    FakeHttpServer server;
    QNetworkAccessManager nam;
    SmartDiscovery discovery(nam);
    const QUrl fhirBase = server.url(QStringLiteral("/fhir"));
    std::optional<Result<SmartConfiguration>> got;

    SECTION("smart-configuration under the FHIR base") {
        server.on("/fhir/.well-known/smart-configuration", {200, smartJson(server.url())});
        discovery.discover(fhirBase, [&](Result<SmartConfiguration> r) { got = std::move(r); });
        CHECK_FALSE(got.has_value());
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE(got->ok());
        CHECK(got->value().tokenEndpoint == server.url(QStringLiteral("/token")));
        CHECK(got->value().jwksUri == server.url(QStringLiteral("/jwks")));
        REQUIRE(server.requests.size() == 1);
        CHECK(server.requests[0].method == "GET");
    }
    SECTION("falls back to openid-configuration when there is no SMART document") {
        QByteArray oidc = smartJson(server.url());
        oidc.replace(server.url().toString().toLatin1() + "\",", fhirBase.toString().toLatin1() + "\",");   // issuer = base
        server.on("/fhir/.well-known/openid-configuration", {200, oidc});
        discovery.discover(fhirBase, [&](Result<SmartConfiguration> r) { got = std::move(r); });
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE(got->ok());
        CHECK(got->value().issuer == fhirBase);
        REQUIRE(server.requests.size() == 2);
        CHECK(server.requests[1].path == "/fhir/.well-known/openid-configuration");
    }
    SECTION("jwks_uri completed from the issuer's openid-configuration") {
        server.on("/fhir/.well-known/smart-configuration", {200, smartJson(server.url(), false)});
        server.on("/.well-known/openid-configuration", {200, smartJson(server.url())});
        discovery.discover(fhirBase, [&](Result<SmartConfiguration> r) { got = std::move(r); });
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE(got->ok());
        CHECK(got->value().jwksUri == server.url(QStringLiteral("/jwks")));
    }
    SECTION("openid-configuration with a different issuer is refused") {
        server.on("/fhir/.well-known/openid-configuration", {200, smartJson(QUrl(QStringLiteral("https://evil.example")))});
        discovery.discover(fhirBase, [&](Result<SmartConfiguration> r) { got = std::move(r); });
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE_FALSE(got->ok());
        CHECK(got->error().kind == Error::Kind::Security);
    }
    SECTION("no S256 is an error") {
        QByteArray json = smartJson(server.url());
        json.replace("S256", "plain");
        server.on("/fhir/.well-known/smart-configuration", {200, json});
        discovery.discover(fhirBase, [&](Result<SmartConfiguration> r) { got = std::move(r); });
        REQUIRE(waitFor([&] { return got.has_value(); }));
        CHECK_FALSE(got->ok());
    }
    SECTION("a non-https FHIR base is refused, asynchronously") {
        discovery.discover(QUrl(QStringLiteral("http://fhir.example.org/r4")), [&](Result<SmartConfiguration> r) { got = std::move(r); });
        CHECK_FALSE(got.has_value());
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE_FALSE(got->ok());
        CHECK(got->error().kind == Error::Kind::Config);
    }
}

TEST_CASE("JWKS client", "[auth][jwks]")
{
    FakeHttpServer server;
    QNetworkAccessManager nam;
    JwksClient client(nam);
    std::optional<Result<QByteArray>> got;
    SECTION("returns the document") {
        server.on("/jwks", {200, R"({"keys":[]})"});
        client.fetch(server.url(QStringLiteral("/jwks")), [&](Result<QByteArray> r) { got = std::move(r); });
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE(got->ok());
        CHECK(got->value() == QByteArray(R"({"keys":[]})"));
    }
    SECTION("refuses a document without keys") {
        server.on("/jwks", {200, R"({"nope":1})"});
        client.fetch(server.url(QStringLiteral("/jwks")), [&](Result<QByteArray> r) { got = std::move(r); });
        REQUIRE(waitFor([&] { return got.has_value(); }));
        CHECK_FALSE(got->ok());
    }
}
