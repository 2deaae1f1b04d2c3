#pragma once

// Drives real processes for the integration tests: hearth-sandbox on a random loopback port and
// hearth-cli against it, plus plain HTTP to the sandbox's test-only /_sandbox endpoints.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace harness {

QString binary(const QString &name);

class Sandbox {
public:
    explicit Sandbox(const QStringList &extraArgs = {});
    ~Sandbox();
    bool started() const { return m_base.isValid(); }
    QUrl base() const { return m_base; }                         // .../fhir/R4
    QUrl adminUrl(const QString &pathAndQuery) const;            // http://127.0.0.1:P/_sandbox/...
    QJsonDocument adminGet(const QString &pathAndQuery) const;
    int adminSend(const QByteArray &verb, const QString &pathAndQuery) const;
    void stop();

private:
    std::unique_ptr<QProcess> m_process;
    QUrl m_base;
};

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Any program, e.g. hearth-cli under fiu-run.
CliResult runProgram(const QString &program, const QStringList &args, int timeoutMs = 120000);
CliResult runCli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                 int timeoutMs = 120000);

// HTTP without following redirects: returns status and Location.
struct HttpResult {
    int status = 0;
    QByteArray body;
    QUrl location;
};
HttpResult httpGet(const QUrl &url);
HttpResult httpSend(const QByteArray &verb, const QUrl &url, const QByteArray &body = {});

// Every file under dir, recursively.
QStringList filesUnder(const QString &dir);

// The sandbox's own record of a demo user's patient: id, names, NHS number, counts per type.
QJsonObject sandboxPatient(const Sandbox &sandbox, const QString &user);
// `hearth-cli summary --json` counts for one patient of a profile (empty if none).
QJsonObject summaryCounts(const QString &profile, const QString &patientId);
// `hearth-cli sync` signing in as a sandbox demo user through the headless browser.
CliResult syncAs(const Sandbox &sandbox, const QString &user, const QString &profile, const QStringList &extra = {});
// `hearth-cli sync` with the profile's saved sign-in.
CliResult resync(const QString &profile, const QStringList &extra = {});
// Starts hearth-cli without waiting for it.
std::unique_ptr<QProcess> startCli(const QStringList &args);

} // namespace harness
