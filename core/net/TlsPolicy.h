#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>

class QNetworkRequest;

namespace hearth::tls {

// The one TLS setting for every request Hearth makes (FHIR, discovery, token, JWKS, sign-in):
// TLS 1.2 or later, the peer's certificate and host name always verified. Certificate and
// host-name errors fail closed: nothing in Hearth tells Qt to ignore a TLS error (a security test
// greps the tree for it), so a failed handshake ends the request before a byte of it is sent.
QSslConfiguration clientConfiguration();

// Puts clientConfiguration() on `request`. Every QNetworkRequest Hearth builds goes through this.
void applyTo(QNetworkRequest &request);

// Test only: an extra CA to trust besides the system's (the test CA the sandbox's HTTPS
// certificate is signed with). Nothing in the app or hearth-cli calls this, so a build trusts
// only the system's CAs unless a test explicitly hands one in. An empty list removes it again.
void setTestCaCertificates(const QList<QSslCertificate> &certificates);
QList<QSslCertificate> testCaCertificates();

} // namespace hearth::tls
