#include "Outbox.h"

#include "common/Log.h"
#include "net/ApiClient.h"
#include "net/RetryPolicy.h"
#include "store/CacheDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUuid>

#include <algorithm>
#include <limits>
#include <utility>

namespace hearth {

namespace {

const QString kUriSystem = QStringLiteral("urn:ietf:rfc:3986");

QString identifierValue(const QString &clientId)
{
    return QStringLiteral("urn:uuid:") + clientId;
}

enum class Outcome { Retry, AuthWait, Fail };

// The table from the header: what one failed send means for the item.
Outcome classify(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Network:
    case Error::Kind::Timeout:
        return Outcome::Retry;
    case Error::Kind::Auth:
        return Outcome::AuthWait;
    case Error::Kind::Http:
        if (error.httpStatus == 401)
            return Outcome::AuthWait;
        if (error.httpStatus == 408 || error.httpStatus == 429 || error.httpStatus >= 500)
            return Outcome::Retry;
        return Outcome::Fail;
    default:
        // Security (e.g. a URL off the FHIR base), Config, Parse: sending again cannot help.
        return Outcome::Fail;
    }
}

// Where the created (or matched) resource lives: the Location header, else "<Type>/<id>" of the body.
QString serverLocation(const QString &resourceType, const HttpReply &reply)
{
    if (!reply.location.isEmpty())
        return QString::fromUtf8(reply.location);
    const QString id = QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("id")).toString();
    return id.isEmpty() ? QString() : resourceType + QLatin1Char('/') + id;
}

} // namespace

Outbox::Outbox(CacheDatabase &db, ApiClient &api, QObject *parent)
    : QObject(parent), m_db(db), m_api(api), m_store(db.database())
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { flush(); });
}

Outbox::~Outbox() = default;

Result<std::unique_ptr<Outbox>> Outbox::open(CacheDatabase &db, ApiClient &api, QObject *parent)
{
    std::unique_ptr<Outbox> outbox(new Outbox(db, api, parent));
    const auto reset = outbox->m_store.resetInterrupted();
    if (!reset)
        return reset.error();
    if (*reset > 0)
        qCInfo(lcSync) << "outbox: resending" << *reset << "item(s) interrupted by a restart";
    return outbox;
}

