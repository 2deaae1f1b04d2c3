#include "auth/IdTokenVerifier.h"

#include "auth/AuthCrypto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <memory>

namespace hearth {

namespace {

Error fail(const QString &check)
{
    return Error::make(Error::Kind::Security, QStringLiteral("id_token: ") + check);
}

// RAII for the OpenSSL objects used here.
struct BnFree { void operator()(BIGNUM *p) const { BN_free(p); } };
struct BldFree { void operator()(OSSL_PARAM_BLD *p) const { OSSL_PARAM_BLD_free(p); } };
struct ParamFree { void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); } };
struct PkeyCtxFree { void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); } };
struct PkeyFree { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
struct MdCtxFree { void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); } };
struct SigFree { void operator()(ECDSA_SIG *p) const { ECDSA_SIG_free(p); } };
using Bn = std::unique_ptr<BIGNUM, BnFree>;
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

Bn toBn(const QByteArray &bytes)
{
    return Bn(BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()), int(bytes.size()), nullptr));
}

// Builds a key from `params` for the key type `type` ("RSA" or "EC").
Pkey keyFromParams(const char *type, OSSL_PARAM *params)
{
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *key = nullptr;
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) <= 0)
        return nullptr;
    return Pkey(key);
}

std::optional<QByteArray> b64Field(const QJsonObject &jwk, const QString &name)
{
    const QJsonValue v = jwk.value(name);
    if (!v.isString())
        return std::nullopt;
    return authcrypto::b64urlDecodeStrict(v.toString().toLatin1());
}

Result<Pkey> rsaKey(const QJsonObject &jwk)
{
    const auto n = b64Field(jwk, QStringLiteral("n"));
    const auto e = b64Field(jwk, QStringLiteral("e"));
    if (!n || !e || n->isEmpty() || e->isEmpty())
        return fail(QStringLiteral("JWKS RSA key is malformed"));
    Bn bnN = toBn(*n), bnE = toBn(*e);
    if (!bnN || !bnE)
        return fail(QStringLiteral("JWKS RSA key is malformed"));
    if (BN_num_bits(bnN.get()) < 2048)
        return fail(QStringLiteral("JWKS RSA key is shorter than 2048 bits"));
    std::unique_ptr<OSSL_PARAM_BLD, BldFree> bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get())
        || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get()))
        return fail(QStringLiteral("cannot build RSA key"));
    std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
    Pkey key = params ? keyFromParams("RSA", params.get()) : nullptr;
    if (!key)
        return fail(QStringLiteral("cannot build RSA key"));
    return key;
}

Result<Pkey> ecKey(const QJsonObject &jwk)
{
    if (jwk.value(QStringLiteral("crv")).toString() != QLatin1String("P-256"))
        return fail(QStringLiteral("JWKS EC key is not on P-256"));
    const auto x = b64Field(jwk, QStringLiteral("x"));
    const auto y = b64Field(jwk, QStringLiteral("y"));
    if (!x || !y || x->size() != 32 || y->size() != 32)
        return fail(QStringLiteral("JWKS EC key is malformed"));
    QByteArray point = QByteArray(1, '\x04') + *x + *y;   // uncompressed SEC1 point
    char group[] = "prime256v1";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), size_t(point.size())),
        OSSL_PARAM_construct_end(),
    };
    Pkey key = keyFromParams("EC", params);
    if (!key)
        return fail(QStringLiteral("JWKS EC key is not a valid P-256 point"));
    return key;
}

// JWS ES256 signatures are raw r||s; OpenSSL wants DER.
std::optional<QByteArray> ecdsaRawToDer(const QByteArray &raw)
{
    if (raw.size() != 64)
        return std::nullopt;
    std::unique_ptr<ECDSA_SIG, SigFree> sig(ECDSA_SIG_new());
    Bn r = toBn(raw.left(32)), s = toBn(raw.mid(32));
    if (!sig || !r || !s || !ECDSA_SIG_set0(sig.get(), r.get(), s.get()))
        return std::nullopt;
    r.release();   // owned by sig now
    s.release();
    const int len = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (len <= 0)
        return std::nullopt;
    QByteArray der(len, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (i2d_ECDSA_SIG(sig.get(), &out) != len)
        return std::nullopt;
    return der;
}

bool verifySha256(EVP_PKEY *key, const QByteArray &signingInput, const QByteArray &signature)
{
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) <= 0)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                            size_t(signature.size()),
                            reinterpret_cast<const unsigned char *>(signingInput.constData()),
                            size_t(signingInput.size())) == 1;
}

// Picks the JWK for this token: by kid, or the only signing key of the right type when there is no kid.
Result<QJsonObject> findKey(const QByteArray &jwksJson, const QString &kid, bool hasKid, const QString &kty)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(jwksJson, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject() || !doc.object().value(QStringLiteral("keys")).isArray())
        return fail(QStringLiteral("JWKS is malformed"));
    const QJsonArray keys = doc.object().value(QStringLiteral("keys")).toArray();
    QList<QJsonObject> candidates;
    for (const QJsonValue &v : keys) {
        const QJsonObject jwk = v.toObject();
        if (hasKid ? jwk.value(QStringLiteral("kid")).toString() == kid : jwk.value(QStringLiteral("kty")).toString() == kty)
            candidates << jwk;
    }
    if (candidates.isEmpty())
        return fail(hasKid ? QStringLiteral("kid not found in JWKS") : QStringLiteral("no matching key in JWKS"));
    if (candidates.size() > 1)
        return fail(QStringLiteral("key is ambiguous in JWKS"));
    return candidates.first();
}

