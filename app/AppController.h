#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QSqlDatabase;

namespace hearth {

class KeyStore;
class MetaStore;
class NotificationCenter;
class PrescriptionsRepository;
class RunningLowModel;
namespace platform { class Notifier; }
class Profile;
class RecordRepository;
class RecordViewModel;
class ResultsRepository;
class ResultsViewModel;
class TrendRepository;
class SearchViewModel;
class SectionsRepository;
class SectionsViewModel;
class ResourceStore;
class Session;
class SyncEngine;
class SyncProblemsModel;
class PrescriptionsViewModel;
struct SyncReport;

// What the app shows, and the one place that turns core results into patient-facing wording.
// Record first: a saved record is shown at once (offline-first), then sign-in and sync run behind it.
class AppearanceSettings;
class GlossaryViewModel;
class SystemAppearance;

class AppController : public QObject {
    Q_OBJECT
    Q_PROPERTY(int state READ state NOTIFY stateChanged)
    Q_PROPERTY(double syncProgress READ syncProgress NOTIFY syncProgressChanged)
    Q_PROPERTY(QString syncStep READ syncStep NOTIFY syncProgressChanged)
    // "1,250 of 2,052 entries" while a download runs and the server has said how many to expect; else empty.
    Q_PROPERTY(QString syncCountText READ syncCountText NOTIFY syncProgressChanged)
    Q_PROPERTY(bool syncing READ syncing NOTIFY syncingChanged)
    Q_PROPERTY(bool offline READ offline NOTIFY statusTextChanged)
    Q_PROPERTY(QString lastUpdatedText READ lastUpdatedText NOTIFY statusTextChanged)
    Q_PROPERTY(QString lastSavedText READ lastSavedText NOTIFY statusTextChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY statusTextChanged)
    Q_PROPERTY(bool needsSignIn READ needsSignIn NOTIFY statusTextChanged)
    Q_PROPERTY(bool hasRecord READ hasRecord NOTIFY hasRecordChanged)
    Q_PROPERTY(bool sandbox READ sandbox CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QObject *record READ record CONSTANT)
    // Per record section ("allergies", "medicines", "problems", "immunisations", "results"):
    // "Updated 10 minutes ago" / "Updated on 3 May at 08:14"; a section never updated is absent.
    Q_PROPERTY(QVariantMap sectionUpdated READ sectionUpdated NOTIFY statusTextChanged)
    // More → Updates: the parts of the record that could not be updated (SyncProblemsModel).
    Q_PROPERTY(QObject *updateProblems READ updateProblems CONSTANT)
    // Your health → Test results: the paged results list with its detail and trend (ResultsViewModel).
    Q_PROPERTY(QObject *testResults READ testResults CONSTANT)
    // The plain-English glossary (GlossaryViewModel): annotate(text), entry(key), entries.
    Q_PROPERTY(QObject *glossary READ glossary CONSTANT)
    // More → Appearance (AppearanceSettings): theme, textScale, dark; saved in QSettings.
    Q_PROPERTY(QObject *appearance READ appearance CONSTANT)
    // Whole-record search (SearchViewModel).
    Q_PROPERTY(QObject *search READ search CONSTANT)
    // The record section pages (SectionsViewModel): problems, medicines, allergies, vaccinations,
    // consultations, documents, and the counts the record hub shows.
    Q_PROPERTY(QObject *sections READ sections CONSTANT)
    // Home → "running low" cards (RunningLowModel): templateId, medication, daysLeft, message; dismiss(templateId).
    Q_PROPERTY(QObject *runningLow READ runningLow CONSTANT)
    // Prescriptions (PrescriptionsViewModel): medicines to order, the order, requests and timelines.
    Q_PROPERTY(QObject *prescriptions READ prescriptions CONSTANT)

public:
    // Each value says what the UI does. Refreshes of a saved record never leave Ready: the
    // `syncing` property shows them as a quiet line, and failures as a banner (errorText).
    enum State {
        Starting,    // "Opening Hearth" with a busy bar while the encrypted profile is unlocked
        SignedOut,   // sign-in page; after a refused sign-in with nothing saved, errorText says why
        SigningIn,   // sign-in page with "Signing you in…" while the browser (or sandbox) does its part;
                     // with a saved record the app stays Ready instead
        Syncing,     // first download, nothing saved yet: progress bar, step and "n of m entries"
        Ready,       // the record (home, record and the other pages); syncing, offline, needsSignIn and
                     // errorText add a refresh line or banners; a periodic update runs every 15 minutes
        Failed,      // nothing saved to show: sign-in page with errorText and "Try again" (retry())
    };
    Q_ENUM(State)

    struct Options {
        QString profileDir;
        QUrl server;          // empty: use the saved account's server
        QString loginHint;    // set only for the embedded sandbox: sign in without a browser page
        bool sandbox = false;
    };

    AppController(KeyStore &keys, QNetworkAccessManager &nam, std::function<void(const QUrl &)> openBrowser,
                  QObject *parent = nullptr);
    ~AppController() override;

