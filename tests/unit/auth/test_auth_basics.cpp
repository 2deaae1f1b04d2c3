#include "auth/AuthCrypto.h"
#include "auth/AuthRequest.h"
#include "auth/Pkce.h"
#include "auth/RedirectRequest.h"
#include "auth/SignInFlow.h"
#include "auth/SmartConfiguration.h"
#include "auth/TokenClient.h"
#include "auth/TokenSet.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

using namespace hearth;

namespace {
const QRegularExpression kB64url(QStringLiteral("^[A-Za-z0-9_-]+$"));

SmartConfiguration sampleConfig()
{
    auto c = SmartConfiguration::fromJson(R"({
        "issuer": "https://auth.example.org",
        "authorization_endpoint": "https://auth.example.org/authorize?tenant=a",
        "token_endpoint": "https://auth.example.org/token",
        "jwks_uri": "https://auth.example.org/jwks",
        "code_challenge_methods_supported": ["S256"],
        "capabilities": ["launch-standalone", "client-public"]
    })");
    REQUIRE(c.ok());
    return c.value();
}

QString item(const QUrl &url, const char *key)
{
    return QUrlQuery(url).queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
}
} // namespace

TEST_CASE("PKCE verifier and challenge follow RFC 7636", "[auth][pkce]")
{
    // RFC 7636 Appendix B.
    CHECK(Pkce::challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
          == QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));

    const Pkce a = Pkce::generate();
    const Pkce b = Pkce::generate();
    CHECK(a.verifier.size() >= 43);
    CHECK(a.verifier.size() <= 128);
    CHECK(kB64url.match(QString::fromLatin1(a.verifier)).hasMatch());
    const QByteArray expected = QCryptographicHash::hash(a.verifier, QCryptographicHash::Sha256)
                                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    CHECK(a.challenge == expected);
    CHECK(a.verifier != b.verifier);
}

TEST_CASE("base64url decoding is strict", "[auth][crypto]")
{
    CHECK(authcrypto::b64urlDecodeStrict("aGk").value() == QByteArray("hi"));
    CHECK_FALSE(authcrypto::b64urlDecodeStrict("aGk=").has_value());    // padding
    CHECK_FALSE(authcrypto::b64urlDecodeStrict("aG+k").has_value());    // not url alphabet
    CHECK_FALSE(authcrypto::b64urlDecodeStrict("aG k").has_value());    // whitespace
    CHECK_FALSE(authcrypto::b64urlDecodeStrict("aGl").has_value());     // non-zero trailing bits
    CHECK_FALSE(authcrypto::b64urlDecodeStrict("a").has_value());       // impossible length
    CHECK(authcrypto::constantTimeEquals("abc", "abc"));
    CHECK_FALSE(authcrypto::constantTimeEquals("abc", "abd"));
    CHECK_FALSE(authcrypto::constantTimeEquals("abc", "abcd"));
}

TEST_CASE("authorize URL carries every SMART parameter", "[auth][request]")
{
    AuthParams params;
    params.redirectUri = QUrl(QStringLiteral("http://127.0.0.1:4711/callback"));
    params.loginHint = QStringLiteral("a+b@example.org");
    const QUrl fhirBase(QStringLiteral("https://fhir.example.org/r4"));
    const AuthRequest r = prepareAuthRequest(sampleConfig(), fhirBase, params);
    const QUrl &u = r.authorizeUrl;

    CHECK(u.scheme() == QLatin1String("https"));
    CHECK(u.host() == QLatin1String("auth.example.org"));
    CHECK(u.path() == QLatin1String("/authorize"));
    CHECK(item(u, "tenant") == QLatin1String("a"));   // existing query kept
    CHECK(item(u, "response_type") == QLatin1String("code"));
    CHECK(item(u, "client_id") == QLatin1String("hearth"));
    CHECK(item(u, "redirect_uri") == QLatin1String("http://127.0.0.1:4711/callback"));
    CHECK(item(u, "scope") == QLatin1String("openid fhirUser launch/patient offline_access patient/*.rs"));
    CHECK(item(u, "state") == QString::fromLatin1(r.state));
    CHECK(item(u, "nonce") == QString::fromLatin1(r.nonce));
    CHECK(item(u, "code_challenge") == QString::fromLatin1(Pkce::challengeFor(r.codeVerifier)));
    CHECK(item(u, "code_challenge_method") == QLatin1String("S256"));
    CHECK(item(u, "aud") == QLatin1String("https://fhir.example.org/r4"));
    CHECK(item(u, "login_hint") == QLatin1String("a+b@example.org"));   // '+' survives encoding
    CHECK(u.toString(QUrl::FullyEncoded).contains(QLatin1String("login_hint=a%2Bb%40example.org")));
    CHECK(r.redirectUri == params.redirectUri);
    CHECK(r.clientId == QLatin1String("hearth"));

    AuthParams noHint = params;
    noHint.loginHint.clear();
    CHECK_FALSE(QUrlQuery(prepareAuthRequest(sampleConfig(), fhirBase, noHint).authorizeUrl)
                        .hasQueryItem(QStringLiteral("login_hint")));
}

