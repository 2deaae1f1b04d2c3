#include "AppController.h"

#include "AppearanceSettings.h"
#include "NotificationCenter.h"
#include "PrescriptionRequests.h"
#include "PrescriptionsRepository.h"
#include "RunningLowModel.h"
#include "store/MetaStore.h"
#include "sync/Outbox.h"
#include "GlossaryViewModel.h"
#include "SectionsRepository.h"
#include "SectionsViewModel.h"
#include "PrescriptionsViewModel.h"
#include "SystemAppearance.h"

#include "RecordRepository.h"
#include "ResultsRepository.h"
#include "ResultsViewModel.h"
#include "TrendRepository.h"
#include "RecordViewModel.h"
#include "SearchViewModel.h"
#include "SyncProblemsModel.h"
#include "SyncWording.h"
#include "auth/AuthRequest.h"
#include "common/Log.h"
#include "store/CacheDatabase.h"
#include "store/ResourceStore.h"
#include "store/SyncStateStore.h"
#include "sync/HeadlessBrowser.h"
#include "sync/Profile.h"
#include "sync/Session.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QPointer>

namespace hearth {
namespace {

// While the app is open the record is refreshed this often, and on coming back to it after longer.
constexpr qint64 kPeriodicSyncSeconds = 15 * 60;

// The record sections QML shows, and the resource types each is made of.
const QMap<QString, QStringList> &sectionTypes()
{
    static const QMap<QString, QStringList> sections{
        {QStringLiteral("allergies"), {QStringLiteral("AllergyIntolerance")}},
        {QStringLiteral("medicines"), {QStringLiteral("MedicationRequest")}},
        {QStringLiteral("problems"), {QStringLiteral("Condition")}},
        {QStringLiteral("immunisations"), {QStringLiteral("Immunization")}},
        {QStringLiteral("results"), {QStringLiteral("DiagnosticReport"), QStringLiteral("Observation")}},
        {QStringLiteral("consultations"), {QStringLiteral("Encounter")}},
        {QStringLiteral("documents"), {QStringLiteral("DocumentReference")}},
    };
    return sections;
}

} // namespace

AppController::AppController(KeyStore &keys, QNetworkAccessManager &nam, std::function<void(const QUrl &)> openBrowser,
                             QObject *parent)
    : QObject(parent), m_keys(keys), m_nam(nam), m_openBrowser(std::move(openBrowser)),
      m_record(new RecordViewModel(this)), m_sections(new SectionsViewModel(this)),
      m_problems(new SyncProblemsModel(this)),
      m_glossary(new GlossaryViewModel(GlossaryViewModel::bundledPath(), this)),
      m_appearance(new AppearanceSettings(&m_settings, this)),
      m_systemAppearance(new SystemAppearance(*m_appearance, this))
{
    // "Updated 3 minutes ago" must stay true while the app is open; the same tick starts the
    // periodic update when one is due.
    m_clock.setInterval(30 * 1000);
    connect(&m_clock, &QTimer::timeout, this, &AppController::statusTextChanged);
    connect(&m_clock, &QTimer::timeout, this, &AppController::syncIfDue);
    m_clock.start();
    // Coming back to the app after a while: update at once rather than at the next tick.
    if (auto *gui = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        connect(gui, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
            if (state == Qt::ApplicationActive)
                syncIfDue();
        });
    }
    connect(m_record, &RecordViewModel::hasRecordChanged, this, &AppController::hasRecordChanged);
    m_testResults = new ResultsViewModel(this);
    connect(this, &AppController::statusTextChanged, m_testResults,
            [this] { m_testResults->setUpdatedText(sectionUpdatedText(QStringLiteral("results"))); });
    m_search = new SearchViewModel(this);
    m_prescriptions = new PrescriptionsViewModel(this);
    // A request just went out: sync brings the server's Task (and its progress) back.
    connect(m_prescriptions, &PrescriptionsViewModel::syncWanted, this, &AppController::syncNow);
    m_runningLow = new RunningLowModel(this);
    m_notifications = new NotificationCenter(this);
}

QObject *AppController::runningLow() const { return m_runningLow; }

void AppController::setNotifier(platform::Notifier *notifier) { m_notifications->setNotifier(notifier); }

