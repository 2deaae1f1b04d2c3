#pragma once
// Certificates made at test time with OpenSSL, so no key or certificate is ever checked in:
// a test CA, server certificates it issues (valid, expired, for another host) and a self-signed one.
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QStringList>

namespace hearth::test {

struct TestIdentity {
    QSslCertificate certificate;
    QSslKey key;
    QByteArray certificatePem;
    QByteArray keyPem;
};

struct CertSpec {
    QString commonName = QStringLiteral("hearth test server");
    QStringList dnsNames;            // subjectAltName DNS entries
    QStringList ipAddresses;         // subjectAltName IP entries
    qint64 notBeforeOffset = -3600;  // seconds from now
    qint64 notAfterOffset = 86400;
};

// A new CA (self-signed, basicConstraints CA:TRUE) with a fresh P-256 key.
TestIdentity makeTestCa(const QString &commonName = QStringLiteral("Hearth test CA"));
// A server certificate for `spec`, signed by `issuer`; pass no issuer for a self-signed one.
TestIdentity makeServerCertificate(const CertSpec &spec, const TestIdentity *issuer);
// For the sandbox on 127.0.0.1: SAN IP 127.0.0.1 and DNS localhost.
CertSpec loopbackSpec();

} // namespace hearth::test
