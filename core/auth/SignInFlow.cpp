#include "auth/SignInFlow.h"

#include "auth/HttpSupport.h"
#include "auth/JwksClient.h"
#include "auth/LoopbackRedirectListener.h"
#include "auth/SmartDiscovery.h"
#include "auth/TokenClient.h"
#include "common/Log.h"

#include <QDateTime>
#include <QRegularExpression>

namespace hearth {

SignInFlow::SignInFlow(QNetworkAccessManager &nam, QObject *parent)
    : QObject(parent), m_nam(nam)
{
}

SignInFlow::~SignInFlow() = default;   // children (discovery, listener, clients) cancel their work

QString SignInFlow::patientIdFromFhirUser(const QString &fhirUser)
{
    // FHIR id: [A-Za-z0-9\-\.]{1,64}, optionally followed by /_history/n.
    static const QRegularExpression re(
        QStringLiteral("(?:^|/)Patient/([A-Za-z0-9\\-\\.]{1,64})(?:/_history/[A-Za-z0-9\\-\\.]{1,64})?$"));
    const auto match = re.match(fhirUser);
    if (!match.hasMatch())
        return {};
    const QString id = match.captured(1);
    // "." and ".." are valid FHIR id characters but must never reach a URL path or a file name.
    return id.contains(QRegularExpression(QStringLiteral("[A-Za-z0-9]"))) ? id : QString();
}

void SignInFlow::start(const QUrl &fhirBase, const AuthParams &params, std::function<void(const QUrl &)> openUrl,
                       std::function<void(Result<SignInResult>)> done, int redirectTimeoutMs)
{
    if (m_running) {
        authhttp::later(this, [done] {
            done(Error::make(Error::Kind::Config, QStringLiteral("a sign-in is already running")));
        });
        return;
    }
    m_running = true;
    m_fhirBase = fhirBase;
    m_params = params;
    m_openUrl = std::move(openUrl);
    m_done = std::move(done);
    m_timeoutMs = redirectTimeoutMs;
    m_discovery = new SmartDiscovery(m_nam, this);
    m_discovery->discover(fhirBase, [this](Result<SmartConfiguration> c) { onDiscovered(std::move(c)); });
}

void SignInFlow::onDiscovered(Result<SmartConfiguration> config)
{
    if (!config)
        return fail(config.error());
    m_config = config.value();
    if (!m_config.supportsOpenId())
        return fail(Error::make(Error::Kind::Config, QStringLiteral("server offers no OpenID Connect (issuer/jwks_uri)")));

    m_listener = new LoopbackRedirectListener(this);
    const Status listening = m_listener->listen();
    if (!listening)
        return fail(listening.error());
    m_params.redirectUri = m_listener->redirectUri();   // exact loopback URI for this attempt
    m_request = prepareAuthRequest(m_config, m_fhirBase, m_params);
    m_listener->waitForRedirect(m_timeoutMs, [this](Result<QUrl> r) { onRedirect(std::move(r)); });
    qCInfo(lcAuth) << "sign-in: opening the authorization page";
    if (m_openUrl)
        m_openUrl(m_request.authorizeUrl);
}

void SignInFlow::onRedirect(Result<QUrl> redirect)
{
    if (!redirect)
        return fail(redirect.error());
    auto code = codeFromRedirect(m_request, redirect.value());
    if (!code)
        return fail(code.error());
    m_tokenClient = new TokenClient(m_nam, this);
    m_tokenClient->exchangeCode(m_config, m_request, code.value(), [this](Result<TokenSet> t) { onTokens(std::move(t)); });
}

void SignInFlow::onTokens(Result<TokenSet> tokens)
{
    if (!tokens)
        return fail(tokens.error());
    m_tokens = tokens.value();
    if (m_tokens.idToken.isEmpty())
        return fail(Error::make(Error::Kind::Security, QStringLiteral("token response has no id_token")));
    m_jwksClient = new JwksClient(m_nam, this);
    m_jwksClient->fetch(m_config.jwksUri, [this](Result<QByteArray> j) { onJwks(std::move(j)); });
}

void SignInFlow::onJwks(Result<QByteArray> jwks)
{
    if (!jwks)
        return fail(jwks.error());
    auto claims = IdTokenVerifier::verify(m_tokens.idToken, jwks.value(), m_config.issuer.toString(QUrl::FullyEncoded),
                                          m_request.clientId, m_request.nonce, QDateTime::currentDateTimeUtc());
    if (!claims)
        return fail(claims.error());

    SignInResult result;
    result.config = m_config;
    result.claims = claims.value();
    result.tokens = m_tokens;
    result.tokens.fhirUser = result.claims.fhirUser;
    result.patientId = m_tokens.patient;
    if (result.patientId.isEmpty())
        result.patientId = patientIdFromFhirUser(result.claims.fhirUser);
    static const QRegularExpression fhirId(QStringLiteral("^[A-Za-z0-9\\-\\.]{1,64}$"));
    if (result.patientId.isEmpty())
        return fail(Error::make(Error::Kind::Auth, QStringLiteral("no patient in the launch context")));
    if (!fhirId.match(result.patientId).hasMatch() || patientIdFromFhirUser(QStringLiteral("Patient/") + result.patientId).isEmpty())
        return fail(Error::make(Error::Kind::Parse, QStringLiteral("launch patient is not a valid FHIR id")));
    succeed(std::move(result));
}

void SignInFlow::fail(const Error &error)
{
    qCWarning(lcAuth) << "sign-in failed:" << error.kindName();
    m_running = false;
    if (auto done = std::exchange(m_done, nullptr))
        done(error);
}

void SignInFlow::succeed(SignInResult result)
{
    qCInfo(lcAuth) << "sign-in complete";
    m_running = false;
    m_request = AuthRequest();   // the verifier and nonce are spent
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(result));
}

} // namespace hearth
