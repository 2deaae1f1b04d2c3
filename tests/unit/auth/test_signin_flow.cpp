// The whole sign-in flow against a fake SMART server; the "browser" is the openUrl callback, which reads
// the authorize URL, lets the fake issue a token for that nonce and follows the redirect to the loopback.
#include "FakeHttpServer.h"

#include "auth/SignInFlow.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <optional>

using namespace hearth;

namespace {

struct PkeyFree { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };

bool waitFor(const std::function<bool()> &done, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

QByteArray b64(const QByteArray &d)
{
    return d.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString bnParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    REQUIRE(EVP_PKEY_get_bn_param(key, name, &bn) == 1);
    QByteArray out(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    BN_free(bn);
    return QString::fromLatin1(b64(out));
}

QByteArray rs256(EVP_PKEY *key, const QJsonObject &claims)
{
    const QByteArray input = b64(json({{QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("kid"), QStringLiteral("k1")}}))
            + '.' + b64(json(claims));
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    REQUIRE(EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1);
    size_t len = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(input.constData());
    REQUIRE(EVP_DigestSign(ctx, nullptr, &len, in, size_t(input.size())) == 1);
    QByteArray sig(int(len), Qt::Uninitialized);
    REQUIRE(EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len, in, size_t(input.size())) == 1);
    EVP_MD_CTX_free(ctx);
    return input + '.' + b64(sig.left(int(len)));
}

// A fake SMART server on loopback with discovery, JWKS and a token endpoint.
struct FakeSmart {
    FakeHttpServer http;
    std::unique_ptr<EVP_PKEY, PkeyFree> key{EVP_RSA_gen(2048)};
    QString issuer = http.url().toString();
    QUrl fhirBase = http.url(QStringLiteral("/fhir"));

    FakeSmart()
    {
        http.on("/fhir/.well-known/smart-configuration", {200, json({
            {QStringLiteral("issuer"), issuer},
            {QStringLiteral("authorization_endpoint"), issuer + QStringLiteral("/authorize")},
            {QStringLiteral("token_endpoint"), issuer + QStringLiteral("/token")},
            {QStringLiteral("jwks_uri"), issuer + QStringLiteral("/jwks")},
            {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256")}},
        })});
        http.on("/jwks", {200, json({{QStringLiteral("keys"), QJsonArray{QJsonObject{
            {QStringLiteral("kty"), QStringLiteral("RSA")}, {QStringLiteral("kid"), QStringLiteral("k1")},
            {QStringLiteral("n"), bnParam(key.get(), OSSL_PKEY_PARAM_RSA_N)},
            {QStringLiteral("e"), bnParam(key.get(), OSSL_PKEY_PARAM_RSA_E)}}}}})});
    }

    // Issues tokens for this authorize URL; `tweak` may change the id_token claims or the token response.
    void issue(const QUrl &authorize, const std::function<void(QJsonObject &, QJsonObject &)> &tweak)
    {
        const QUrlQuery q(authorize);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QJsonObject claims{{QStringLiteral("iss"), issuer}, {QStringLiteral("sub"), QStringLiteral("u1")},
                           {QStringLiteral("aud"), q.queryItemValue(QStringLiteral("client_id"))},
                           {QStringLiteral("exp"), double(now + 300)}, {QStringLiteral("iat"), double(now)},
                           {QStringLiteral("nonce"), q.queryItemValue(QStringLiteral("nonce"))},
                           {QStringLiteral("fhirUser"), QStringLiteral("Patient/pat-9")}};
        QJsonObject response{{QStringLiteral("access_token"), QStringLiteral("AT")},
                             {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                             {QStringLiteral("expires_in"), 300}, {QStringLiteral("refresh_token"), QStringLiteral("RT")}};
        tweak(claims, response);
        response.insert(QStringLiteral("id_token"), QString::fromLatin1(rs256(key.get(), claims)));
        http.on("/token", {200, json(response)});
    }
};

// Plays the browser: follows the redirect back to the app with a code and the given state.
void redirectBack(QNetworkAccessManager &nam, const QUrl &authorize, const QString &state)
{
    const QUrlQuery q(authorize);
    QUrl back(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    back.setQuery(QStringLiteral("code=the-code&state=") + state);
    QNetworkReply *reply = nam.get(QNetworkRequest(back));
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

} // namespace

TEST_CASE("sign-in flow end to end against a fake SMART server", "[auth][flow]")
{
    FakeSmart server;
    QNetworkAccessManager nam;
    SignInFlow flow(nam);
    std::optional<Result<SignInResult>> got;
    QUrl authorize;
    auto done = [&](Result<SignInResult> r) { got = std::move(r); };
    auto noTweak = [](QJsonObject &, QJsonObject &) {};

    SECTION("happy path: patient from fhirUser") {
        flow.start(server.fhirBase, AuthParams(), [&](const QUrl &url) {
            authorize = url;
            server.issue(url, noTweak);
            redirectBack(nam, url, QUrlQuery(url).queryItemValue(QStringLiteral("state")));
        }, done, 5000);
        CHECK_FALSE(got.has_value());
        REQUIRE(waitFor([&] { return got.has_value(); }));
        INFO((got->ok() ? std::string() : got->error().describe().toStdString()));
        REQUIRE(got->ok());
        CHECK(got->value().patientId == QLatin1String("pat-9"));
        CHECK(got->value().tokens.accessToken == "AT");
        CHECK(got->value().tokens.refreshToken == "RT");
        CHECK(got->value().tokens.fhirUser == QLatin1String("Patient/pat-9"));
        CHECK(got->value().claims.sub == QLatin1String("u1"));
        // The authorize URL used the loopback listener and the token request carried the verifier for it.
        CHECK(QUrl(QUrlQuery(authorize).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)).host()
              == QLatin1String("127.0.0.1"));
        CHECK(QUrlQuery(authorize).queryItemValue(QStringLiteral("aud"), QUrl::FullyDecoded) == server.fhirBase.toString());
        const FakeRequest &token = server.http.requests.at(server.http.requests.size() - 2);
        CHECK(token.path == "/token");
        const QUrlQuery form(QString::fromLatin1(token.body));
        const QByteArray verifier = form.queryItemValue(QStringLiteral("code_verifier")).toLatin1();
        CHECK(b64(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256))
              == QUrlQuery(authorize).queryItemValue(QStringLiteral("code_challenge")).toLatin1());
        CHECK(form.queryItemValue(QStringLiteral("code")) == QLatin1String("the-code"));
    }
    SECTION("token response patient wins over fhirUser") {
        flow.start(server.fhirBase, AuthParams(), [&](const QUrl &url) {
            server.issue(url, [](QJsonObject &, QJsonObject &resp) { resp.insert(QStringLiteral("patient"), QStringLiteral("ctx-1")); });
            redirectBack(nam, url, QUrlQuery(url).queryItemValue(QStringLiteral("state")));
        }, done, 5000);
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE(got->ok());
        CHECK(got->value().patientId == QLatin1String("ctx-1"));
    }
    SECTION("forged state is refused before any token request") {
        flow.start(server.fhirBase, AuthParams(), [&](const QUrl &url) {
            server.issue(url, noTweak);
            redirectBack(nam, url, QStringLiteral("forged"));
        }, done, 5000);
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE_FALSE(got->ok());
        CHECK(got->error().message == QLatin1String("state mismatch"));
        for (const FakeRequest &r : server.http.requests)
            CHECK(r.path != "/token");
    }
    SECTION("id_token for another nonce is refused") {
        flow.start(server.fhirBase, AuthParams(), [&](const QUrl &url) {
            server.issue(url, [](QJsonObject &claims, QJsonObject &) { claims.insert(QStringLiteral("nonce"), QStringLiteral("replayed")); });
            redirectBack(nam, url, QUrlQuery(url).queryItemValue(QStringLiteral("state")));
        }, done, 5000);
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE_FALSE(got->ok());
        CHECK(got->error().kind == Error::Kind::Security);
        CHECK(got->error().message.contains(QLatin1String("nonce mismatch")));
    }
    SECTION("a non-patient user without launch patient is an Auth error") {
        flow.start(server.fhirBase, AuthParams(), [&](const QUrl &url) {
            server.issue(url, [](QJsonObject &claims, QJsonObject &) { claims.insert(QStringLiteral("fhirUser"), QStringLiteral("Practitioner/1")); });
            redirectBack(nam, url, QUrlQuery(url).queryItemValue(QStringLiteral("state")));
        }, done, 5000);
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE_FALSE(got->ok());
        CHECK(got->error().kind == Error::Kind::Auth);
    }
    SECTION("no redirect in time") {
        flow.start(server.fhirBase, AuthParams(), [](const QUrl &) {}, done, 100);
        REQUIRE(waitFor([&] { return got.has_value(); }));
        REQUIRE_FALSE(got->ok());
        CHECK(got->error().kind == Error::Kind::Timeout);
    }
}
