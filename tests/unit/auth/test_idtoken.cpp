// id_token verification against keys and tokens made here with OpenSSL: every rejection must fire.
#include "auth/IdTokenVerifier.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

using namespace hearth;

namespace {

struct PkeyFree { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

QByteArray b64(const QByteArray &d)
{
    return d.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray bnParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    REQUIRE(EVP_PKEY_get_bn_param(key, name, &bn) == 1);
    QByteArray out(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    BN_free(bn);
    return out;
}

QByteArray signDigest(EVP_PKEY *key, const QByteArray &input)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    REQUIRE(EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1);
    size_t len = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(input.constData());
    REQUIRE(EVP_DigestSign(ctx, nullptr, &len, in, size_t(input.size())) == 1);
    QByteArray sig(int(len), Qt::Uninitialized);
    REQUIRE(EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len, in, size_t(input.size())) == 1);
    sig.resize(int(len));
    EVP_MD_CTX_free(ctx);
    return sig;
}

QByteArray derToRaw(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, long(der.size()));
    REQUIRE(sig);
    QByteArray raw(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char *>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
    ECDSA_SIG_free(sig);
    return raw;
}

QByteArray publicPem(EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    REQUIRE(PEM_write_bio_PUBKEY(bio, key) == 1);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, int(len));
    BIO_free(bio);
    return pem;
}

const QString kIssuer = QStringLiteral("https://auth.example.org");
const QString kClient = QStringLiteral("hearth");
const QByteArray kNonce = "n-0S6_WzA2Mj";
const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1900000000, Qt::UTC);

// One RSA and one EC key pair and the JWKS publishing them, made once for the whole file.
struct Keys {
    Pkey rsa{EVP_RSA_gen(2048)};
    Pkey ec{EVP_EC_gen("P-256")};
    QByteArray jwks;

    Keys()
    {
        REQUIRE(rsa);
        REQUIRE(ec);
        size_t len = 0;
        REQUIRE(EVP_PKEY_get_octet_string_param(ec.get(), OSSL_PKEY_PARAM_PUB_KEY, nullptr, 0, &len) == 1);
        QByteArray point(int(len), Qt::Uninitialized);
        REQUIRE(EVP_PKEY_get_octet_string_param(ec.get(), OSSL_PKEY_PARAM_PUB_KEY,
                                                reinterpret_cast<unsigned char *>(point.data()), len, &len) == 1);
        REQUIRE(point.size() == 65);
        QJsonArray keys{
            QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")}, {QStringLiteral("kid"), QStringLiteral("rsa-1")},
                        {QStringLiteral("use"), QStringLiteral("sig")}, {QStringLiteral("alg"), QStringLiteral("RS256")},
                        {QStringLiteral("n"), QString::fromLatin1(b64(bnParam(rsa.get(), OSSL_PKEY_PARAM_RSA_N)))},
                        {QStringLiteral("e"), QString::fromLatin1(b64(bnParam(rsa.get(), OSSL_PKEY_PARAM_RSA_E)))}},
            QJsonObject{{QStringLiteral("kty"), QStringLiteral("EC")}, {QStringLiteral("kid"), QStringLiteral("ec-1")},
                        {QStringLiteral("crv"), QStringLiteral("P-256")},
                        {QStringLiteral("x"), QString::fromLatin1(b64(point.mid(1, 32)))},
                        {QStringLiteral("y"), QString::fromLatin1(b64(point.mid(33, 32)))}},
            // A symmetric key under its own kid: a token naming it with RS256 must not be accepted.
            QJsonObject{{QStringLiteral("kty"), QStringLiteral("oct")}, {QStringLiteral("kid"), QStringLiteral("oct-1")},
                        {QStringLiteral("k"), QString::fromLatin1(b64("secret"))}},
        };
        jwks = QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson(QJsonDocument::Compact);
    }
};

Keys &keys()
{
    static Keys k;
    return k;
}

QJsonObject goodClaims()
{
    return QJsonObject{
        {QStringLiteral("iss"), kIssuer},
        {QStringLiteral("sub"), QStringLiteral("user-1")},
        {QStringLiteral("aud"), kClient},
        {QStringLiteral("exp"), double(kNow.toSecsSinceEpoch() + 300)},
        {QStringLiteral("iat"), double(kNow.toSecsSinceEpoch() - 10)},
        {QStringLiteral("nonce"), QString::fromLatin1(kNonce)},
        {QStringLiteral("fhirUser"), QStringLiteral("Patient/123")},
    };
}

