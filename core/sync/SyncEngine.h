#pragma once

#include "common/Result.h"

#include <QMap>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>

namespace hearth {

class ApiClient;
struct HttpReply;
class CacheDatabase;

struct SyncReport {
    int requests = 0;                       // HTTP requests this run sent
    qint64 stored = 0;                      // resources written (new or changed)
    QMap<QString, qint64> storedByType;
};

// Brings one patient's cached record up to date with the server, by standard FHIR search only:
// per resource type, the first sync pages through everything via `next` links; later syncs ask
// only for `_lastUpdated=gt<cursor>`. Each page is stored in one transaction, and a type's cursor
// (the server's own time for the search, never the client clock) moves only once its last page
// is stored, so a failure part-way re-fetches from the old cursor and loses nothing.
class SyncEngine : public QObject {
    Q_OBJECT
public:
    explicit SyncEngine(ApiClient &api, QObject *parent = nullptr);
    ~SyncEngine() override;

    // The record types synced for every patient, in the order the UI lists them.
    static QStringList resourceTypes();

    void setPageSize(int count) { m_pageSize = count; }
    bool isRunning() const { return m_run != nullptr; }

    // Completion is called once, after every type has finished or failed; on failure it carries
    // the first error, and types that completed keep their progress.
    void syncPatient(const QString &patientId, CacheDatabase &db, std::function<void(Result<SyncReport>)> done);

signals:
    // fraction in [0, 1]; type is the resource type whose page just landed.
    void progress(double fraction, const QString &type);
    // Ids written by one stored page, for minimal model updates.
    void resourcesChanged(const QString &patientId, const QString &type, const QStringList &ids);

private:
    struct Run;
    struct TypeRun;

    QString firstPageQuery(const QString &type, const QString &patientId, const QString &cursor) const;
    void fetchPage(const QString &type, const QString &pathOrUrl);
    void pageArrived(const QString &type, Result<HttpReply> reply);
    void typeFinished(const QString &type, const Error *error);
    void emitProgress(const QString &type);

    ApiClient &m_api;
    int m_pageSize = 250;
    std::unique_ptr<Run> m_run;
};

} // namespace hearth
