#include "TestPki.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>

namespace hearth::test {

namespace {

struct Free {
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
};

void check(bool ok, const char *what)
{
    if (!ok)
        throw std::runtime_error(what);
}

std::unique_ptr<EVP_PKEY, Free> newKey()
{
    std::unique_ptr<EVP_PKEY, Free> key(EVP_EC_gen("P-256"));
    check(key != nullptr, "EC key generation failed");
    return key;
}

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(len));
}

QByteArray keyPem(EVP_PKEY *key)
{
    std::unique_ptr<BIO, Free> bio(BIO_new(BIO_s_mem()));
    check(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1, "key PEM");
    return drain(bio.get());
}

QByteArray certPem(X509 *cert)
{
    std::unique_ptr<BIO, Free> bio(BIO_new(BIO_s_mem()));
    check(PEM_write_bio_X509(bio.get(), cert) == 1, "certificate PEM");
    return drain(bio.get());
}

void addExtension(X509 *cert, X509 *issuer, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData());
    check(ext != nullptr, "extension");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

TestIdentity finish(X509 *cert, EVP_PKEY *key)
{
    TestIdentity out;
    out.certificatePem = certPem(cert);
    out.keyPem = keyPem(key);
    out.certificate = QSslCertificate(out.certificatePem, QSsl::Pem);
    out.key = QSslKey(out.keyPem, QSsl::Ec, QSsl::Pem);
    check(!out.certificate.isNull() && !out.key.isNull(), "Qt could not read the generated PEM");
    return out;
}

std::unique_ptr<X509, Free> newCertificate(EVP_PKEY *key, const QString &cn, qint64 notBefore, qint64 notAfter)
{
    std::unique_ptr<X509, Free> cert(X509_new());
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), long(notBefore));
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(notAfter));
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    const QByteArray cnBytes = cn.toUtf8();
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cnBytes.constData()),
                               -1, -1, 0);
    return cert;
}

// The private key of a CA is kept with its identity as PEM; read it back to sign with.
std::unique_ptr<EVP_PKEY, Free> readKey(const QByteArray &pem)
{
    std::unique_ptr<BIO, Free> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    std::unique_ptr<EVP_PKEY, Free> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    check(key != nullptr, "read key");
    return key;
}

std::unique_ptr<X509, Free> readCert(const QByteArray &pem)
{
    std::unique_ptr<BIO, Free> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    std::unique_ptr<X509, Free> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    check(cert != nullptr, "read certificate");
    return cert;
}

} // namespace

TestIdentity makeTestCa(const QString &commonName)
{
    auto key = newKey();
    auto cert = newCertificate(key.get(), commonName, -3600, 7 * 86400);
    X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get()));
    addExtension(cert.get(), cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    addExtension(cert.get(), cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    addExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
    check(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "sign CA");
    return finish(cert.get(), key.get());
}

TestIdentity makeServerCertificate(const CertSpec &spec, const TestIdentity *issuer)
{
    auto key = newKey();
    auto cert = newCertificate(key.get(), spec.commonName, spec.notBeforeOffset, spec.notAfterOffset);
    std::unique_ptr<X509, Free> issuerCert;
    std::unique_ptr<EVP_PKEY, Free> issuerKey;
    if (issuer) {
        issuerCert = readCert(issuer->certificatePem);
        issuerKey = readKey(issuer->keyPem);
        X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert.get()));
    } else {
        X509_set_issuer_name(cert.get(), X509_get_subject_name(cert.get()));
    }
    X509 *signer = issuer ? issuerCert.get() : cert.get();
    QStringList names;
    for (const QString &dns : spec.dnsNames)
        names << QStringLiteral("DNS:") + dns;
    for (const QString &ip : spec.ipAddresses)
        names << QStringLiteral("IP:") + ip;
    if (!names.isEmpty())
        addExtension(cert.get(), signer, NID_subject_alt_name, names.join(u',').toUtf8());
    addExtension(cert.get(), signer, NID_basic_constraints, "CA:FALSE");
    addExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth");
    if (issuer)
        addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid");
    check(X509_sign(cert.get(), issuer ? issuerKey.get() : key.get(), EVP_sha256()) > 0, "sign server certificate");
    return finish(cert.get(), key.get());
}

CertSpec loopbackSpec()
{
    CertSpec spec;
    spec.commonName = QStringLiteral("127.0.0.1");
    spec.dnsNames = {QStringLiteral("localhost")};
    spec.ipAddresses = {QStringLiteral("127.0.0.1")};
    return spec;
}

} // namespace hearth::test