void AppController::attachRunningLow(const QSqlDatabase *db)
{
    m_runningLow->setSources(nullptr, nullptr, {});
    m_runningLowRepository.reset();
    m_patientMeta.reset();
    if (!db || !m_store)
        return;
    m_runningLowRepository = std::make_unique<PrescriptionsRepository>(*m_store);
    m_patientMeta = std::make_unique<MetaStore>(*db);
    m_runningLow->setSources(m_runningLowRepository.get(), m_patientMeta.get(), [this] {
        const auto account = m_session ? m_session->account() : std::nullopt;
        const auto outbox = account ? m_session->outbox(account->selfPatientId) : Result<Outbox *>(Error{});
        const auto items = outbox ? (*outbox)->items() : Result<QList<OutboxItem>>(Error{});
        return items ? *items : QList<OutboxItem>();
    });
}

// After a successful sync: repeat requests that were approved, rejected or are ready to collect.
void AppController::notifyAfterSync()
{
    const auto account = m_session ? m_session->account() : std::nullopt;
    if (!account || !m_runningLowRepository || !m_patientMeta)
        return;
    const auto outbox = m_session->outbox(account->selfPatientId);
    const auto items = outbox ? (*outbox)->items() : Result<QList<OutboxItem>>(Error{});
    const auto requests = prescriptions::requestViews(*m_runningLowRepository, items ? *items : QList<OutboxItem>());
    if (!requests) {
        qCWarning(lcApp) << "notifications: requests unreadable:" << requests.error().describe();
        return;
    }
    m_notifications->requestsSynced(*requests, *m_patientMeta);
}

AppController::~AppController()
{
    attachRunningLow(nullptr);
    m_sections->setRepositories(nullptr, nullptr);
    m_record->setRepository(nullptr);
    attachTestResults(nullptr);
    m_search->setDatabase(nullptr);   // before the profile closes the database
    attachPrescriptions(false);
}

QObject *AppController::prescriptions() const { return m_prescriptions; }

void AppController::attachPrescriptions(bool attach)
{
    const auto account = m_session ? m_session->account() : std::nullopt;
    if (!attach || !m_store || !account) {
        m_prescriptions->setSources(nullptr, nullptr, {});
        return;
    }
    // No outbox (not signed in yet): the lists still show; ordering says to sign in.
    auto outbox = m_session->outbox(account->selfPatientId);
    m_prescriptions->setSources(m_store.get(), outbox ? outbox.value() : nullptr, account->selfPatientId);
}

QObject *AppController::testResults() const { return m_testResults; }

void AppController::attachTestResults(const QSqlDatabase *db)
{
    m_testResults->setRepositories(nullptr, nullptr);
    m_resultsRepository.reset();
    m_trendRepository.reset();
    if (!db || !m_store)
        return;
    m_resultsRepository = std::make_unique<ResultsRepository>(*db);
    m_trendRepository = std::make_unique<TrendRepository>(*db);
    m_testResults->setRepositories(m_resultsRepository.get(), m_trendRepository.get());
    m_testResults->setUpdatedText(sectionUpdatedText(QStringLiteral("results")));
}

QObject *AppController::record() const { return m_record; }
QObject *AppController::updateProblems() const { return m_problems; }
QObject *AppController::glossary() const { return m_glossary; }
QObject *AppController::appearance() const { return m_appearance; }
QObject *AppController::search() const { return m_search; }
QObject *AppController::sections() const { return m_sections; }
bool AppController::hasRecord() const { return m_record->hasRecord(); }
QString AppController::version() const { return QCoreApplication::applicationVersion(); }

void AppController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

void AppController::setSyncing(bool syncing)
{
    if (m_syncing == syncing)
        return;
    m_syncing = syncing;
    emit syncingChanged();
    emit statusTextChanged();
}

// The server to sign in to: the one given on the command line, else the saved account's.
QUrl AppController::serverUrl() const
{
    if (!m_options.server.isEmpty())
        return m_options.server;
    const auto account = m_session ? m_session->account() : std::nullopt;
    return account ? account->fhirBase : QUrl();
}

void AppController::setError(const QString &text)
{
    m_errorText = text;
    emit statusTextChanged();
}

void AppController::start(const Options &options)
{
    m_options = options;
    openProfile();
}

