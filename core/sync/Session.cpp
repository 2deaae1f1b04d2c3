#include "Session.h"

#include "auth/SignInFlow.h"
#include "auth/TokenClient.h"
#include "auth/TokenSet.h"
#include "common/Log.h"
#include "net/ApiClient.h"
#include "sync/Outbox.h"

#include <QPointer>

namespace hearth {

Session::Session(QNetworkAccessManager &nam, Profile &profile, QObject *parent)
    : QObject(parent), m_nam(nam), m_profile(profile)
{
}

Session::~Session()
{
    m_outboxes.clear();   // before the ApiClient they send through
}

void Session::attach(const Account &account, const QByteArray &accessToken, bool canRefresh)
{
    m_account = account;
    m_outboxes.clear();
    m_engine.reset();
    m_api = std::make_unique<ApiClient>(m_nam, account.fhirBase);
    m_api->setAccessToken(accessToken);
    if (canRefresh)
        m_api->setRefresher([this](auto done) { refreshToken(std::move(done)); });
    m_engine = std::make_unique<SyncEngine>(*m_api);
}

void Session::signIn(const QUrl &fhirBase, const AuthParams &params, std::function<void(const QUrl &)> openUrl,
                     std::function<void(Status)> done)
{
    delete m_signIn;   // a new sign-in replaces one still waiting for its browser
    auto *flow = new SignInFlow(m_nam, this);
    m_signIn = flow;
    QPointer<Session> self(this);
    flow->start(fhirBase, params, std::move(openUrl), [self, flow, fhirBase, params, done](Result<SignInResult> result) {
        flow->deleteLater();
        if (!self)
            return;
        if (self->m_signIn == flow)
            self->m_signIn = nullptr;
        if (!result) {
            done(result.error());
            return;
        }
        const SignInResult &signedIn = result.value();
        Account account;
        account.fhirBase = fhirBase.adjusted(QUrl::StripTrailingSlash);
        account.clientId = params.clientId;
        account.issuer = signedIn.config.issuer;
        account.tokenEndpoint = signedIn.config.tokenEndpoint;
        account.selfPatientId = signedIn.patientId;
        account.patientIds = QStringList{signedIn.patientId};
        // Tokens first: an account must never point at a server its saved tokens are not for.
        if (Status s = self->m_profile.saveTokens(signedIn.tokens); !s) {
            done(s);
            return;
        }
        if (Status s = self->m_profile.setAccount(account); !s) {
            done(s);
            return;
        }
        qCInfo(lcAuth) << "signed in";
        self->attach(account, signedIn.tokens.accessToken, !signedIn.tokens.refreshToken.isEmpty());
        done({});
    });
}

Status Session::restore()
{
    auto account = m_profile.account();
    if (!account)
        return account.error();
    if (!account->has_value())
        return Error::make(Error::Kind::NotFound, QStringLiteral("nobody is signed in on this profile"));
    auto tokens = m_profile.tokens();
    if (!tokens)
        return tokens.error();
    const QByteArray access = tokens->has_value() ? (*tokens)->accessToken : QByteArray();
    const bool canRefresh = tokens->has_value() && !(*tokens)->refreshToken.isEmpty();
    attach(**account, access, canRefresh);
    return {};
}

Status Session::useStaticToken(const QUrl &fhirBase, const QString &patientId, const QByteArray &accessToken)
{
    Account account;
    account.fhirBase = fhirBase.adjusted(QUrl::StripTrailingSlash);
    account.selfPatientId = patientId;
    account.patientIds = QStringList{patientId};
    if (Status s = m_profile.setAccount(account); !s)
        return s;
    attach(account, accessToken, false);
    return {};
}

void Session::refreshToken(std::function<void(Result<QByteArray>)> done)
{
    auto saved = m_profile.tokens();
    if (!saved || !saved->has_value() || (*saved)->refreshToken.isEmpty() || !m_account) {
        done(Error::make(Error::Kind::Auth, QStringLiteral("no refresh token: sign in again")));
        return;
    }
    if (!m_tokenClient)
        m_tokenClient = std::make_unique<TokenClient>(m_nam);
    SmartConfiguration config;
    config.issuer = m_account->issuer;
    config.tokenEndpoint = m_account->tokenEndpoint;
    const TokenSet previous = **saved;
    QPointer<Session> self(this);
    m_tokenClient->refresh(config, m_account->clientId, previous.refreshToken,
                           [self, previous, done](Result<TokenSet> refreshed) {
        if (!self)
            return;
        if (!refreshed) {
            // Only a refused refresh token means "sign in again"; offline or a server fault at
            // the token endpoint keeps the sign-in for the next attempt.
            Error error = refreshed.error();
            if (error.httpStatus == 400 || error.httpStatus == 401)
                error.kind = Error::Kind::Auth;
            done(error);
            return;
        }
        TokenSet next = refreshed.value();
        if (next.patient.isEmpty())
            next.patient = previous.patient;
        if (next.fhirUser.isEmpty())
            next.fhirUser = previous.fhirUser;
        // The old refresh token is now spent (rotation): save the new one before using it.
        if (Status s = self->m_profile.saveTokens(next); !s) {
            done(s.error());
            return;
        }
        done(next.accessToken);
    });
}

void Session::syncAll(std::function<void(Result<SyncReport>)> done)
{
    if (!m_account || !m_engine) {
        QMetaObject::invokeMethod(this, [done] {
            done(Error::make(Error::Kind::Auth, QStringLiteral("not signed in")));
        }, Qt::QueuedConnection);
        return;
    }
    syncNext(m_account->patientIds, SyncReport{}, std::move(done));
}

void Session::syncNext(QStringList remaining, SyncReport total, std::function<void(Result<SyncReport>)> done)
{
    if (remaining.isEmpty()) {
        done(total);
        return;
    }
    const QString patientId = remaining.takeFirst();
    auto db = m_profile.patientDatabase(patientId, true);
    if (!db) {
        done(db.error());
        return;
    }
    QPointer<Session> self(this);
    CacheDatabase *database = db.value();
    auto sync = [self, patientId, database, remaining, total, done]() mutable {
        if (!self)
            return;
        self->syncPatient(patientId, *database, std::move(remaining), std::move(total), std::move(done));
    };
    // A write that cannot be sent now stays waiting in the outbox (its own retry timer resends it);
    // the record is read regardless, so sync reports its own outcome.
    auto box = outbox(patientId);
    if (!box) {
        done(box.error());
        return;
    }
    box.value()->flush([sync](Outbox::FlushReport) mutable { sync(); });
}

void Session::syncPatient(const QString &patientId, CacheDatabase &db, QStringList remaining, SyncReport total,
                          std::function<void(Result<SyncReport>)> done)
{
    QPointer<Session> self(this);
    m_engine->syncPatient(patientId, db, [self, remaining, total, done](Result<SyncReport> report) mutable {
        if (!self)
            return;
        if (!report) {
            done(report.error());
            return;
        }
        total.requests += report->requests;
        total.stored += report->stored;
        total.removed += report->removed;
        total.rejected += report->rejected;
        for (auto it = report->storedByType.cbegin(); it != report->storedByType.cend(); ++it)
            total.storedByType[it.key()] += it.value();
        self->syncNext(remaining, total, done);
    });
}

Result<Outbox *> Session::outbox(const QString &patientId)
{
    if (!m_api || !m_account || !m_account->patientIds.contains(patientId))
        return Error::make(Error::Kind::NotFound, QStringLiteral("not signed in, or not a patient of this profile"));
    if (auto it = m_outboxes.constFind(patientId); it != m_outboxes.cend())
        return it.value().get();
    auto db = m_profile.patientDatabase(patientId, true);
    if (!db)
        return db.error();
    auto opened = Outbox::open(*db.value(), *m_api);
    if (!opened)
        return opened.error();
    std::shared_ptr<Outbox> box = std::move(opened).value();
    m_outboxes.insert(patientId, box);
    return box.get();
}

} // namespace hearth