TEST_CASE("state and nonce have at least 128 bits and differ every time", "[auth][request]")
{
    AuthParams params;
    params.redirectUri = QUrl(QStringLiteral("http://127.0.0.1:1/callback"));
    QSet<QByteArray> seen;
    for (int i = 0; i < 50; ++i) {
        const AuthRequest r = prepareAuthRequest(sampleConfig(), QUrl(QStringLiteral("https://f.example")), params);
        CHECK(r.state.size() >= 22);
        CHECK(r.nonce.size() >= 22);
        CHECK(kB64url.match(QString::fromLatin1(r.state)).hasMatch());
        CHECK(kB64url.match(QString::fromLatin1(r.nonce)).hasMatch());
        CHECK(r.state != r.nonce);
        seen.insert(r.state);
        seen.insert(r.nonce);
        seen.insert(r.codeVerifier);
    }
    CHECK(seen.size() == 150);
}

TEST_CASE("codeFromRedirect checks the redirect", "[auth][request]")
{
    AuthParams params;
    params.redirectUri = QUrl(QStringLiteral("http://127.0.0.1:4711/callback"));
    const AuthRequest r = prepareAuthRequest(sampleConfig(), QUrl(QStringLiteral("https://f.example")), params);
    const QString base = QStringLiteral("http://127.0.0.1:4711/callback?");
    const QString state = QString::fromLatin1(r.state);

    SECTION("ok") {
        auto code = codeFromRedirect(r, QUrl(base + QStringLiteral("code=abc%2F123&state=") + state));
        REQUIRE(code.ok());
        CHECK(code.value() == QLatin1String("abc/123"));
    }
    SECTION("matching RFC 9207 iss accepted, other iss refused") {
        CHECK(codeFromRedirect(r, QUrl(base + QStringLiteral("code=c&iss=https%3A%2F%2Fauth.example.org&state=") + state)).ok());
        auto bad = codeFromRedirect(r, QUrl(base + QStringLiteral("code=c&iss=https%3A%2F%2Fevil.example&state=") + state));
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().kind == Error::Kind::Security);
    }
    SECTION("state mismatch") {
        // Change the last character to a different one (replacing it with a fixed letter would leave
        // the state unchanged whenever it already ended in that letter).
        const QString otherLast = state.endsWith(u'A') ? QStringLiteral("B") : QStringLiteral("A");
        auto code = codeFromRedirect(r, QUrl(base + QStringLiteral("code=abc&state=") + state.left(state.size() - 1)
                                             + otherLast));
        REQUIRE_FALSE(code.ok());
        CHECK(code.error().kind == Error::Kind::Security);
        CHECK(code.error().message == QLatin1String("state mismatch"));
        auto missing = codeFromRedirect(r, QUrl(base + QStringLiteral("code=abc")));
        REQUIRE_FALSE(missing.ok());
        CHECK(missing.error().message == QLatin1String("state mismatch"));
    }
    SECTION("error parameter") {
        auto code = codeFromRedirect(r, QUrl(base + QStringLiteral("error=access_denied&error_description=User+said+no&state=") + state));
        REQUIRE_FALSE(code.ok());
        CHECK(code.error().kind == Error::Kind::Auth);
        CHECK(code.error().outcome == QLatin1String("access_denied"));
        // A forged error without our state is a security failure, not a server answer.
        auto forged = codeFromRedirect(r, QUrl(base + QStringLiteral("error=access_denied")));
        REQUIRE_FALSE(forged.ok());
        CHECK(forged.error().kind == Error::Kind::Security);
    }
    SECTION("wrong redirect target") {
        auto code = codeFromRedirect(r, QUrl(QStringLiteral("http://127.0.0.1:4712/callback?code=a&state=") + state));
        REQUIRE_FALSE(code.ok());
        CHECK(code.error().kind == Error::Kind::Security);
    }
    SECTION("no code") {
        auto code = codeFromRedirect(r, QUrl(base + QStringLiteral("state=") + state));
        REQUIRE_FALSE(code.ok());
        CHECK(code.error().kind == Error::Kind::Auth);
    }
}