void AppController::openProfile()
{
    setState(Starting);
    auto profile = Profile::open(m_options.profileDir, m_keys, true);
    if (!profile) {
        handleFailure(profile.error());
        return;
    }
    m_profile = std::move(profile).value();
    m_session = std::make_unique<Session>(m_nam, *m_profile);

    const Status restored = m_session->restore();
    if (restored)
        showSavedRecord();

    const bool serverChanged = m_options.server.isValid() && !m_options.server.isEmpty()
            && (!m_session->account() || m_session->account()->fhirBase != m_options.server.adjusted(QUrl::StripTrailingSlash));
    if (!restored || serverChanged || !m_options.loginHint.isEmpty()) {
        if (serverUrl().isEmpty()) {
            setState(hasRecord() ? Ready : SignedOut);
            return;
        }
        signIn();
        return;
    }
    syncNow();
}

void AppController::showSavedRecord()
{
    const auto account = m_session->account();
    if (!account)
        return;
    auto db = m_profile->patientDatabase(account->selfPatientId, false);
    if (!db)
        return;   // signed in before, nothing downloaded yet
    m_sections->setRepositories(nullptr, nullptr);
    m_record->setRepository(nullptr);
    attachTestResults(nullptr);   // its trend repository reads the store being replaced
    attachRunningLow(nullptr);
    attachPrescriptions(false);
    m_store = std::make_unique<ResourceStore>(db.value()->database());
    m_repository = std::make_unique<RecordRepository>(*m_store);
    m_sectionsRepository = std::make_unique<SectionsRepository>(*m_store);
    m_record->setRepository(m_repository.get());
    const QSqlDatabase handle = db.value()->database();
    attachTestResults(&handle);
    attachRunningLow(&handle);
    m_search->setDatabase(db.value());
    attachPrescriptions(true);
    m_sections->setRepositories(m_sectionsRepository.get(), m_repository.get());
    loadLastUpdated();
    if (hasRecord()) {
        setState(Ready);
        emit recordShown();
    }
}

void AppController::loadLastUpdated(bool justSynced)
{
    const auto account = m_session ? m_session->account() : std::nullopt;
    if (!account)
        return;
    auto db = m_profile->patientDatabase(account->selfPatientId, false);
    if (!db)
        return;
    auto all = SyncStateStore(db.value()->database()).all();
    if (!all)
        return;
    // The record is as fresh as its least recently synced type.
    QDateTime oldest;
    m_typeUpdated.clear();
    QList<SyncProblemsModel::Problem> problems;
    const QDateTime now = QDateTime::currentDateTime();
    for (auto it = all->cbegin(); it != all->cend(); ++it) {
        const SyncCursor &cursor = it.value();
        const QDateTime when = QDateTime::fromString(cursor.lastSuccess, Qt::ISODateWithMs);
        if (when.isValid()) {
            m_typeUpdated.insert(it.key(), when);
            if (!oldest.isValid() || when < oldest)
                oldest = when;
        }
        if (cursor.lastError.isEmpty()) {
            m_errorsSeen.remove(it.key());
            continue;
        }
        // The store keeps no time for a failure: right after a sync, a failure present is that
        // sync's. One left from an earlier run of the app (or changed since we saw it) has no time.
        SeenError &seen = m_errorsSeen[it.key()];
        if (justSynced)
            seen.when = now;
        else if (seen.error != cursor.lastError)
            seen.when = {};
        seen.error = cursor.lastError;
        problems << SyncProblemsModel::Problem{it.key(), cursor.lastError, seen.when};
    }
    m_lastUpdated = oldest;
    m_problems->setProblems(problems);
    emit statusTextChanged();
}

QVariantMap AppController::sectionUpdated() const
{
    QVariantMap texts;
    const auto &sections = sectionTypes();
    for (auto it = sections.cbegin(); it != sections.cend(); ++it) {
        const QString text = sectionUpdatedText(it.key());
        if (!text.isEmpty())
            texts.insert(it.key(), text);
    }
    return texts;
}

QString AppController::sectionUpdatedText(const QString &section) const
{
    // A section made of several types is as fresh as the older of them.
    QDateTime oldest;
    for (const QString &type : sectionTypes().value(section)) {
        const QDateTime when = m_typeUpdated.value(type);
        if (!when.isValid())
            return {};
        if (!oldest.isValid() || when < oldest)
            oldest = when;
    }
    return SyncWording::updatedText(oldest, QDateTime::currentDateTime());
}

