#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>
#include <functional>

namespace hearth {

class ApiClient;
class CacheDatabase;

// After a patient's Patient and Task searches are stored, fetches what repeat prescriptions need that
// a search by patient does not bring (docs/prescriptions.md, "What sync keeps"):
// - the FHIR history (`GET Task/<id>/_history`) of each repeat request whose version changed since its
//   history was last stored, so a timeline dates every step even when several happened between two
//   syncs; stored as a kTaskHistoryType row. A version-1 Task is its own history: nothing to fetch.
// - the Organization + Location rows of the nominated pharmacy and of every pharmacy the requests
//   name, by ODS code, only for a code not seen before, so they show offline.
// A resync where nothing changed sends no request. A failure is per item: it is simply tried again at
// the next sync, the sync itself does not fail.
class PrescriptionFollowUp : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        int histories = 0;    // Task histories stored
        int pharmacies = 0;   // pharmacies looked up (found or not in the directory)
        int failed = 0;
        int removed = 0;      // histories of requests no longer stored
        QStringList historyTaskIds;    // requests whose stored history changed
        QStringList organizationIds;   // pharmacies stored
    };

    PrescriptionFollowUp(ApiClient &api, CacheDatabase &db, QString patientId, QObject *parent = nullptr);

    // Completion is called once, later (never from inside run()).
    void run(std::function<void(Outcome)> done);

private:
    void next();
    void historyArrived(const QString &taskId, const QByteArray &body);

    ApiClient &m_api;
    CacheDatabase &m_db;
    QString m_patientId;
    QStringList m_histories;   // Task ids
    QStringList m_pharmacies;  // ODS codes
    QHash<QString, QString> m_taskVersion;   // Task id → the stored Task's versionId
    QHash<QString, QString> m_taskUpdated;   // Task id → its lastUpdated text
    Outcome m_outcome;
    std::function<void(Outcome)> m_done;
};

} // namespace hearth