TEST_CASE("TokenSet JSON round trip and expiry", "[auth][tokens]")
{
    TokenSet t;
    t.accessToken = "at-1";
    t.refreshToken = "rt-1";
    t.idToken = "a.b.c";
    t.expiresAt = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    t.scope = QStringLiteral("openid patient/*.rs");
    t.patient = QStringLiteral("p1");
    t.fhirUser = QStringLiteral("Patient/p1");

    auto back = TokenSet::fromJson(t.toJson());
    REQUIRE(back.ok());
    CHECK(back->accessToken == t.accessToken);
    CHECK(back->refreshToken == t.refreshToken);
    CHECK(back->idToken == t.idToken);
    CHECK(back->expiresAt == t.expiresAt);
    CHECK(back->expiresAt.timeSpec() == Qt::UTC);
    CHECK(back->scope == t.scope);
    CHECK(back->patient == t.patient);
    CHECK(back->fhirUser == t.fhirUser);

    CHECK_FALSE(t.isExpired(t.expiresAt.addSecs(-120)));
    CHECK(t.isExpired(t.expiresAt.addSecs(-30)));          // inside the 60 s skew
    CHECK_FALSE(t.isExpired(t.expiresAt.addSecs(-30), 0));
    CHECK(t.isExpired(t.expiresAt.addSecs(1), 0));
    TokenSet empty;
    CHECK(empty.isExpired(QDateTime::currentDateTimeUtc()));

    CHECK_FALSE(TokenSet::fromJson("{}").ok());
    CHECK_FALSE(TokenSet::fromJson("not json").ok());
    CHECK_FALSE(TokenSet::fromJson(R"({"access_token":"a","expires_at":"yesterday"})").ok());
}

TEST_CASE("token responses are parsed and errors mapped", "[auth][tokens]")
{
    const QDateTime now(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
    auto ok = TokenClient::parseTokenResponse(200, R"({"access_token":"A","token_type":"bearer","expires_in":3600,
        "refresh_token":"R","id_token":"I","scope":"openid","patient":"123"})", now);
    REQUIRE(ok.ok());
    CHECK(ok->accessToken == "A");
    CHECK(ok->expiresAt == now.addSecs(3600));
    CHECK(ok->patient == QLatin1String("123"));

    auto mac = TokenClient::parseTokenResponse(200, R"({"access_token":"A","token_type":"mac"})", now);
    REQUIRE_FALSE(mac.ok());
    CHECK(mac.error().kind == Error::Kind::Parse);

    auto grant = TokenClient::parseTokenResponse(400, R"({"error":"invalid_grant"})", now);
    REQUIRE_FALSE(grant.ok());
    CHECK(grant.error().kind == Error::Kind::Auth);
    CHECK(grant.error().outcome == QLatin1String("invalid_grant"));
    CHECK(grant.error().httpStatus == 400);

    auto server = TokenClient::parseTokenResponse(503, "busy", now);
    REQUIRE_FALSE(server.ok());
    CHECK(server.error().kind == Error::Kind::Http);
    CHECK(server.error().httpStatus == 503);
}

