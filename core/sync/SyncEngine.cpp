#include "SyncEngine.h"

#include "common/Log.h"
#include "fhir/BundleReader.h"
#include "net/ApiClient.h"
#include "store/CacheDatabase.h"
#include "store/ResourceStore.h"
#include "store/SyncStateStore.h"

#include <QPointer>
#include <QUrl>

namespace hearth {

struct SyncEngine::TypeRun {
    QString candidateCursor;   // server time of this run's first page: becomes the cursor at the end
    qint64 total = -1;
    qint64 stored = 0;
    bool finished = false;
};

struct SyncEngine::Run {
    QString patientId;
    CacheDatabase *db = nullptr;
    std::function<void(Result<SyncReport>)> done;
    QMap<QString, TypeRun> types;
    BundleReader reader;
    SyncReport report;
    int requestsAtStart = 0;
    std::optional<Error> firstError;
};

SyncEngine::SyncEngine(ApiClient &api, QObject *parent) : QObject(parent), m_api(api) {}
SyncEngine::~SyncEngine() = default;

QStringList SyncEngine::resourceTypes()
{
    return {QStringLiteral("Patient"), QStringLiteral("AllergyIntolerance"), QStringLiteral("MedicationRequest"),
            QStringLiteral("Condition"), QStringLiteral("Immunization"), QStringLiteral("DiagnosticReport"),
            QStringLiteral("Observation"), QStringLiteral("Encounter")};
}

static QString encoded(const QString &value)
{
    // Percent-encode everything outside unreserved characters: a literal '+' in a timezone offset
    // would otherwise arrive as a space.
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString SyncEngine::firstPageQuery(const QString &type, const QString &patientId, const QString &cursor) const
{
    QString query = type == QLatin1String("Patient")
            ? QStringLiteral("Patient?_id=%1").arg(encoded(patientId))
            : QStringLiteral("%1?patient=%2").arg(type, encoded(patientId));
    query += QStringLiteral("&_count=%1").arg(m_pageSize);
    if (!cursor.isEmpty())
        query += QStringLiteral("&_lastUpdated=gt%1").arg(encoded(cursor));
    return query;
}

void SyncEngine::syncPatient(const QString &patientId, CacheDatabase &db, std::function<void(Result<SyncReport>)> done)
{
    if (m_run) {
        QMetaObject::invokeMethod(this, [done] {
            done(Error::make(Error::Kind::Config, QStringLiteral("a sync is already running")));
        }, Qt::QueuedConnection);
        return;
    }
    m_run = std::make_unique<Run>();
    m_run->patientId = patientId;
    m_run->db = &db;
    m_run->done = std::move(done);
    m_run->requestsAtStart = m_api.requestsSent();

    SyncStateStore state(db.database());
    QMap<QString, QString> firstPages;
    for (const QString &type : resourceTypes()) {
        auto cursor = state.get(type);
        if (!cursor) {
            m_run->types[type].finished = true;
            if (!m_run->firstError)
                m_run->firstError = cursor.error();
            continue;
        }
        m_run->types.insert(type, TypeRun{});
        firstPages.insert(type, firstPageQuery(type, patientId, cursor->cursor));
    }
    qCInfo(lcSync) << "sync started for" << firstPages.size() << "types";
    emit progress(0.0, QString());
    if (firstPages.isEmpty()) {
        typeFinished(QString(), nullptr);
        return;
    }
    for (auto it = firstPages.cbegin(); it != firstPages.cend(); ++it)
        fetchPage(it.key(), it.value());
}

void SyncEngine::fetchPage(const QString &type, const QString &pathOrUrl)
{
    QPointer<SyncEngine> self(this);
    m_api.get(pathOrUrl, [self, type](Result<HttpReply> reply) {
        if (self && self->m_run)
            self->pageArrived(type, std::move(reply));
    });
}

void SyncEngine::pageArrived(const QString &type, Result<HttpReply> reply)
{
    if (!reply) {
        typeFinished(type, &reply.error());
        return;
    }
    auto page = m_run->reader.readSearchPage(reply->body);
    if (!page) {
        typeFinished(type, &page.error());
        return;
    }
    TypeRun &run = m_run->types[type];
    if (run.candidateCursor.isEmpty()) {
        // The search's own time on the server. If a server omits Bundle.meta.lastUpdated, its Date
        // header is the next best server-side clock; the client clock is never used.
        run.candidateCursor = page->serverTime;
        if (run.candidateCursor.isEmpty()) {
            const QDateTime date = QDateTime::fromString(QString::fromLatin1(reply->dateHeader), Qt::RFC2822Date);
            if (date.isValid())
                run.candidateCursor = date.toUTC().toString(Qt::ISODateWithMs);
        }
        run.total = page->total;
    }
    const bool lastPage = page->nextLink.isEmpty();
    QStringList ids;
    ids.reserve(page->resources.size());
    const Status stored = m_run->db->transaction([&]() -> Status {
        ResourceStore resources(m_run->db->database());
        for (const StoredResource &resource : std::as_const(page->resources)) {
            if (resource.type != type)
                continue;   // a search may include other types; this sync only owns its own
            if (Status s = resources.put(resource); !s)
                return s;
            ids << resource.id;
        }
        if (lastPage) {
            SyncStateStore state(m_run->db->database());
            SyncCursor cursor;
            cursor.cursor = run.candidateCursor;
            cursor.lastSuccess = run.candidateCursor;
            if (Status s = state.put(type, cursor); !s)
                return s;
        }
        return {};
    });
    if (!stored) {
        typeFinished(type, &stored.error());
        return;
    }
    run.stored += ids.size();
    m_run->report.stored += ids.size();
    m_run->report.storedByType[type] += ids.size();
    if (!ids.isEmpty())
        emit resourcesChanged(m_run->patientId, type, ids);
    if (lastPage) {
        typeFinished(type, nullptr);
        return;
    }
    emitProgress(type);
    fetchPage(type, page->nextLink);
}

void SyncEngine::emitProgress(const QString &type)
{
    qint64 expected = 0, stored = 0;
    for (const TypeRun &t : std::as_const(m_run->types)) {
        const qint64 total = t.total >= 0 ? qMax(t.total, t.stored) : qMax<qint64>(t.stored, 1);
        expected += total;
        stored += t.finished ? total : qMin(t.stored, total);
    }
    emit progress(expected > 0 ? double(stored) / double(expected) : 0.0, type);
}

void SyncEngine::typeFinished(const QString &type, const Error *error)
{
    if (!type.isEmpty()) {
        m_run->types[type].finished = true;
        if (error) {
            qCWarning(lcSync) << "sync of" << type << "failed:" << error->describe();
            if (!m_run->firstError)
                m_run->firstError = *error;
            SyncStateStore state(m_run->db->database());
            if (auto cursor = state.get(type)) {
                cursor.value().lastError = error->describe();
                (void)state.put(type, cursor.value());
            }
        }
        emitProgress(type);
    }
    for (const TypeRun &t : std::as_const(m_run->types)) {
        if (!t.finished)
            return;
    }
    std::unique_ptr<Run> run = std::move(m_run);
    run->report.requests = m_api.requestsSent() - run->requestsAtStart;
    qCInfo(lcSync) << "sync finished:" << run->report.requests << "requests," << run->report.stored << "stored";
    if (run->firstError)
        run->done(*run->firstError);
    else
        run->done(run->report);
}

} // namespace hearth
