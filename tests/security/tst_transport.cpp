// Transport security (MASVS-NETWORK-1/2): every request carries the TLS policy (TLS >= 1.2, peer
// verified); certificate and host-name errors fail closed before any request byte is sent; plain
// http is refused except on loopback; the sandbox serves HTTPS with a test CA and the real sign-in
// and sync run through it.
#include "RecordingTlsServer.h"
#include "TestPki.h"

#include "auth/HttpSupport.h"
#include "auth/SignInFlow.h"
#include "common/UrlPolicy.h"
#include "net/ApiClient.h"
#include "net/TlsPolicy.h"
#include "support/SpinUntil.h"
#include "support/TestCache.h"
#include "sync/HeadlessBrowser.h"
#include "sync/SyncEngine.h"

#include "SandboxServer.h"

#include <catch2/catch.hpp>

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace hearth;
using hearth::test::spinUntil;

namespace {

// Records the request of every network operation started through it.
class RecordingNam : public QNetworkAccessManager {
public:
    QList<QNetworkRequest> requests;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        requests << request;
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

// Trusts the test CA for the lifetime of this object only.
struct TrustTestCa {
    explicit TrustTestCa(const QSslCertificate &ca) { tls::setTestCaCertificates({ca}); }
    ~TrustTestCa() { tls::setTestCaCertificates({}); }
};

Result<HttpReply> postThrough(QNetworkAccessManager &nam, const QUrl &base, const QByteArray &body)
{
    ApiClient client(nam, base);
    client.setAccessToken("sentinel-access-token");
    client.setTransferTimeoutMs(5000);
    client.setRetryPolicy(RetryPolicy({.maxAttempts = 1}));
    std::optional<Result<HttpReply>> got;
    client.send("POST", QStringLiteral("Task"), body, {}, [&](Result<HttpReply> r) { got = std::move(r); });
    REQUIRE(spinUntil([&] { return got.has_value(); }, 15000));
    return *got;
}

void checkPolicy(const QNetworkRequest &request)
{
    const QSslConfiguration config = request.sslConfiguration();
    CHECK(config.protocol() == QSsl::TlsV1_2OrLater);
    CHECK(config.peerVerifyMode() == QSslSocket::VerifyPeer);
}

} // namespace

TEST_CASE("the URL policy: https anywhere, plain http only on loopback", "[security][transport]")
{
    struct Row { const char *url; bool allowed; };
    const Row rows[] = {
        {"https://fhir.example.org/R4", true},
        {"https://127.0.0.1:8443/fhir/R4", true},
        {"http://127.0.0.1:8080/fhir/R4", true},
        {"http://127.4.5.6/fhir", true},
        {"http://localhost:8080/fhir", true},
        {"http://[::1]:8080/fhir", true},
        {"http://fhir.example.org/R4", false},
        {"http://10.0.0.1/fhir", false},
        {"http://0.0.0.0/fhir", false},
        {"http://127.0.0.1.evil.example/fhir", false},
        {"http://localhost.evil.example/fhir", false},
        {"ftp://127.0.0.1/fhir", false},
        {"file:///etc/passwd", false},
        {"//fhir.example.org/R4", false},
        {"https:///nohost", false},
    };
    for (const Row &row : rows) {
        INFO(row.url);
        CHECK(isAllowedServerUrl(QUrl(QString::fromLatin1(row.url))) == row.allowed);
    }
}

TEST_CASE("every request Hearth builds carries the TLS policy", "[security][transport]")
{
    const QSslConfiguration config = tls::clientConfiguration();
    CHECK(config.protocol() == QSsl::TlsV1_2OrLater);
    CHECK(config.peerVerifyMode() == QSslSocket::VerifyPeer);

    RecordingNam nam;
    QObject owner;
    // ApiClient (FHIR), the auth clients' shared sender (discovery, token, JWKS), the headless browser.
    // Nothing listens on port 9: each request fails at once, which is all this test needs.
    ApiClient client(nam, QUrl(QStringLiteral("https://127.0.0.1:9/fhir/R4")));
    client.setRetryPolicy(RetryPolicy({.maxAttempts = 1}));
    bool apiDone = false, authDone = false;
    client.get(QStringLiteral("Patient/1"), [&](Result<HttpReply>) { apiDone = true; });
    authhttp::send(nam, &owner, QUrl(QStringLiteral("https://127.0.0.1:9/.well-known/smart-configuration")), nullptr,
                   [&](const authhttp::HttpResult &) { authDone = true; });
    HeadlessBrowser browser(nam);
    browser.open(QUrl(QStringLiteral("https://127.0.0.1:9/oauth2/authorize")));
    REQUIRE(spinUntil([&] { return apiDone && authDone; }));
    REQUIRE(nam.requests.size() == 3);
    for (const QNetworkRequest &request : std::as_const(nam.requests))
        checkPolicy(request);
}

TEST_CASE("bad TLS is refused before any request byte is sent", "[security][transport]")
{
    const test::TestIdentity ca = test::makeTestCa();
    const test::TestIdentity otherCa = test::makeTestCa(QStringLiteral("Someone else's CA"));
    const QByteArray body = R"({"resourceType":"Task","note":[{"text":"sentinel-body"}]})";

    struct Case {
        const char *name;
        test::TestIdentity server;
        bool trustCa;
        bool expectDelivered;
    };
    test::CertSpec expired = test::loopbackSpec();
    expired.notBeforeOffset = -7 * 86400;
    expired.notAfterOffset = -86400;
    test::CertSpec notYetValid = test::loopbackSpec();
    notYetValid.notBeforeOffset = 86400;
    notYetValid.notAfterOffset = 7 * 86400;
    test::CertSpec wrongHost;
    wrongHost.commonName = QStringLiteral("fhir.example.org");
    wrongHost.dnsNames = {QStringLiteral("fhir.example.org")};
    const QList<Case> cases{
        // The positive control: proves the server records a request that does get through.
        {"valid certificate from the trusted test CA", test::makeServerCertificate(test::loopbackSpec(), &ca), true, true},
        {"expired", test::makeServerCertificate(expired, &ca), true, false},
        {"not yet valid", test::makeServerCertificate(notYetValid, &ca), true, false},
        {"wrong host name", test::makeServerCertificate(wrongHost, &ca), true, false},
        {"self-signed, no CA given", test::makeServerCertificate(test::loopbackSpec(), nullptr), false, false},
        {"issued by a CA the app was not given", test::makeServerCertificate(test::loopbackSpec(), &otherCa), true, false},
        {"valid certificate, test CA not given", test::makeServerCertificate(test::loopbackSpec(), &ca), false, false},
    };
    for (const Case &c : cases) {
        INFO(c.name);
        test::RecordingTlsServer server(c.server.certificate, c.server.key);
        REQUIRE(server.listen(QHostAddress::LocalHost, 0));
        std::optional<TrustTestCa> trust;
        if (c.trustCa)
            trust.emplace(ca.certificate);
        QNetworkAccessManager nam;
        const QUrl base(QStringLiteral("https://127.0.0.1:%1/fhir/R4").arg(server.serverPort()));
        const Result<HttpReply> reply = postThrough(nam, base, body);
        CHECK(server.handshakesStarted >= 1);   // the client did try: the refusal is the client's
        if (c.expectDelivered) {
            CHECK(reply.ok());
            CHECK(server.received.contains("sentinel-body"));
        } else {
            CHECK_FALSE(reply.ok());
            CHECK(server.handshakesCompleted == 0);
            CHECK(server.received.isEmpty());
        }
    }
}

TEST_CASE("plain http to a server that is not on this machine is refused without a request", "[security][transport]")
{
    RecordingNam nam;
    // .invalid never resolves (RFC 6761); the policy must refuse before any lookup or connection.
    const Result<HttpReply> reply = postThrough(nam, QUrl(QStringLiteral("http://fhir.hearth-test.invalid/R4")), "{}");
    REQUIRE_FALSE(reply.ok());
    CHECK(reply.error().kind == Error::Kind::Security);
    CHECK(nam.requests.isEmpty());
}

namespace {

Result<SignInResult> signIn(QNetworkAccessManager &nam, const QUrl &base)
{
    HeadlessBrowser browser(nam);
    SignInFlow flow(nam);
    AuthParams params;
    params.loginHint = QStringLiteral("parent");
    std::optional<Result<SignInResult>> result;
    flow.start(base, params, [&](const QUrl &url) { browser.open(url); },
               [&](Result<SignInResult> r) { result = std::move(r); }, 15000);
    REQUIRE(spinUntil([&] { return result.has_value(); }, 30000));
    return std::move(*result);
}

} // namespace

TEST_CASE("the sandbox over HTTPS: sign-in and sync run through real TLS with the test CA", "[security][transport]")
{
    const test::TestIdentity ca = test::makeTestCa();
    const test::TestIdentity leaf = test::makeServerCertificate(test::loopbackSpec(), &ca);
    sandbox::SandboxServer server;
    server.useTls(leaf.certificate, leaf.key);
    REQUIRE(server.listen(0));
    REQUIRE(server.fhirBaseUrl().scheme() == QLatin1String("https"));

    SECTION("without the test CA nothing reaches the server") {
        QNetworkAccessManager nam;
        const Result<SignInResult> result = signIn(nam, server.fhirBaseUrl());
        CHECK_FALSE(result.ok());
        CHECK(server.requestsReceived() == 0);
    }
    SECTION("with the test CA the whole sign-in and a sync succeed") {
        TrustTestCa trust(ca.certificate);
        QNetworkAccessManager nam;
        const Result<SignInResult> result = signIn(nam, server.fhirBaseUrl());
        INFO((result.ok() ? QString() : result.error().describe()).toStdString());
        REQUIRE(result.ok());
        test::TempCache cache;
        REQUIRE(cache.db);
        ApiClient api(nam, server.fhirBaseUrl());
        api.setAccessToken(result.value().tokens.accessToken);
        SyncEngine engine(api);
        std::optional<Result<SyncReport>> report;
        engine.syncPatient(result.value().patientId, *cache.db, [&](Result<SyncReport> r) { report = std::move(r); });
        REQUIRE(spinUntil([&] { return report.has_value(); }, 60000));
        INFO((report->ok() ? QString() : report->error().describe()).toStdString());
        REQUIRE(report->ok());
        CHECK(report->value().stored > 0);
        CHECK(server.requestsReceived() > 0);
    }
}
