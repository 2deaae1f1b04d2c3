#pragma once

#include <QObject>
#include <QStringList>
#include <functional>

namespace hearth {

class ApiClient;
class CacheDatabase;

// After the patient's DocumentReferences are stored: downloads each attachment the app does not
// hold yet (a standard read of the `Binary/<id>` url, relative to the FHIR base) and stores it as a
// "Binary" row, so letters open offline. Failures are per document: that one is simply fetched
// again at the next sync, the sync itself does not fail. Binaries no stored DocumentReference
// names any more (a withdrawn letter) are removed.
class AttachmentDownloader : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        int stored = 0;
        int failed = 0;
        int removed = 0;
        int skipped = 0;   // too large, or an url that is not a Binary on this server
    };

    static constexpr qint64 kMaxAttachmentBytes = 10 * 1024 * 1024;

    AttachmentDownloader(ApiClient &api, CacheDatabase &db, QString patientId, QObject *parent = nullptr);

    // Completion is called once, later (never from inside run()).
    void run(std::function<void(Outcome)> done);

    // "Binary/abc" (or an absolute url ending so) → "abc"; empty for anything else.
    static QString binaryIdFromUrl(const QString &url);

private:
    void next();
    void arrived(const QString &id, const QByteArray &body);

    ApiClient &m_api;
    CacheDatabase &m_db;
    QString m_patientId;
    QStringList m_queue;
    Outcome m_outcome;
    std::function<void(Outcome)> m_done;
};

} // namespace hearth