QByteArray part(const QJsonObject &o)
{
    return b64(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QByteArray header(const char *alg, const char *kid)
{
    QJsonObject h{{QStringLiteral("alg"), QString::fromLatin1(alg)}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (kid)
        h.insert(QStringLiteral("kid"), QString::fromLatin1(kid));
    return part(h);
}

QByteArray signRs256(const QJsonObject &claims, const char *kid = "rsa-1")
{
    const QByteArray input = header("RS256", kid) + '.' + part(claims);
    return input + '.' + b64(signDigest(keys().rsa.get(), input));
}

QByteArray signEs256(const QJsonObject &claims)
{
    const QByteArray input = header("ES256", "ec-1") + '.' + part(claims);
    return input + '.' + b64(derToRaw(signDigest(keys().ec.get(), input)));
}

Result<IdTokenClaims> verify(const QByteArray &token, const QByteArray &nonce = kNonce)
{
    return IdTokenVerifier::verify(token, keys().jwks, kIssuer, kClient, nonce, kNow);
}

// Asserts a Security error whose message names `check`.
void requireRejected(const Result<IdTokenClaims> &r, const char *check)
{
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == Error::Kind::Security);
    INFO("message: " << r.error().message.toStdString());
    CHECK(r.error().message.contains(QString::fromLatin1(check)));
}

QJsonObject with(QJsonObject o, const char *key, const QJsonValue &v)
{
    o.insert(QString::fromLatin1(key), v);
    return o;
}

} // namespace

TEST_CASE("a valid RS256 id_token passes and yields its claims", "[auth][idtoken]")
{
    auto r = verify(signRs256(goodClaims()));
    REQUIRE(r.ok());
    CHECK(r->iss == kIssuer);
    CHECK(r->sub == QLatin1String("user-1"));
    CHECK(r->aud == QStringList{kClient});
    CHECK(r->fhirUser == QLatin1String("Patient/123"));
    CHECK(r->nonce == QString::fromLatin1(kNonce));
    CHECK(r->exp == kNow.addSecs(300));
    CHECK(r->iat == kNow.addSecs(-10));
}

TEST_CASE("a valid ES256 id_token passes", "[auth][idtoken]")
{
    auto r = verify(signEs256(goodClaims()));
    REQUIRE(r.ok());
    CHECK(r->sub == QLatin1String("user-1"));
}

TEST_CASE("a token without kid uses the only key of its type", "[auth][idtoken]")
{
    CHECK(verify(signRs256(goodClaims(), nullptr)).ok());
}

TEST_CASE("id_token rejections", "[auth][idtoken][security]")
{
    const QByteArray good = signRs256(goodClaims());
    const QList<QByteArray> parts = good.split('.');

    SECTION("tampered payload") {
        const QByteArray forged = parts[0] + '.' + part(with(goodClaims(), "sub", QStringLiteral("someone-else"))) + '.' + parts[2];
        requireRejected(verify(forged), "signature invalid");
    }
    SECTION("tampered signature") {
        QByteArray sig = *QByteArray::fromBase64Encoding(parts[2], QByteArray::Base64UrlEncoding);
        sig[10] = char(sig[10] ^ 0x01);
        requireRejected(verify(parts[0] + '.' + parts[1] + '.' + b64(sig)), "signature invalid");
    }
    SECTION("alg none") {
        const QByteArray unsignedToken = header("none", "rsa-1") + '.' + part(goodClaims()) + '.';
        requireRejected(verify(unsignedToken), "alg not allowed");
        const QByteArray withJunkSig = header("none", nullptr) + '.' + part(goodClaims()) + '.' + b64("x");
        requireRejected(verify(withJunkSig), "alg not allowed");
    }
    SECTION("HS256 signed with the RSA public key as HMAC secret") {
        const QByteArray input = header("HS256", "rsa-1") + '.' + part(goodClaims());
        const QByteArray mac = QMessageAuthenticationCode::hash(input, publicPem(keys().rsa.get()), QCryptographicHash::Sha256);
        requireRejected(verify(input + '.' + b64(mac)), "alg not allowed");
    }
    SECTION("RS256 header pointing at a symmetric key") {
        const QByteArray input = header("RS256", "oct-1") + '.' + part(goodClaims());
        const QByteArray mac = QMessageAuthenticationCode::hash(input, "secret", QCryptographicHash::Sha256);
        requireRejected(verify(input + '.' + b64(mac)), "key type does not match alg");
    }
    SECTION("RS256 token naming the EC key") {
        requireRejected(verify(signRs256(goodClaims(), "ec-1")), "key type does not match alg");
    }
    SECTION("unknown kid") {
        requireRejected(verify(signRs256(goodClaims(), "rsa-2")), "kid not found");
    }
    SECTION("wrong iss") {
        requireRejected(verify(signRs256(with(goodClaims(), "iss", QStringLiteral("https://evil.example")))), "issuer mismatch");
    }
    SECTION("wrong aud") {
        requireRejected(verify(signRs256(with(goodClaims(), "aud", QStringLiteral("other-app")))), "audience");
        requireRejected(verify(signRs256(with(goodClaims(), "aud", QJsonArray{QStringLiteral("other-app")}))), "audience");
    }
    SECTION("several audiences need a matching azp") {
        const QJsonObject multi = with(goodClaims(), "aud", QJsonArray{kClient, QStringLiteral("other-app")});
        requireRejected(verify(signRs256(multi)), "azp missing");
        requireRejected(verify(signRs256(with(multi, "azp", QStringLiteral("other-app")))), "azp mismatch");
        CHECK(verify(signRs256(with(multi, "azp", kClient))).ok());
    }
    SECTION("expired") {
        requireRejected(verify(signRs256(with(goodClaims(), "exp", double(kNow.toSecsSinceEpoch() - 61)))), "expired");
        // within the 60 s skew it still passes
        CHECK(verify(signRs256(with(goodClaims(), "exp", double(kNow.toSecsSinceEpoch() - 30)))).ok());
    }
    SECTION("issued in the future") {
        requireRejected(verify(signRs256(with(goodClaims(), "iat", double(kNow.toSecsSinceEpoch() + 3600)))), "issued in the future");
    }
    SECTION("wrong nonce") {
        requireRejected(verify(good, "another-nonce"), "nonce mismatch");
        requireRejected(verify(signRs256(with(goodClaims(), "nonce", QString::fromLatin1(kNonce) + QStringLiteral("x")))), "nonce mismatch");
        QJsonObject noNonce = goodClaims();
        noNonce.remove(QStringLiteral("nonce"));
        requireRejected(verify(signRs256(noNonce)), "nonce mismatch");
    }
    SECTION("malformed: two parts") {
        requireRejected(verify(parts[0] + '.' + parts[1]), "malformed");
        requireRejected(verify(""), "malformed");
        requireRejected(verify(good + ".x"), "malformed");
    }
    SECTION("malformed: bad base64") {
        requireRejected(verify(parts[0] + "=." + parts[1] + '.' + parts[2]), "malformed");
        requireRejected(verify(parts[0] + '.' + parts[1] + '.' + parts[2] + "!"), "malformed");
        QByteArray badHeader = "e30+" + parts[0].mid(4);
        requireRejected(verify(badHeader + '.' + parts[1] + '.' + parts[2]), "malformed");
    }
    SECTION("malformed JWKS") {
        auto r = IdTokenVerifier::verify(good, "{\"nokeys\":1}", kIssuer, kClient, kNonce, kNow);
        requireRejected(r, "JWKS is malformed");
    }
}

namespace {

QByteArray publicDer(EVP_PKEY *key)
{
    const int len = i2d_PUBKEY(key, nullptr);
    REQUIRE(len > 0);
    QByteArray der(len, Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(der.data());
    REQUIRE(i2d_PUBKEY(key, &p) == len);
    return der;
}

QByteArray hs256(const char *kid, const QJsonObject &claims, const QByteArray &secret)
{
    const QByteArray input = header("HS256", kid) + '.' + part(claims);
    return input + '.' + b64(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
}

// Signed correctly, but by a key the JWKS does not hold, under a kid it does.
QByteArray signedByStranger(const char *alg, const char *kid)
{
    const QByteArray input = header(alg, kid) + '.' + part(goodClaims());
    if (qstrcmp(alg, "ES256") == 0) {
        Pkey stranger{EVP_EC_gen("P-256")};
        return input + '.' + b64(derToRaw(signDigest(stranger.get(), input)));
    }
    Pkey stranger{EVP_RSA_gen(2048)};
    return input + '.' + b64(signDigest(stranger.get(), input));
}

QJsonObject without(QJsonObject o, const char *key)
{
    o.remove(QString::fromLatin1(key));
    return o;
}

} // namespace

// The forgeries an attacker would try, one row each; the first row is the control that must pass,
// so a verifier that rejects everything fails this test too.
TEST_CASE("forged id_tokens are all rejected (table)", "[auth][idtoken][security]")
{
    const qint64 now = kNow.toSecsSinceEpoch();
    struct Row {
        const char *forgery;
        QByteArray token;
        QByteArray nonce;
        const char *check;   // nullptr: must pass
    };
    const QByteArray good = signRs256(goodClaims());
    const QList<QByteArray> parts = good.split('.');
    const QList<Row> rows{
        {"control: a genuine RS256 token", good, kNonce, nullptr},
        {"control: a genuine ES256 token", signEs256(goodClaims()), kNonce, nullptr},
        {"bad signature: RS256 by a key not in the JWKS", signedByStranger("RS256", "rsa-1"), kNonce, "signature invalid"},
        {"bad signature: ES256 by a key not in the JWKS", signedByStranger("ES256", "ec-1"), kNonce, "signature invalid"},
        {"bad signature: claims swapped under a genuine signature",
         parts[0] + '.' + part(with(goodClaims(), "sub", QStringLiteral("user-2"))) + '.' + parts[2], kNonce, "signature invalid"},
        {"bad signature: signature stripped", parts[0] + '.' + parts[1] + '.', kNonce, nullptr},
        {"wrong iss", signRs256(with(goodClaims(), "iss", QStringLiteral("https://evil.example"))), kNonce, "issuer mismatch"},
        {"wrong iss: trailing slash", signRs256(with(goodClaims(), "iss", kIssuer + u'/')), kNonce, "issuer mismatch"},
        {"no iss", signRs256(without(goodClaims(), "iss")), kNonce, "issuer mismatch"},
        {"wrong aud", signRs256(with(goodClaims(), "aud", QStringLiteral("other-app"))), kNonce, "audience"},
        {"no aud", signRs256(without(goodClaims(), "aud")), kNonce, "audience"},
        {"expired", signRs256(with(goodClaims(), "exp", double(now - 3600))), kNonce, "expired"},
        {"no exp", signRs256(without(goodClaims(), "exp")), kNonce, "exp"},
        {"wrong nonce", good, QByteArray("a-nonce-from-another-sign-in"), "nonce mismatch"},
        {"replayed token with no nonce", signRs256(without(goodClaims(), "nonce")), kNonce, "nonce mismatch"},
        {"alg none", header("none", "rsa-1") + '.' + part(goodClaims()) + '.', kNonce, "alg not allowed"},
        {"alg None (case)", header("None", "rsa-1") + '.' + part(goodClaims()) + '.', kNonce, "alg not allowed"},
        {"alg NONE with a junk signature", header("NONE", nullptr) + '.' + part(goodClaims()) + '.' + b64("x"), kNonce, "alg not allowed"},
        {"HS256 with the RSA public key (PEM) as secret", hs256("rsa-1", goodClaims(), publicPem(keys().rsa.get())), kNonce, "alg not allowed"},
        {"HS256 with the RSA public key (DER) as secret", hs256("rsa-1", goodClaims(), publicDer(keys().rsa.get())), kNonce, "alg not allowed"},
        {"HS256 with the EC public key (PEM) as secret", hs256("ec-1", goodClaims(), publicPem(keys().ec.get())), kNonce, "alg not allowed"},
        {"HS256 with no kid", hs256(nullptr, goodClaims(), publicPem(keys().rsa.get())), kNonce, "alg not allowed"},
        {"RS256 header over the JWKS's symmetric key", [] {
             const QByteArray input = header("RS256", "oct-1") + '.' + part(goodClaims());
             return input + '.' + b64(QMessageAuthenticationCode::hash(input, "secret", QCryptographicHash::Sha256));
         }(), kNonce, "key type does not match alg"},
    };
    for (const Row &row : rows) {
        INFO(row.forgery);
        const Result<IdTokenClaims> r = verify(row.token, row.nonce);
        if (row.check) {
            requireRejected(r, row.check);
        } else if (QByteArray(row.forgery).startsWith("control")) {
            CHECK(r.ok());
        } else {
            CHECK_FALSE(r.ok());   // rejected, whatever the message says
            if (!r.ok())
                CHECK(r.error().kind == Error::Kind::Security);
        }
    }
}