QString AppController::syncCountText() const
{
    if (!m_syncing || m_countExpected <= 0)
        return {};
    const QLocale locale;
    //: %1 and %2 are numbers of entries in the record, e.g. "1,250 of 2,052 entries"
    return tr("%1 of %2 entries").arg(locale.toString(qMin(m_countDone, m_countExpected)), locale.toString(m_countExpected));
}

void AppController::syncIfDue()
{
    // Only a shown record is refreshed by itself: signing in, a first download or a refused
    // sign-in wait for the patient.
    if (m_state != Ready || m_syncing || m_needsSignIn)
        return;
    if (m_lastSyncStart.isValid() && m_lastSyncStart.secsTo(QDateTime::currentDateTimeUtc()) < kPeriodicSyncSeconds)
        return;
    syncNow();
}

QString AppController::lastSavedText() const
{
    if (!m_lastUpdated.isValid())
        return {};
    // The UI language's month names, in the UK's day-month order.
    return QLocale().toString(m_lastUpdated.toLocalTime(), QStringLiteral("d MMMM, HH:mm"));
}

QString AppController::lastUpdatedText() const
{
    if (!m_lastUpdated.isValid())
        return m_syncing ? tr("Updating your record…") : QString();
    const QDateTime local = m_lastUpdated.toLocalTime();
    const QString when = lastSavedText();
    if (m_offline)
        return tr("Offline — showing what was saved on %1").arg(when);
    if (m_syncing)
        return tr("Updating… last updated %1").arg(when);
    const qint64 minutes = local.secsTo(QDateTime::currentDateTime()) / 60;
    if (minutes < 1)
        return tr("Updated just now");
    if (minutes < 60)
        return tr("Updated %n minute(s) ago", nullptr, int(minutes));
    return tr("Last updated %1").arg(when);
}

void AppController::signIn()
{
    if (!m_session) {
        retry();   // the profile never opened: that is what needs fixing first
        return;
    }
    const QUrl server = serverUrl();
    if (server.isEmpty()) {
        setError(tr("Hearth doesn't know which service to sign in to yet."));
        setState(Failed);
        return;
    }
    setError({});
    if (!hasRecord())
        setState(SigningIn);
    AuthParams params;
    params.loginHint = m_options.loginHint;
    std::function<void(const QUrl &)> open = m_openBrowser;
    if (!m_options.loginHint.isEmpty()) {
        auto *browser = new HeadlessBrowser(m_nam, this);
        delete m_browser;
        m_browser = browser;
        open = [browser](const QUrl &url) { browser->open(url); };
    }
    QPointer<AppController> self(this);
    m_session->signIn(server, params, open, [self](Status signedIn) {
        if (!self)
            return;
        if (!signedIn) {
            self->handleFailure(signedIn.error());
            return;
        }
        self->m_needsSignIn = false;
        self->showSavedRecord();
        self->syncNow();
    });
}

QString AppController::stepText(const QString &type)
{
    if (type == QLatin1String("Patient"))
        return tr("Getting your details");
    if (type == QLatin1String("AllergyIntolerance"))
        return tr("Getting your allergies");
    if (type == QLatin1String("MedicationRequest"))
        return tr("Getting your medicines");
    if (type == QLatin1String("Condition"))
        return tr("Getting your health problems");
    if (type == QLatin1String("Immunization"))
        return tr("Getting your vaccinations");
    if (type == QLatin1String("DiagnosticReport") || type == QLatin1String("Observation"))
        return tr("Getting your test results");
    if (type == QLatin1String("Encounter"))
        return tr("Getting your appointments and consultations");
    if (type == QLatin1String("DocumentReference"))
        return tr("Getting your letters and documents");
    return tr("Getting your record");
}

void AppController::syncNow()
{
    if (!m_session || !m_session->engine() || m_syncing)
        return;
    m_lastSyncStart = QDateTime::currentDateTimeUtc();
    setSyncing(true);
    m_record->setLoading();
    m_testResults->setLoading();
    m_progress = 0;
    m_countDone = 0;
    m_countExpected = -1;
    m_step = stepText({});
    emit syncProgressChanged();
    if (!hasRecord())
        setState(Syncing);
    if (m_progressSource != m_session->engine()) {
        m_progressSource = m_session->engine();
        connect(m_progressSource, &SyncEngine::progress, this, [this](double fraction, const QString &type) {
            m_progress = fraction;
            m_step = stepText(type);
            emit syncProgressChanged();
        });
        connect(m_progressSource, &SyncEngine::progressCounts, this, [this](qint64 done, qint64 expected) {
            m_countDone = done;
            m_countExpected = expected;
            emit syncProgressChanged();
        });
    }
    QPointer<AppController> self(this);
    m_session->syncAll([self](Result<SyncReport> report) {
        if (self)
            self->syncFinished(report);
    });
}