    void start(const Options &options);

    int state() const { return m_state; }
    double syncProgress() const { return m_progress; }
    QString syncStep() const { return m_step; }
    QString syncCountText() const;
    bool syncing() const { return m_syncing; }
    bool offline() const { return m_offline; }
    QString lastUpdatedText() const;
    QString lastSavedText() const;   // "3 May, 08:14": when the record on this device was last synced
    QString errorText() const { return m_errorText; }
    // The saved sign-in was refused: the UI offers "Sign in again" (signIn()).
    bool needsSignIn() const { return m_needsSignIn; }
    bool hasRecord() const;
    bool sandbox() const { return m_options.sandbox; }
    QString version() const;
    QObject *record() const;
    QVariantMap sectionUpdated() const;
    QObject *updateProblems() const;
    QObject *testResults() const;
    QObject *glossary() const;
    QObject *appearance() const;
    AppearanceSettings &appearanceSettings() { return *m_appearance; }
    QObject *search() const;
    QObject *sections() const;
    SectionsViewModel *sectionsViewModel() const { return m_sections; }
    QObject *prescriptions() const;
    PrescriptionsViewModel *prescriptionsViewModel() const { return m_prescriptions; }
    // The same as sectionUpdated[section], for callers that are not bindings.
    Q_INVOKABLE QString sectionUpdatedText(const QString &section) const;

    QObject *runningLow() const;
    RunningLowModel *runningLowModel() const { return m_runningLow; }
    // The platform's notifier (built once in main.cpp, not owned): request updates after a sync.
    void setNotifier(platform::Notifier *notifier);
    NotificationCenter *notifications() const { return m_notifications; }

    Q_INVOKABLE void signIn();
    Q_INVOKABLE void retry();
    Q_INVOKABLE void syncNow();
    Q_INVOKABLE void signOut();

signals:
    void stateChanged();
    void syncProgressChanged();
    void syncingChanged();
    void statusTextChanged();
    void hasRecordChanged();
    // The first sync or the saved record is on screen: used by --screenshot.
    void recordShown();

private:
    void setState(State state);
    void setSyncing(bool syncing);
    QUrl serverUrl() const;
    void setError(const QString &text);
    void openProfile();
    void showSavedRecord();
    void syncFinished(const Result<SyncReport> &report);
    void handleFailure(const Error &error);
    void loadLastUpdated(bool justSynced = false);
    void syncIfDue();
    static QString stepText(const QString &type);

    KeyStore &m_keys;
    QNetworkAccessManager &m_nam;
    std::function<void(const QUrl &)> m_openBrowser;
    Options m_options;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ResourceStore> m_store;
    std::unique_ptr<RecordRepository> m_repository;
    std::unique_ptr<SectionsRepository> m_sectionsRepository;
    RecordViewModel *m_record;
    SectionsViewModel *m_sections;
    QObject *m_browser = nullptr;
    QPointer<SyncEngine> m_progressSource;   // the engine whose progress is connected
    State m_state = Starting;
    double m_progress = 0;
    QString m_step;
    bool m_syncing = false;
    bool m_offline = false;
    bool m_needsSignIn = false;
    QString m_errorText;
    QDateTime m_lastUpdated;
    QMap<QString, QDateTime> m_typeUpdated;      // resource type → server time of its last success
    struct SeenError {
        QString error;    // the stored error text this entry is about
        QDateTime when;   // when this app saw that update fail; invalid if unknown
    };
    QMap<QString, SeenError> m_errorsSeen;       // resource type → its current failure
    SyncProblemsModel *m_problems;
    SearchViewModel *m_search = nullptr;
    qint64 m_countDone = 0;
    qint64 m_countExpected = -1;
    QDateTime m_lastSyncStart;                   // this device's clock: only used to space syncs out
    QTimer m_clock;
    // Test results (results section): repositories over the same store, rebuilt with it.
    ResultsViewModel *m_testResults = nullptr;
    std::unique_ptr<ResultsRepository> m_resultsRepository;
    std::unique_ptr<TrendRepository> m_trendRepository;
    void attachTestResults(const QSqlDatabase *db);   // nullptr: detach (sign-out, store reopened)
    GlossaryViewModel *m_glossary;
    QSettings m_settings;                        // preferences only (appearance), never health data
    AppearanceSettings *m_appearance;
    SystemAppearance *m_systemAppearance;
    // Running low and notifications: over the self patient's store and meta table, rebuilt with them.
    RunningLowModel *m_runningLow = nullptr;
    NotificationCenter *m_notifications = nullptr;
    std::unique_ptr<PrescriptionsRepository> m_runningLowRepository;
    std::unique_ptr<MetaStore> m_patientMeta;
    void attachRunningLow(const QSqlDatabase *db);   // nullptr: detach
    void notifyAfterSync();
    // Prescriptions: reads the same store, orders through the self patient's outbox.
    PrescriptionsViewModel *m_prescriptions = nullptr;
    void attachPrescriptions(bool attach);
};

} // namespace hearth
