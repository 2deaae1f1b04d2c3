#include "Harness.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace harness {

CliResult runProgram(const QString &program, const QStringList &args, int timeoutMs, const QProcessEnvironment &env);

QString binary(const QString &name)
{
    return QStringLiteral(HEARTH_BIN_DIR) + u'/' + name;
}

Sandbox::Sandbox(const QStringList &extraArgs) : m_process(std::make_unique<QProcess>())
{
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(binary(QStringLiteral("hearth-sandbox")), QStringList{QStringLiteral("--port"), QStringLiteral("0")} + extraArgs);
    if (!m_process->waitForStarted(10000))
        return;
    QByteArray line;
    while (!line.contains('\n') && m_process->waitForReadyRead(30000))
        line += m_process->readAllStandardOutput();
    m_base = QUrl(QString::fromUtf8(line.left(line.indexOf('\n')).trimmed()));
}

Sandbox::~Sandbox() { stop(); }

void Sandbox::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QUrl Sandbox::adminUrl(const QString &pathAndQuery) const
{
    QUrl url = m_base;
    const qsizetype q = pathAndQuery.indexOf(u'?');
    url.setPath(QStringLiteral("/_sandbox/") + (q < 0 ? pathAndQuery : pathAndQuery.left(q)));
    url.setQuery(q < 0 ? QString() : pathAndQuery.mid(q + 1));
    return url;
}

QJsonDocument Sandbox::adminGet(const QString &pathAndQuery) const
{
    return QJsonDocument::fromJson(httpGet(adminUrl(pathAndQuery)).body);
}

int Sandbox::adminSend(const QByteArray &verb, const QString &pathAndQuery) const
{
    return httpSend(verb, adminUrl(pathAndQuery)).status;
}

CliResult runCli(const QStringList &args, const QProcessEnvironment &env, int timeoutMs)
{
    return runProgram(binary(QStringLiteral("hearth-cli")), args, timeoutMs, env);
}

CliResult runProgram(const QString &program, const QStringList &args, int timeoutMs)
{
    return runProgram(program, args, timeoutMs, QProcessEnvironment::systemEnvironment());
}

CliResult runProgram(const QString &program, const QStringList &args, int timeoutMs, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    CliResult result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "hearth-cli did not finish";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

HttpResult httpSend(const QByteArray &verb, const QUrl &url, const QByteArray &body)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    const QByteArray location = reply->rawHeader("Location");
    if (!location.isEmpty())
        result.location = url.resolved(QUrl::fromEncoded(location));
    delete reply;
    return result;
}

HttpResult httpGet(const QUrl &url)
{
    return httpSend("GET", url);
}

QJsonObject sandboxPatient(const Sandbox &sandbox, const QString &user)
{
    const QJsonArray patients = sandbox.adminGet(QStringLiteral("patients")).array();
    for (const auto &p : patients) {
        if (p.toObject().value(QStringLiteral("user")).toString() == user)
            return p.toObject();
    }
    return {};
}

QJsonObject summaryCounts(const QString &profile, const QString &patientId)
{
    const CliResult summary = runCli({QStringLiteral("summary"), QStringLiteral("--profile"), profile, QStringLiteral("--json")});
    const QJsonArray patients = QJsonDocument::fromJson(summary.out).object().value(QStringLiteral("patients")).toArray();
    for (const auto &p : patients) {
        if (p.toObject().value(QStringLiteral("id")).toString() == patientId)
            return p.toObject().value(QStringLiteral("counts")).toObject();
    }
    return {};
}

CliResult syncAs(const Sandbox &sandbox, const QString &user, const QString &profile, const QStringList &extra)
{
    return runCli(QStringList{QStringLiteral("sync"), QStringLiteral("--server"), sandbox.base().toString(),
                              QStringLiteral("--login-hint"), user, QStringLiteral("--profile"), profile} + extra);
}

CliResult resync(const QString &profile, const QStringList &extra)
{
    return runCli(QStringList{QStringLiteral("sync"), QStringLiteral("--profile"), profile} + extra);
}

std::unique_ptr<QProcess> startCli(const QStringList &args)
{
    auto process = std::make_unique<QProcess>();
    process->start(binary(QStringLiteral("hearth-cli")), args);
    process->waitForStarted(10000);
    return process;
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

} // namespace harness
