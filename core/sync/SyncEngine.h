#pragma once

#include "common/Result.h"

#include <QMap>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>

namespace hearth {

class ApiClient;
class CacheDatabase;
struct HttpReply;

struct SyncReport {
    int requests = 0;                       // HTTP requests this run sent
    qint64 stored = 0;                      // resources written (new or changed)
    qint64 removed = 0;                     // resources withdrawn at the source and removed here
    qint64 rejected = 0;                    // entries for another patient, refused and not stored
    QMap<QString, qint64> storedByType;
    int attachmentsStored = 0;              // document attachments (Binary) downloaded this run
    int attachmentsFailed = 0;              // attachments that could not be fetched: tried again next run
};

// Brings one patient's cached record up to date with the server, by standard FHIR search only.
// The rules (docs/sync.md has the long form):
// - Per resource type, the first sync pages through everything via `next` links; later syncs ask
//   only for `_lastUpdated=gt<cursor>`.
// - Each page is stored in one transaction together with the in-flight `next` link, so an
//   interrupted sync resumes from the last stored page. The cursor (the server's own time for the
//   search, never the client clock) moves only with the type's last page.
// - Withdrawn entries leave the cache: an entry that arrives as entered-in-error is removed, and
//   when a reconciliation is due the type's ids are listed (`_elements=id`) and local entries the
//   server no longer returns are removed.
// - Entries that name another patient are refused and never stored.
class SyncEngine : public QObject {
    Q_OBJECT
public:
    explicit SyncEngine(ApiClient &api, QObject *parent = nullptr);
    ~SyncEngine() override;

    // The record types synced for every patient, in the order the UI lists them.
    static QStringList resourceTypes();

    void setPageSize(int count) { m_pageSize = count; }
    // How old (server time) a type's last id reconciliation may be before the next sync runs one.
    void setReconcileIntervalSeconds(qint64 seconds) { m_reconcileIntervalSeconds = seconds; }
    // Reconcile every type in the next run, whatever its age (e.g. on a patient's pull to refresh).
    void forceReconciliation() { m_forceReconcile = true; }
    bool isRunning() const { return m_run != nullptr; }

    // Completion is called once, after every type has finished or failed; on failure it carries
    // the first error, and types that completed keep their progress.
    void syncPatient(const QString &patientId, CacheDatabase &db, std::function<void(Result<SyncReport>)> done);

signals:
    // fraction in [0, 1]; type is the resource type whose page just landed.
    void progress(double fraction, const QString &type);
    // Emitted next to progress(): resources stored so far and how many the server said to expect
    // (sum of Bundle.total); expected is -1 while a type still running has not told its total.
    void progressCounts(qint64 done, qint64 expected);
    // Ids written or removed by one stored page, for minimal model updates.
    void resourcesChanged(const QString &patientId, const QString &type, const QStringList &ids);

private:
    struct Run;
    struct TypeRun;

    QString searchQuery(const QString &type, int count, const QString &cursor) const;
    QString firstPageQuery(const QString &type, const QString &cursor) const;
    QString reconcileQuery(const QString &type) const;
    void fetch(const QString &type, const QString &pathOrUrl);
    void pageArrived(const QString &type, Result<HttpReply> reply);
    Status storeChanges(const QString &type, TypeRun &run, const struct BundlePage &page, QStringList &changed);
    Status finishReconciliation(const QString &type, TypeRun &run, const QString &serverTime, QStringList &removed);
    bool reconciliationDue(const QString &type, const QString &serverTime) const;
    void typeFinished(const QString &type, const Error *error);
    // After DocumentReferences: fetch their attachments, then finish the type.
    bool downloadAttachments(const QString &type);
    // After Patient and Task: Task histories and the pharmacies' rows (PrescriptionFollowUp).
    bool followUpPrescriptions(const QString &type);
    void emitProgress(const QString &type);

    ApiClient &m_api;
    int m_pageSize = 250;
    qint64 m_reconcileIntervalSeconds = 24 * 3600;
    bool m_forceReconcile = false;
    std::unique_ptr<Run> m_run;
};

} // namespace hearth