void AppController::syncFinished(const Result<SyncReport> &report)
{
    setSyncing(false);
    if (!report) {
        // Whatever types did complete are stored: show them rather than nothing.
        if (!m_repository)
            showSavedRecord();
        else {
            m_record->reload();
            m_testResults->reload();
            m_sections->reload();
        }
        m_search->refresh();
        m_runningLow->reload();
        m_prescriptions->reload();
        loadLastUpdated(true);
        handleFailure(report.error());
        return;
    }
    m_offline = false;
    setError({});
    m_progress = 1.0;
    emit syncProgressChanged();
    if (!m_repository)
        showSavedRecord();
    else {
        m_record->reload();
        m_testResults->reload();
        m_sections->reload();
    }
    m_search->refresh();
    m_runningLow->reload();
    notifyAfterSync();
    m_prescriptions->reload();
    loadLastUpdated(true);
    setState(Ready);
    emit recordShown();
}

void AppController::handleFailure(const Error &error)
{
    qCWarning(lcApp) << "failed:" << error.describe();
    switch (error.kind) {
    case Error::Kind::Network:
    case Error::Kind::Timeout:
        m_offline = true;
        setError(tr("Hearth can't reach your GP record service right now. Check your internet connection, then try again."));
        break;
    case Error::Kind::Auth:
        m_needsSignIn = true;
        setError(tr("For your security, please sign in again."));
        if (!hasRecord()) {
            setState(SignedOut);
            return;
        }
        break;
    case Error::Kind::KeyStore:
        setError(tr("Hearth can't reach this device's secure key store, so it can't open your record safely. "
                    "Unlock your device's keyring and try again."));
        break;
    case Error::Kind::Storage:
        setError(tr("Hearth couldn't open the record saved on this device. Your data on the server is safe."));
        break;
    case Error::Kind::Security:
        setError(tr("Sign-in was stopped because something didn't look right. Please try again."));
        break;
    default:
        setError(tr("Something went wrong while updating your record. Your saved record is unchanged. Please try again."));
        break;
    }
    emit statusTextChanged();
    if (hasRecord()) {
        setState(Ready);
        emit recordShown();
    } else {
        setState(Failed);
    }
}

void AppController::retry()
{
    setError({});
    if (!m_profile) {
        openProfile();
        return;
    }
    if (!m_session->account() || m_state == SignedOut || m_needsSignIn)
        signIn();
    else
        syncNow();
}

void AppController::signOut()
{
    // Ending the session drops a sync in flight; its completion will never come.
    setSyncing(false);
    m_needsSignIn = false;
    m_sections->setRepositories(nullptr, nullptr);
    m_sectionsRepository.reset();
    m_record->setRepository(nullptr);
    attachTestResults(nullptr);
    attachRunningLow(nullptr);
    m_search->setDatabase(nullptr);
    attachPrescriptions(false);
    m_repository.reset();
    m_store.reset();
    m_session.reset();
    QString wipeError;
    if (m_profile) {
        if (Status s = m_profile->destroy(); !s) {
            qCWarning(lcApp) << "sign-out wipe incomplete:" << s.error().describe();
            wipeError = tr("Hearth could not remove everything from this device. Sign out again, or remove the app.");
        }
        m_profile.reset();
    }
    m_lastUpdated = {};
    m_typeUpdated.clear();
    m_errorsSeen.clear();
    m_problems->setProblems({});
    m_lastSyncStart = {};
    m_offline = false;
    setError(wipeError);
    // A fresh, empty profile for the next sign-in.
    auto profile = Profile::open(m_options.profileDir, m_keys, true);
    if (profile) {
        m_profile = std::move(profile).value();
        m_session = std::make_unique<Session>(m_nam, *m_profile);
    }
    m_options.loginHint.clear();
    setState(SignedOut);
}

} // namespace hearth
