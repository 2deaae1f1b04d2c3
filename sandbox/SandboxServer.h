#pragma once
// hearth-sandbox: a local FHIR R4 + SMART App Launch / OpenID Connect server with a deterministic
// synthetic family. Loopback only, no output of its own, safe to run inside another app's event loop.
// Test-only control endpoints live under /_sandbox/ (faults, counters, touch, withdraw, tokens); a real client
// never calls them.
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>
#include <memory>

namespace hearth::sandbox {

struct SandboxOptions
{
    quint64 seed = 1;
    int scale = 1;                          // multiplies the parent's observation/report/encounter history
    int accessTokenLifetimeSeconds = 3600;
    bool pastRequests = false;              // the parent's earlier repeat requests (demo; tests count Tasks)
};

class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(SandboxOptions options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    bool listen(quint16 port = 0); // 127.0.0.1 only; 0 picks a free port
    quint16 port() const;
    QUrl fhirBaseUrl() const;      // http://127.0.0.1:PORT/fhir/R4 (no trailing slash)

    // Serve HTTPS instead of plain http (call before listen()): the base URL becomes
    // https://127.0.0.1:PORT/fhir/R4. The certificate is usually issued by a test CA made at test time
    // (see tests/security), so the client's real TLS path is what the tests run through.
    void useTls(const QSslCertificate &certificate, const QSslKey &privateKey);
    // HTTP requests the server has read in full (any path), for tests that must prove nothing arrived.
    int requestsReceived() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hearth::sandbox
