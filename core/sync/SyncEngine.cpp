#include "SyncEngine.h"

#include "AttachmentDownloader.h"
#include "PrescriptionFollowUp.h"

#include "common/Log.h"
#include "fhir/BundleReader.h"
#include "net/ApiClient.h"
#include "store/CacheDatabase.h"
#include "store/MetaStore.h"
#include "store/ResourceStore.h"
#include "store/SyncStateStore.h"

#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

namespace hearth {
namespace {

const QLatin1String kEnteredInError("entered-in-error");

// The search time of a paged sync in flight, saved with its next link so a resumed sync ends
// with the cursor the interrupted one would have set.
QString pendingCursorKey(const QString &type) { return QStringLiteral("sync/pending-cursor/") + type; }
// Server time of the type's last complete id reconciliation.
QString reconciledKey(const QString &type) { return QStringLiteral("sync/reconciled/") + type; }

QString encoded(const QString &value)
{
    // Percent-encode everything outside unreserved characters: a literal '+' in a timezone offset
    // would otherwise arrive as a space.
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

struct SyncEngine::TypeRun {
    enum class Phase { Changes, Reconcile };
    Phase phase = Phase::Changes;
    SyncCursor saved;          // the type's sync state when this run started
    QString candidateCursor;   // server time of this run's search: becomes the cursor at the end
    bool firstSync = false;    // no cursor before: this run pages through everything
    bool resumed = false;      // started from the saved next link of an interrupted run
    QString currentUrl;        // the page being fetched, to fetch again after a garbled reply
    int parseFailures = 0;
    qint64 total = -1;
    qint64 stored = 0;
    QSet<QString> seenIds;     // reconciliation: every id the server still returns
    QString reconcileTime;
    bool finished = false;
    bool attachmentsDone = false;   // DocumentReference only
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
    bool prescriptionsFollowedUp = false;   // Task histories and pharmacy rows fetched this run
};

SyncEngine::SyncEngine(ApiClient &api, QObject *parent) : QObject(parent), m_api(api) {}
SyncEngine::~SyncEngine() = default;

QStringList SyncEngine::resourceTypes()
{
    return {QStringLiteral("Patient"), QStringLiteral("AllergyIntolerance"), QStringLiteral("MedicationRequest"),
            QStringLiteral("Condition"), QStringLiteral("Immunization"), QStringLiteral("DiagnosticReport"),
            QStringLiteral("Observation"), QStringLiteral("Encounter"), QStringLiteral("DocumentReference"),
            // Repeat prescription requests (the patient's own, and their progress), by the standard
            // Task search parameter `patient`.
            QStringLiteral("Task")};
}

QString SyncEngine::searchQuery(const QString &type, int count, const QString &cursor) const
{
    const QString &patientId = m_run->patientId;
    QString query = type == QLatin1String("Patient")
            ? QStringLiteral("Patient?_id=%1").arg(encoded(patientId))
            : QStringLiteral("%1?patient=%2").arg(type, encoded(patientId));
    query += QStringLiteral("&_count=%1").arg(count);
    if (!cursor.isEmpty())
        query += QStringLiteral("&_lastUpdated=gt%1").arg(encoded(cursor));
    return query;
}

QString SyncEngine::firstPageQuery(const QString &type, const QString &cursor) const
{
    return searchQuery(type, m_pageSize, cursor);
}

QString SyncEngine::reconcileQuery(const QString &type) const
{
    // Ids only (standard `_elements`); a server that ignores it sends whole resources, which works too.
    return searchQuery(type, 1000, {}) + QStringLiteral("&_elements=id");
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
    MetaStore meta(db.database());
    QMap<QString, QString> firstPages;
    for (const QString &type : resourceTypes()) {
        TypeRun run;
        auto saved = state.get(type);
        auto pending = meta.get(pendingCursorKey(type));
        if (!saved || !pending) {
            run.finished = true;
            m_run->types.insert(type, run);
            if (!m_run->firstError)
                m_run->firstError = saved ? pending.error() : saved.error();
            continue;
        }
        run.saved = saved.value();
        run.firstSync = run.saved.cursor.isEmpty();
        if (!run.saved.nextLink.isEmpty() && pending->has_value()) {
            run.resumed = true;
            run.candidateCursor = QString::fromUtf8(**pending);
            firstPages.insert(type, run.saved.nextLink);
        } else {
            firstPages.insert(type, firstPageQuery(type, run.saved.cursor));
        }
        m_run->types.insert(type, run);
    }
    qCInfo(lcSync) << "sync started for" << firstPages.size() << "types";
    emit progress(0.0, QString());
    emit progressCounts(0, -1);
    if (firstPages.isEmpty()) {
        typeFinished(QString(), nullptr);
        return;
    }
    for (auto it = firstPages.cbegin(); it != firstPages.cend(); ++it)
        fetch(it.key(), it.value());
}

void SyncEngine::fetch(const QString &type, const QString &pathOrUrl)
{
    m_run->types[type].currentUrl = pathOrUrl;
    QPointer<SyncEngine> self(this);
    m_api.get(pathOrUrl, [self, type](Result<HttpReply> reply) {
        if (self && self->m_run)
            self->pageArrived(type, std::move(reply));
    });
}

void SyncEngine::pageArrived(const QString &type, Result<HttpReply> reply)
{
    TypeRun &run = m_run->types[type];
    if (!reply) {
        const Error &error = reply.error();
        const bool staleLink = error.kind == Error::Kind::Security
                || (error.kind == Error::Kind::Http && error.httpStatus >= 400 && error.httpStatus < 500);
        if (run.resumed && run.phase == TypeRun::Phase::Changes && staleLink) {
            // The saved next link no longer works (server restarted, link expired): start this
            // type again from its cursor. Pages stored before are replaced, not duplicated.
            qCInfo(lcSync) << "saved next link refused; restarting" << type << "from its cursor";
            run.resumed = false;
            run.candidateCursor.clear();
            fetch(type, firstPageQuery(type, run.saved.cursor));
            return;
        }
        typeFinished(type, &error);
        return;
    }
    auto page = m_run->reader.readSearchPage(reply->body);
    if (!page) {
        const auto decision = m_api.retryPolicy().decide(++run.parseFailures, page.error());
        if (!decision.retry) {
            typeFinished(type, &page.error());
            return;
        }
        QPointer<SyncEngine> self(this);
        const QString url = run.currentUrl;
        QTimer::singleShot(decision.delayMs, this, [self, type, url] {
            if (self && self->m_run)
                self->fetch(type, url);
        });
        return;
    }
    run.parseFailures = 0;
    const bool lastPage = page->nextLink.isEmpty();
    // The search's own time on the server. If a server omits Bundle.meta.lastUpdated, its Date
    // header is the next best server-side clock; the client clock is never used.
    QString serverTime = page->serverTime;
    if (serverTime.isEmpty()) {
        const QDateTime date = QDateTime::fromString(QString::fromLatin1(reply->dateHeader), Qt::RFC2822Date);
        if (date.isValid())
            serverTime = date.toUTC().toString(Qt::ISODateWithMs);
    }

    if (run.phase == TypeRun::Phase::Reconcile) {
        if (run.reconcileTime.isEmpty())
            run.reconcileTime = serverTime;
        for (qsizetype i = 0; i < page->resources.size(); ++i) {
            if (page->resources[i].type == type && belongsToPatient(page->patientReferences[i], m_run->patientId))
                run.seenIds.insert(page->resources[i].id);
        }
        if (!lastPage) {
            fetch(type, page->nextLink);
            return;
        }
        QStringList removed;
        const Status reconciled = m_run->db->transaction([&] { return finishReconciliation(type, run, run.reconcileTime, removed); });
        if (!reconciled) {
            typeFinished(type, &reconciled.error());
            return;
        }
        if (!removed.isEmpty())
            emit resourcesChanged(m_run->patientId, type, removed);
        typeFinished(type, nullptr);
        return;
    }

    if (run.candidateCursor.isEmpty()) {
        run.candidateCursor = serverTime;
        run.total = page->total;
    }
    QStringList changed;
    const Status stored = m_run->db->transaction([&] { return storeChanges(type, run, page.value(), changed); });
    if (!stored) {
        typeFinished(type, &stored.error());
        return;
    }
    if (!changed.isEmpty())
        emit resourcesChanged(m_run->patientId, type, changed);
    if (!lastPage) {
        emitProgress(type);
        fetch(type, page->nextLink);
        return;
    }
    if (!run.firstSync && reconciliationDue(type, run.candidateCursor)) {
        run.phase = TypeRun::Phase::Reconcile;
        fetch(type, reconcileQuery(type));
        return;
    }
    typeFinished(type, nullptr);
}

Status SyncEngine::storeChanges(const QString &type, TypeRun &run, const BundlePage &page, QStringList &changed)
{
    QSqlDatabase db = m_run->db->database();
    ResourceStore resources(db);
    for (qsizetype i = 0; i < page.resources.size(); ++i) {
        const StoredResource &resource = page.resources[i];
        if (resource.type != type)
            continue;   // a search may include other types; this sync only owns its own
        if (!belongsToPatient(page.patientReferences[i], m_run->patientId)) {
            ++m_run->report.rejected;   // another patient's data is never stored here
            continue;
        }
        if (resource.status == kEnteredInError) {
            if (Status s = resources.remove(type, resource.id); !s)
                return s;
            ++m_run->report.removed;
        } else {
            if (Status s = resources.put(resource); !s)
                return s;
            ++run.stored;
            ++m_run->report.stored;
            ++m_run->report.storedByType[type];
        }
        changed << resource.id;
    }

    // Where this type stands, saved with the page: resumable until the last page moves the cursor.
    SyncStateStore state(db);
    MetaStore meta(db);
    SyncCursor cursor = run.saved;
    if (page.nextLink.isEmpty()) {
        cursor.cursor = run.candidateCursor;
        cursor.lastSuccess = run.candidateCursor;
        cursor.nextLink.clear();
        cursor.lastError.clear();
        if (Status s = meta.remove(pendingCursorKey(type)); !s)
            return s;
        if (run.firstSync) {
            // A first sync saw everything: it counts as a reconciliation.
            if (Status s = meta.put(reconciledKey(type), run.candidateCursor.toUtf8()); !s)
                return s;
        }
    } else {
        cursor.nextLink = page.nextLink;
        if (Status s = meta.put(pendingCursorKey(type), run.candidateCursor.toUtf8()); !s)
            return s;
    }
    return state.put(type, cursor);
}

bool SyncEngine::reconciliationDue(const QString &type, const QString &serverTime) const
{
    if (m_forceReconcile)
        return true;
    auto last = MetaStore(m_run->db->database()).get(reconciledKey(type));
    if (!last || !last->has_value())
        return true;
    const QDateTime then = QDateTime::fromString(QString::fromUtf8(**last), Qt::ISODateWithMs);
    const QDateTime now = QDateTime::fromString(serverTime, Qt::ISODateWithMs);
    return !then.isValid() || !now.isValid() || then.secsTo(now) >= m_reconcileIntervalSeconds;
}

Status SyncEngine::finishReconciliation(const QString &type, TypeRun &run, const QString &serverTime, QStringList &removed)
{
    QSqlDatabase db = m_run->db->database();
    ResourceStore resources(db);
    auto local = resources.ids(type);
    if (!local)
        return local.error();
    for (const QString &id : std::as_const(local.value())) {
        if (run.seenIds.contains(id))
            continue;
        if (Status s = resources.remove(type, id); !s)
            return s;
        removed << id;
    }
    m_run->report.removed += removed.size();
    if (!serverTime.isEmpty())
        return MetaStore(db).put(reconciledKey(type), serverTime.toUtf8());
    return {};
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

    // The same in entries: a finished type counts what it stored (a total may include entries
    // refused or withdrawn); one still running counts what its server announced.
    qint64 doneEntries = 0, expectedEntries = 0;
    bool totalsKnown = true;
    for (const TypeRun &t : std::as_const(m_run->types)) {
        doneEntries += t.stored;
        if (t.finished)
            expectedEntries += t.stored;
        else if (t.total >= 0)
            expectedEntries += qMax(t.total, t.stored);
        else
            totalsKnown = false;
    }
    emit progressCounts(doneEntries, totalsKnown ? expectedEntries : -1);
}

bool SyncEngine::downloadAttachments(const QString &type)
{
    TypeRun &run = m_run->types[type];
    if (type != QLatin1String("DocumentReference") || run.attachmentsDone)
        return false;
    run.attachmentsDone = true;
    auto *downloader = new AttachmentDownloader(m_api, *m_run->db, m_run->patientId, this);
    QPointer<SyncEngine> self(this);
    downloader->run([self, downloader, type](AttachmentDownloader::Outcome outcome) {
        downloader->deleteLater();
        if (!self || !self->m_run)
            return;
        self->m_run->report.attachmentsStored += outcome.stored;
        self->m_run->report.attachmentsFailed += outcome.failed;
        self->typeFinished(type, nullptr);
    });
    return true;
}

bool SyncEngine::followUpPrescriptions(const QString &type)
{
    // Once both the Patient (its nominated pharmacy) and the Tasks are in, whichever ends last.
    const QString patient = QStringLiteral("Patient"), task = QStringLiteral("Task");
    if ((type != patient && type != task) || m_run->prescriptionsFollowedUp)
        return false;
    const QString other = type == patient ? task : patient;
    if (m_run->types.contains(other) && !m_run->types.value(other).finished)
        return false;
    m_run->prescriptionsFollowedUp = true;
    auto *followUp = new PrescriptionFollowUp(m_api, *m_run->db, m_run->patientId, this);
    QPointer<SyncEngine> self(this);
    followUp->run([self, followUp, type](PrescriptionFollowUp::Outcome outcome) {
        followUp->deleteLater();
        if (!self || !self->m_run)
            return;
        // Timelines gained dates, a pharmacy gained its details: the same signal as a stored page.
        if (!outcome.historyTaskIds.isEmpty())
            emit self->resourcesChanged(self->m_run->patientId, QStringLiteral("Task"), outcome.historyTaskIds);
        if (!outcome.organizationIds.isEmpty())
            emit self->resourcesChanged(self->m_run->patientId, QStringLiteral("Organization"), outcome.organizationIds);
        self->typeFinished(type, nullptr);
    });
    return true;
}

void SyncEngine::typeFinished(const QString &type, const Error *error)
{
    // A single letter that fails to download does not fail the sync: only the type's own error does.
    if (!type.isEmpty() && !error && downloadAttachments(type))
        return;
    // Likewise a request history or a pharmacy that could not be fetched (tried again next sync).
    if (!type.isEmpty() && !error && followUpPrescriptions(type))
        return;
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
    m_forceReconcile = false;
    run->report.requests = m_api.requestsSent() - run->requestsAtStart;
    qCInfo(lcSync) << "sync finished:" << run->report.requests << "requests," << run->report.stored << "stored,"
                   << run->report.removed << "removed," << run->report.rejected << "rejected";
    if (run->firstError)
        run->done(*run->firstError);
    else
        run->done(run->report);
}

} // namespace hearth