TEST_CASE("SmartConfiguration parsing validates", "[auth][config]")
{
    const auto c = sampleConfig();
    CHECK(c.issuer == QUrl(QStringLiteral("https://auth.example.org")));
    CHECK(c.tokenEndpoint == QUrl(QStringLiteral("https://auth.example.org/token")));
    CHECK(c.jwksUri == QUrl(QStringLiteral("https://auth.example.org/jwks")));
    CHECK(c.capabilities.contains(QStringLiteral("client-public")));
    CHECK(c.supportsOpenId());

    auto noToken = SmartConfiguration::fromJson(R"({"authorization_endpoint":"https://a/x",
        "code_challenge_methods_supported":["S256"]})");
    REQUIRE_FALSE(noToken.ok());
    CHECK(noToken.error().message.contains(QLatin1String("token_endpoint")));

    auto noAuthz = SmartConfiguration::fromJson(R"({"token_endpoint":"https://a/t",
        "code_challenge_methods_supported":["S256"]})");
    REQUIRE_FALSE(noAuthz.ok());
    CHECK(noAuthz.error().message.contains(QLatin1String("authorization_endpoint")));

    auto plainOnly = SmartConfiguration::fromJson(R"({"authorization_endpoint":"https://a/x",
        "token_endpoint":"https://a/t","code_challenge_methods_supported":["plain"]})");
    REQUIRE_FALSE(plainOnly.ok());
    CHECK(plainOnly.error().message.contains(QLatin1String("S256")));

    auto noMethods = SmartConfiguration::fromJson(R"({"authorization_endpoint":"https://a/x","token_endpoint":"https://a/t"})");
    CHECK_FALSE(noMethods.ok());

    auto plainHttp = SmartConfiguration::fromJson(R"({"authorization_endpoint":"http://evil.example/x",
        "token_endpoint":"https://a/t","code_challenge_methods_supported":["S256"]})");
    CHECK_FALSE(plainHttp.ok());

    auto loopback = SmartConfiguration::fromJson(R"({"authorization_endpoint":"http://127.0.0.1:8080/x",
        "token_endpoint":"http://127.0.0.1:8080/t","code_challenge_methods_supported":["S256","plain"]})");
    REQUIRE(loopback.ok());
    CHECK_FALSE(loopback->supportsOpenId());

    CHECK_FALSE(SmartConfiguration::fromJson("[]").ok());
    CHECK_FALSE(SmartConfiguration::fromJson("").ok());
}

TEST_CASE("patient id from fhirUser", "[auth][flow]")
{
    CHECK(SignInFlow::patientIdFromFhirUser(QStringLiteral("Patient/123")) == QLatin1String("123"));
    CHECK(SignInFlow::patientIdFromFhirUser(QStringLiteral("https://fhir.example.org/r4/Patient/a-b.c")) == QLatin1String("a-b.c"));
    CHECK(SignInFlow::patientIdFromFhirUser(QStringLiteral("Practitioner/9")).isEmpty());
    CHECK(SignInFlow::patientIdFromFhirUser(QStringLiteral("Patient/../../x")).isEmpty());
    CHECK(SignInFlow::patientIdFromFhirUser(QString()).isEmpty());
    CHECK(SignInFlow::patientIdFromFhirUser(QStringLiteral("Patient/..")).isEmpty());
    CHECK(SignInFlow::patientIdFromFhirUser(QStringLiteral("Patient/7/_history/2")) == QLatin1String("7"));
}

TEST_CASE("the loopback listener reads only a complete GET /callback from the raw bytes", "[auth][redirect]")
{
    using Kind = RedirectRequest::Kind;
    const qsizetype max = 1024;
    CHECK(parseRedirectRequest("GET /callback?code=abc&state=x HTTP/1.1\r\nHost: 127.0.0.1\r\n", max).kind == Kind::Incomplete);
    const RedirectRequest ok = parseRedirectRequest("GET /callback?code=abc&state=x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", max);
    CHECK(ok.kind == Kind::Callback);
    CHECK(ok.query == "code=abc&state=x");
    const RedirectRequest bare = parseRedirectRequest("GET /callback HTTP/1.0\r\n\r\n", max);
    CHECK(bare.kind == Kind::Callback);
    CHECK(bare.query.isEmpty());
    CHECK(parseRedirectRequest("GET /favicon.ico HTTP/1.1\r\n\r\n", max).kind == Kind::NotFound);
    CHECK(parseRedirectRequest("POST /callback?code=abc HTTP/1.1\r\n\r\n", max).kind == Kind::NotFound);
    CHECK(parseRedirectRequest("GET /callback?code=abc\r\n\r\n", max).kind == Kind::BadRequest);
    CHECK(parseRedirectRequest("GET  /callback HTTP/1.1\r\n\r\n", max).kind == Kind::BadRequest);
    CHECK(parseRedirectRequest("GET /callback SPDY/3\r\n\r\n", max).kind == Kind::BadRequest);
    CHECK(parseRedirectRequest(QByteArray(max + 1, 'a'), max).kind == Kind::TooLarge);
}