Result<QJsonObject> decodeJsonPart(const QByteArray &part, const QString &name)
{
    const auto bytes = authcrypto::b64urlDecodeStrict(part);
    if (!bytes)
        return fail(QStringLiteral("malformed (") + name + QStringLiteral(" is not base64url)"));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("malformed (") + name + QStringLiteral(" is not a JSON object)"));
    return doc.object();
}

std::optional<QDateTime> numericDate(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(v.toDouble()), Qt::UTC);
}

Status checkSignature(const QJsonObject &header, const QByteArray &signingInput, const QByteArray &signature,
                      const QByteArray &jwksJson)
{
    const QString alg = header.value(QStringLiteral("alg")).toString();
    // Allow-list first: "none", HS* (key confusion with a public key as HMAC secret) and the rest never
    // reach key handling.
    if (alg != QLatin1String("RS256") && alg != QLatin1String("ES256"))
        return fail(QStringLiteral("alg not allowed"));
    // We understand no extensions; RFC 7515 §4.1.11 says reject what is marked critical.
    if (header.contains(QStringLiteral("crit")))
        return fail(QStringLiteral("unsupported critical header"));
    const QString wantKty = alg == QLatin1String("RS256") ? QStringLiteral("RSA") : QStringLiteral("EC");
    const bool hasKid = header.contains(QStringLiteral("kid"));
    auto jwk = findKey(jwksJson, header.value(QStringLiteral("kid")).toString(), hasKid, wantKty);
    if (!jwk)
        return jwk.error();
    if (jwk->value(QStringLiteral("kty")).toString() != wantKty)
        return fail(QStringLiteral("key type does not match alg"));
    if (jwk->contains(QStringLiteral("alg")) && jwk->value(QStringLiteral("alg")).toString() != alg)
        return fail(QStringLiteral("key alg does not match token alg"));
    if (jwk->contains(QStringLiteral("use")) && jwk->value(QStringLiteral("use")).toString() != QLatin1String("sig"))
        return fail(QStringLiteral("key is not a signing key"));

    auto key = alg == QLatin1String("RS256") ? rsaKey(jwk.value()) : ecKey(jwk.value());
    if (!key)
        return key.error();
    QByteArray sig = signature;
    if (alg == QLatin1String("ES256")) {
        const auto der = ecdsaRawToDer(signature);
        if (!der)
            return fail(QStringLiteral("signature invalid"));
        sig = *der;
    }
    if (!verifySha256(key->get(), signingInput, sig))
        return fail(QStringLiteral("signature invalid"));
    return {};
}

} // namespace

Result<IdTokenClaims> IdTokenVerifier::verify(const QByteArray &idToken, const QByteArray &jwksJson,
                                              const QString &issuer, const QString &clientId,
                                              const QByteArray &nonce, const QDateTime &now)
{
    const QList<QByteArray> parts = idToken.split('.');
    if (parts.size() != 3)
        return fail(QStringLiteral("malformed (not three parts)"));
    auto header = decodeJsonPart(parts[0], QStringLiteral("header"));
    if (!header)
        return header.error();
    const auto signature = authcrypto::b64urlDecodeStrict(parts[2]);
    if (!signature)
        return fail(QStringLiteral("malformed (signature is not base64url)"));
    if (signature->isEmpty())
        return fail(QStringLiteral("alg not allowed"));   // unsigned token

    const QByteArray signingInput = parts[0] + '.' + parts[1];
    const Status sigOk = checkSignature(header.value(), signingInput, *signature, jwksJson);
    if (!sigOk)
        return sigOk.error();

    // Only now is the payload trusted enough to read.
    auto payload = decodeJsonPart(parts[1], QStringLiteral("payload"));
    if (!payload)
        return payload.error();
    const QJsonObject &p = payload.value();

    IdTokenClaims claims;
    claims.iss = p.value(QStringLiteral("iss")).toString();
    if (claims.iss.isEmpty() || claims.iss != issuer)
        return fail(QStringLiteral("issuer mismatch"));

    const QJsonValue aud = p.value(QStringLiteral("aud"));
    if (aud.isString()) {
        claims.aud << aud.toString();
    } else if (aud.isArray()) {
        for (const QJsonValue &a : aud.toArray())
            claims.aud << a.toString();
    }
    if (!claims.aud.contains(clientId))
        return fail(QStringLiteral("audience does not include this client"));
    const QJsonValue azp = p.value(QStringLiteral("azp"));
    if (!azp.isUndefined() && azp.toString() != clientId)
        return fail(QStringLiteral("azp mismatch"));
    if (claims.aud.size() > 1 && azp.isUndefined())
        return fail(QStringLiteral("azp missing with several audiences"));

    const auto exp = numericDate(p.value(QStringLiteral("exp")));
    if (!exp)
        return fail(QStringLiteral("exp missing"));
    claims.exp = *exp;
    if (now.toUTC() > claims.exp.addSecs(kClockSkewSeconds))
        return fail(QStringLiteral("expired"));
    const auto iat = numericDate(p.value(QStringLiteral("iat")));
    if (!iat)
        return fail(QStringLiteral("iat missing"));
    claims.iat = *iat;
    if (claims.iat > now.toUTC().addSecs(kClockSkewSeconds))
        return fail(QStringLiteral("issued in the future"));

    claims.nonce = p.value(QStringLiteral("nonce")).toString();
    if (nonce.isEmpty() || !authcrypto::constantTimeEquals(claims.nonce.toUtf8(), nonce))
        return fail(QStringLiteral("nonce mismatch"));

    claims.sub = p.value(QStringLiteral("sub")).toString();
    if (claims.sub.isEmpty())
        return fail(QStringLiteral("sub missing"));
    claims.fhirUser = p.value(QStringLiteral("fhirUser")).toString();
    return claims;
}

} // namespace hearth
