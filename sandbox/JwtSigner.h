#pragma once
// An RSA-2048 key made at start-up (OpenSSL 3 EVP) that signs RS256 JWTs and publishes itself as a JWKS.
#include <QByteArray>
#include <QJsonObject>

typedef struct evp_pkey_st EVP_PKEY;

namespace hearth::sandbox {

QByteArray base64Url(const QByteArray &bytes);

class JwtSigner
{
public:
    JwtSigner();
    ~JwtSigner();
    JwtSigner(const JwtSigner &) = delete;
    JwtSigner &operator=(const JwtSigner &) = delete;

    bool isValid() const { return m_key != nullptr; }
    QByteArray keyId() const { return m_kid; }
    // header.payload.signature, compact JSON, base64url without padding. Empty on failure.
    QByteArray sign(const QJsonObject &claims) const;
    // {"keys":[{kty,use,alg,kid,n,e}]}
    QJsonObject jwks() const;

private:
    EVP_PKEY *m_key = nullptr;
    QByteArray m_kid;
    QByteArray m_n; // base64url modulus
    QByteArray m_e; // base64url exponent
};

} // namespace hearth::sandbox
