#pragma once
// hearth-sandbox: a local FHIR R4 + SMART App Launch / OpenID Connect server with a deterministic
// synthetic family. Loopback only, no output of its own, safe to run inside another app's event loop.
// Test-only control endpoints live under /_sandbox/ (faults, counters, touch, withdraw, tokens); a real client
// never calls them.
#include <QObject>
#include <QUrl>
#include <memory>

namespace hearth::sandbox {

struct SandboxOptions
{
    quint64 seed = 1;
    int scale = 1;                          // multiplies the parent's observation/report/encounter history
    int accessTokenLifetimeSeconds = 3600;
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

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hearth::sandbox
