#include "JwtSigner.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

namespace hearth::sandbox {

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

static QByteArray bigNumParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        return {};
    QByteArray out(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    BN_free(bn);
    return out;
}

JwtSigner::JwtSigner()
{
    m_key = EVP_RSA_gen(2048);
    if (!m_key)
        return;
    const QByteArray n = bigNumParam(m_key, OSSL_PKEY_PARAM_RSA_N);
    const QByteArray e = bigNumParam(m_key, OSSL_PKEY_PARAM_RSA_E);
    if (n.isEmpty() || e.isEmpty()) {
        EVP_PKEY_free(m_key);
        m_key = nullptr;
        return;
    }
    m_n = base64Url(n);
    m_e = base64Url(e);
    // A key id derived from the modulus, so a new key always gets a new kid.
    m_kid = base64Url(QCryptographicHash::hash(n, QCryptographicHash::Sha256)).left(16);
}

JwtSigner::~JwtSigner()
{
    EVP_PKEY_free(m_key);
}

QByteArray JwtSigner::sign(const QJsonObject &claims) const
{
    if (!m_key)
        return {};
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("kid"), QString::fromLatin1(m_kid)}};
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));

    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    QByteArray signature;
    size_t length = 0;
    if (ctx && EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, m_key) == 1
        && EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char *>(input.constData()),
                          size_t(input.size())) == 1) {
        signature.resize(qsizetype(length));
        if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &length,
                           reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size())) == 1)
            signature.resize(qsizetype(length));
        else
            signature.clear();
    }
    EVP_MD_CTX_free(ctx);
    if (signature.isEmpty())
        return {};
    return input + '.' + base64Url(signature);
}

QJsonObject JwtSigner::jwks() const
{
    const QJsonObject key{{QStringLiteral("kty"), QStringLiteral("RSA")},
                          {QStringLiteral("use"), QStringLiteral("sig")},
                          {QStringLiteral("alg"), QStringLiteral("RS256")},
                          {QStringLiteral("kid"), QString::fromLatin1(m_kid)},
                          {QStringLiteral("n"), QString::fromLatin1(m_n)},
                          {QStringLiteral("e"), QString::fromLatin1(m_e)}};
    return {{QStringLiteral("keys"), QJsonArray{key}}};
}

} // namespace hearth::sandbox