Result<QString> Outbox::enqueue(const QString &kind, const QString &resourceType, const QByteArray &resourceJson)
{
    if (kind.isEmpty() || resourceType.isEmpty())
        return Error::make(Error::Kind::Config, QStringLiteral("outbox item needs a kind and a resource type"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(resourceJson, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(Error::Kind::Parse, QStringLiteral("outbox resource is not a JSON object"));
    QJsonObject resource = doc.object();
    const QString declaredType = resource.value(QStringLiteral("resourceType")).toString();
    if (!declaredType.isEmpty() && declaredType != resourceType)
        return Error::make(Error::Kind::Config, QStringLiteral("outbox resourceType does not match"));
    resource.insert(QStringLiteral("resourceType"), resourceType);

    OutboxItem item;
    item.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.kind = kind;
    item.resourceType = resourceType;
    item.state = OutboxState::Waiting;
    item.created = m_now();

    // The identifier is what makes a resend harmless (see the header); keep any the caller set.
    QJsonArray identifiers = resource.value(QStringLiteral("identifier")).toArray();
    identifiers.append(QJsonObject{{QStringLiteral("system"), kUriSystem},
                                   {QStringLiteral("value"), identifierValue(item.clientId)}});
    resource.insert(QStringLiteral("identifier"), identifiers);
    item.payload = QJsonDocument(resource).toJson(QJsonDocument::Compact);

    if (Status s = m_db.transaction([&] { return m_store.insert(item); }); !s)
        return s.error();
    qCDebug(lcSync) << "outbox: stored a" << resourceType << "write";
    emit itemChanged(item.clientId);
    return item.clientId;
}

void Outbox::flush(std::function<void(FlushReport)> done)
{
    if (done)
        m_waiters.append(std::move(done));
    if (m_flushing)
        return;
    m_retryTimer.stop();
    m_flushing = true;
    m_report = {};
    // Start on the next event-loop turn so `done` is never called from inside flush().
    QMetaObject::invokeMethod(this, &Outbox::sendNext, Qt::QueuedConnection);
}

void Outbox::sendNext()
{
    const auto unsent = m_store.unsent();
    if (!unsent) {
        finishPass(unsent.error());
        return;
    }
    if (unsent->isEmpty()) {
        finishPass({});
        return;
    }
    OutboxItem item = unsent->first();
    // Not due yet: stop here rather than skip it, so later items never overtake it.
    if (item.nextAttempt.isValid() && item.nextAttempt > m_now()) {
        finishPass({});
        return;
    }
    if (item.resourceType.isEmpty())   // a row written before schema v2 kept the type in the payload only
        item.resourceType = QJsonDocument::fromJson(item.payload).object().value(QStringLiteral("resourceType")).toString();

    if (Status s = m_store.markSending(item.clientId); !s) {
        finishPass(s.error());
        return;
    }
    emit itemChanged(item.clientId);

    const QByteArray condition = "identifier=" + kUriSystem.toUtf8() + '|' + identifierValue(item.clientId).toUtf8();
    QPointer<Outbox> self(this);
    m_api.send("POST", item.resourceType, item.payload, {{"If-None-Exist", condition}},
               [self, item](Result<HttpReply> reply) {
                   if (self)
                       self->onReply(item, reply);
               });
}

void Outbox::onReply(const OutboxItem &item, const Result<HttpReply> &reply)
{
    if (reply) {
        if (Status s = m_store.markSent(item.clientId, serverLocation(item.resourceType, *reply)); !s) {
            finishPass(s.error());
            return;
        }
        ++m_report.sent;
        emit itemChanged(item.clientId);
        sendNext();
        return;
    }

    const Error &error = reply.error();
    const QString code = errorCode(error);
    qCInfo(lcSync) << "outbox: send failed:" << code;
    switch (classify(error)) {
    case Outcome::Fail:
        if (Status s = m_store.markFailed(item.clientId, code, error.serverText); !s) {
            finishPass(s.error());
            return;
        }
        ++m_report.failed;
        emit itemChanged(item.clientId);
        sendNext();
        return;
    case Outcome::AuthWait:
    case Outcome::Retry: {
        const int attempts = item.attempts + 1;   // markSending counted this attempt
        const QDateTime next = classify(error) == Outcome::AuthWait
            ? QDateTime()
            : m_now().addMSecs(m_backoff(attempts, error).count());
        Status s = m_store.markRetry(item.clientId, code, next);
        emit itemChanged(item.clientId);
        finishPass(s ? error : s.error());
        return;
    }
    }
}

void Outbox::finishPass(const Error &stoppedBy)
{
    m_report.stoppedBy = stoppedBy;
    const auto unsent = m_store.unsent();
    m_report.waiting = unsent ? int(unsent->size()) : 0;
    m_flushing = false;
    if (stoppedBy.kind != Error::Kind::Auth && !(stoppedBy.kind == Error::Kind::Http && stoppedBy.httpStatus == 401))
        scheduleRetry();
    const FlushReport report = m_report;
    const auto waiters = std::exchange(m_waiters, {});
    for (const auto &done : waiters)
        done(report);
}

// Arms the timer for the earliest waiting item; the session restarts flushing after a new sign-in.
void Outbox::scheduleRetry()
{
    if (!m_autoRetry)
        return;
    const auto unsent = m_store.unsent();
    if (!unsent || unsent->isEmpty())
        return;
    const QDateTime due = unsent->first().nextAttempt;
    const qint64 ms = due.isValid() ? std::max<qint64>(0, m_now().msecsTo(due)) : 0;
    if (ms == 0 && m_report.stoppedBy.kind != Error::Kind::None)
        return;   // failed with no delay (e.g. storage): do not spin
    m_retryTimer.start(int(std::min<qint64>(ms, std::numeric_limits<int>::max())));
}

void Outbox::setAutoRetry(bool on)
{
    m_autoRetry = on;
    if (!on)
        m_retryTimer.stop();
}

Status Outbox::retry(const QString &clientId)
{
    if (Status s = m_store.requeue(clientId); !s)
        return s;
    emit itemChanged(clientId);
    return {};
}

Result<QList<OutboxItem>> Outbox::items() const
{
    return m_store.list();
}

Result<std::optional<OutboxItem>> Outbox::item(const QString &clientId) const
{
    return m_store.get(clientId);
}

std::chrono::milliseconds Outbox::defaultBackoff(int attempts, const Error &error)
{
    // The shared retry table, told never to give up: a patient's write is retried until the server
    // answers. Slower than a sync page (2 s doubling to 5 min), Retry-After honoured up to an hour.
    static const RetryPolicy policy(RetryPolicy::Config{.maxAttempts = std::numeric_limits<int>::max(),
                                                        .baseDelayMs = 2000,
                                                        .maxDelayMs = 5 * 60 * 1000,
                                                        .jitter = 0.25,
                                                        .maxRetryAfterSeconds = 3600,
                                                        .maxParseAttempts = std::numeric_limits<int>::max()});
    const auto decision = policy.decide(attempts, error);
    return std::chrono::milliseconds(decision.retry ? decision.delayMs : policy.config().maxDelayMs);
}

QString Outbox::errorCode(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Http:
        return QStringLiteral("http-%1").arg(error.httpStatus);
    case Error::Kind::None:
        return {};
    default:
        return error.kindName();
    }
}

} // namespace hearth
