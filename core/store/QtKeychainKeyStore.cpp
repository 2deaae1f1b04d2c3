#include "QtKeychainKeyStore.h"

#include "common/Log.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace hearth {

namespace {

const QString kProbeName = QStringLiteral("hearth-keystore-probe");

struct JobOutcome {
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorText;
    QByteArray data;   // read jobs only
};

// Runs a qtkeychain job to completion in a local event loop. The job deletes itself when it
// finishes, so a timed-out job cleans up later on its own; its connections die with `loop`.
JobOutcome runJob(QKeychain::Job *job, int timeoutMs)
{
    JobOutcome outcome;
    QEventLoop loop;
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never store secrets in a plaintext file
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *j) {
        outcome.finished = true;
        outcome.error = j->error();
        outcome.errorText = j->errorString();
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
            outcome.data = read->binaryData();
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!outcome.finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return outcome;
}

Error mapError(const JobOutcome &o, const QString &what)
{
    if (!o.finished)
        return Error::make(Error::Kind::KeyStore, what + QStringLiteral(": the keystore did not answer in time"));
    switch (o.error) {
    case QKeychain::EntryNotFound:
        return Error::make(Error::Kind::NotFound, what + QStringLiteral(": no such entry"));
    case QKeychain::NoBackendAvailable:
        return Error::make(Error::Kind::KeyStore, what + QStringLiteral(": no keystore available: ") + o.errorText);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error::make(Error::Kind::KeyStore, what + QStringLiteral(": access denied: ") + o.errorText);
    default:
        return Error::make(Error::Kind::KeyStore, what + QStringLiteral(": ") + o.errorText);
    }
}

} // namespace

QtKeychainKeyStore::QtKeychainKeyStore(QString service) : m_service(std::move(service)) {}

Status QtKeychainKeyStore::probe()
{
    const auto r = read(kProbeName);
    if (r || r.error().kind == Error::Kind::NotFound)
        return {};
    return r.error();
}

Result<QByteArray> QtKeychainKeyStore::read(const QString &name)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(name);
    const JobOutcome o = runJob(job, m_timeoutMs);
    if (!o.finished || o.error != QKeychain::NoError)
        return mapError(o, QStringLiteral("keystore read"));
    return o.data;
}

Status QtKeychainKeyStore::write(const QString &name, const QByteArray &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(name);
    job->setBinaryData(secret);
    const JobOutcome o = runJob(job, m_timeoutMs);
    if (!o.finished || o.error != QKeychain::NoError) {
        const Error e = mapError(o, QStringLiteral("keystore write"));
        // A failed write is never NotFound from the caller's point of view.
        return Error::make(Error::Kind::KeyStore, e.message);
    }
    return {};
}

Status QtKeychainKeyStore::remove(const QString &name)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(name);
    const JobOutcome o = runJob(job, m_timeoutMs);
    if (o.finished && (o.error == QKeychain::NoError || o.error == QKeychain::EntryNotFound))
        return {};
    qCWarning(lcStore) << "keystore delete failed";
    return mapError(o, QStringLiteral("keystore delete"));
}

} // namespace hearth
