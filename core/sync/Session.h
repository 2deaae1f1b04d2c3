#pragma once

#include "common/Result.h"
#include "sync/Profile.h"
#include "sync/SyncEngine.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace hearth {

class ApiClient;
class CacheDatabase;
class Outbox;
class TokenClient;
struct AuthParams;

// Binds a Profile to its server: signs in (SMART App Launch with PKCE), restores the saved sign-in,
// refreshes tokens (rotated refresh tokens are saved at once), and syncs every patient of the profile.
// The same class serves the app and hearth-cli, so both take the same code path.
class Session : public QObject {
    Q_OBJECT
public:
    Session(QNetworkAccessManager &nam, Profile &profile, QObject *parent = nullptr);
    ~Session() override;

    // Full sign-in. `openUrl` receives the authorize URL (print it, open the browser, or in sandbox
    // mode fetch it with login_hint). On success the account and tokens are saved.
    void signIn(const QUrl &fhirBase, const AuthParams &params, std::function<void(const QUrl &)> openUrl,
                std::function<void(Status)> done);

    // Uses the saved account and tokens (NotFound if there is none).
    Status restore();

    // Without sign-in: a given bearer token (or none, for loopback test servers) and patient.
    Status useStaticToken(const QUrl &fhirBase, const QString &patientId, const QByteArray &accessToken);

    // Flushes each patient's outbox (the patient's own writes go first), then syncs that patient.
    void syncAll(std::function<void(Result<SyncReport>)> done);

    // The outbox of one patient of this profile, opened on first use and kept while signed in (it
    // sends through this session's ApiClient, so only after sign-in or restore: NotFound before).
    Result<Outbox *> outbox(const QString &patientId);

    Profile &profile() { return m_profile; }
    ApiClient *api() { return m_api.get(); }
    SyncEngine *engine() { return m_engine.get(); }
    std::optional<Account> account() const { return m_account; }

private:
    void attach(const Account &account, const QByteArray &accessToken, bool canRefresh);
    void refreshToken(std::function<void(Result<QByteArray>)> done);
    void syncNext(QStringList remaining, SyncReport total, std::function<void(Result<SyncReport>)> done);
    void syncPatient(const QString &patientId, CacheDatabase &db, QStringList remaining, SyncReport total,
                     std::function<void(Result<SyncReport>)> done);

    QNetworkAccessManager &m_nam;
    Profile &m_profile;
    std::optional<Account> m_account;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SyncEngine> m_engine;
    QHash<QString, std::shared_ptr<Outbox>> m_outboxes;   // by patient id; they use m_api
    std::unique_ptr<TokenClient> m_tokenClient;
    QPointer<QObject> m_signIn;   // the sign-in still waiting for its browser, if any
};

} // namespace hearth
