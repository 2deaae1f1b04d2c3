#include "AuthServer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrl>

namespace hearth::sandbox {

namespace {

const QString kClientId = QStringLiteral("hearth");
constexpr qint64 kCodeLifetimeMs = 2 * 60 * 1000;

QString randomToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
    return QString::fromLatin1(base64Url(bytes));
}

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

TokenReply oauthError(int status, const char *error, const char *description)
{
    return {status, {{QStringLiteral("error"), QString::fromLatin1(error)},
                     {QStringLiteral("error_description"), QString::fromLatin1(description)}}};
}

QByteArray errorPage(const char *message)
{
    return QByteArrayLiteral("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in error</title>"
                             "</head><body><main><h1>Sign-in error</h1><p>")
        + message + QByteArrayLiteral("</p></main></body></html>");
}

// RFC 7636 code_verifier: 43-128 unreserved characters.
bool isValidVerifier(const QString &v)
{
    if (v.size() < 43 || v.size() > 128)
        return false;
    for (QChar c : v)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'.' && c != u'_' && c != u'~')
            return false;
    return true;
}

} // namespace

AuthServer::AuthServer(QList<DemoUser> users, int accessTokenLifetimeSeconds)
    : m_users(std::move(users)), m_lifetime(accessTokenLifetimeSeconds)
{
}

bool AuthServer::isAllowedRedirectUri(const QString &uri)
{
    if (uri == QLatin1String("uk.nhs.hearth:/oauth2redirect"))
        return true;
    // RFC 8252 §7.3: loopback IP literal, any port, fixed path.
    const QUrl url(uri, QUrl::StrictMode);
    return url.isValid() && url.scheme() == QLatin1String("http")
        && (url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("::1")) && url.port() > 0
        && url.path() == QLatin1String("/callback") && !url.hasQuery() && !url.hasFragment() && url.userInfo().isEmpty();
}

const DemoUser *AuthServer::findUser(const QString &name) const
{
    for (const DemoUser &u : m_users)
        if (u.name == name)
            return &u;
    return nullptr;
}

AuthorizeOutcome AuthServer::authorize(const Params &p, const QString &chosenUser)
{
    AuthorizeOutcome out;
    // Never redirect to a client or URI we cannot trust.
    if (p.value(QStringLiteral("client_id")) != kClientId) {
        out.html = errorPage("Unknown client.");
        return out;
    }
    const QString redirectUri = p.value(QStringLiteral("redirect_uri"));
    if (!isAllowedRedirectUri(redirectUri)) {
        out.html = errorPage("This redirect address is not registered for the app.");
        return out;
    }
    const QString state = p.value(QStringLiteral("state"));
    // Query values are percent-encoded by hand so '+', '&' and '%' survive any client's decoder.
    auto redirect = [&](QList<QPair<QString, QString>> items) {
        if (!state.isEmpty())
            items.append({QStringLiteral("state"), state});
        QByteArray query;
        for (const auto &[key, value] : items)
            query += (query.isEmpty() ? "" : "&") + key.toLatin1() + '=' + QUrl::toPercentEncoding(value);
        out.kind = AuthorizeOutcome::Kind::Redirect;
        out.status = 302;
        out.location = redirectUri.toUtf8() + '?' + query;
        return out;
    };
    auto fail = [&](const char *error, const char *description) {
        return redirect({{QStringLiteral("error"), QString::fromLatin1(error)},
                         {QStringLiteral("error_description"), QString::fromLatin1(description)}});
    };
    if (p.value(QStringLiteral("response_type")) != QLatin1String("code"))
        return fail("unsupported_response_type", "response_type must be code");
    if (state.size() < 22)
        return fail("invalid_request", "state missing or too short");
    if (p.value(QStringLiteral("nonce")).isEmpty())
        return fail("invalid_request", "nonce missing");
    const QString challenge = p.value(QStringLiteral("code_challenge"));
    if (challenge.size() < 43 || challenge.size() > 128)
        return fail("invalid_request", "code_challenge missing or malformed");
    if (p.value(QStringLiteral("code_challenge_method")) != QLatin1String("S256"))
        return fail("invalid_request", "code_challenge_method must be S256");
    if (p.value(QStringLiteral("aud")) != m_fhirBase)
        return fail("invalid_request", "aud must be the FHIR base URL");
    if (p.value(QStringLiteral("scope")).isEmpty())
        return fail("invalid_scope", "scope missing");

    const DemoUser *user = findUser(chosenUser.isEmpty() ? p.value(QStringLiteral("login_hint")) : chosenUser);
    if (!user) {
        if (!chosenUser.isEmpty())
            return fail("access_denied", "unknown user");
        out.kind = AuthorizeOutcome::Kind::SignInPage;
        out.status = 200;
        out.html = signInPage(p);
        return out;
    }
    const QString code = randomToken();
    m_codes.insert(code, Code{user->name, kClientId, redirectUri, challenge, p.value(QStringLiteral("scope")),
                              p.value(QStringLiteral("nonce")), nowMs() + kCodeLifetimeMs, false});
    return redirect({{QStringLiteral("code"), code}});
}

QByteArray AuthServer::signInPage(const Params &p) const
{
    QByteArray html = QByteArrayLiteral(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Sign in - Hearth sandbox</title>"
        "</head><body><main><h1>Sign in to the Hearth sandbox</h1>"
        "<p>This is a test server with made-up people. Choose who to sign in as.</p>"
        "<form method=\"post\" action=\"/oauth2/authorize\">");
    for (auto it = p.constBegin(); it != p.constEnd(); ++it) {
        if (it.key() == QLatin1String("user"))
            continue;
        html += "<input type=\"hidden\" name=\"" + it.key().toHtmlEscaped().toUtf8() + "\" value=\""
            + it.value().toHtmlEscaped().toUtf8() + "\">";
    }
    for (const DemoUser &u : m_users)
        html += "<p><button type=\"submit\" name=\"user\" value=\"" + u.name.toHtmlEscaped().toUtf8() + "\">"
            + u.label.toHtmlEscaped().toUtf8() + "</button></p>";
    html += "</form></main></body></html>";
    return html;
}

TokenReply AuthServer::issue(const QString &grantId, const QString &nonce, bool withIdToken)
{
    Grant &grant = m_grants[grantId];
    const DemoUser *user = findUser(grant.user);
    const QString access = randomToken();
    const QString refresh = randomToken();
    m_accessTokens.insert(access, AccessToken{grant.user, grantId, nowMs() + qint64(m_lifetime) * 1000});
    grant.accessTokens.append(access);
    grant.liveRefresh = refresh;
    m_refreshTokens.insert(refresh, grantId);

    QJsonObject body{{QStringLiteral("access_token"), access},
                     {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                     {QStringLiteral("expires_in"), m_lifetime},
                     {QStringLiteral("scope"), grant.scope},
                     {QStringLiteral("refresh_token"), refresh},
                     {QStringLiteral("patient"), user->patientId}};
    if (withIdToken) {
        const qint64 now = nowMs() / 1000;
        QJsonObject claims{{QStringLiteral("iss"), m_fhirBase},
                           {QStringLiteral("sub"), user->name},
                           {QStringLiteral("aud"), kClientId},
                           {QStringLiteral("iat"), now},
                           {QStringLiteral("exp"), now + 3600},
                           {QStringLiteral("fhirUser"), QStringLiteral("Patient/") + user->patientId}};
        if (!nonce.isEmpty())
            claims.insert(QStringLiteral("nonce"), nonce);
        QByteArray jwt = m_signer.sign(claims);
        if (m_tamperNext && !jwt.isEmpty()) {
            // Keep header and signature, swap the payload for one with a later expiry.
            m_tamperNext = false;
            claims.insert(QStringLiteral("exp"), now + 86400);
            const QList<QByteArray> parts = jwt.split('.');
            jwt = parts[0] + '.' + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.' + parts[2];
        }
        if (jwt.isEmpty())
            return oauthError(500, "server_error", "could not sign the id_token");
        body.insert(QStringLiteral("id_token"), QString::fromLatin1(jwt));
    }
    return {200, body};
}

void AuthServer::revokeGrant(const QString &grantId)
{
    const auto it = m_grants.find(grantId);
    if (it == m_grants.end())
        return;
    for (const QString &t : std::as_const(it->accessTokens))
        m_accessTokens.remove(t);
    it->accessTokens.clear();
    it->liveRefresh.clear();
}

TokenReply AuthServer::token(const Params &form)
{
    if (form.value(QStringLiteral("client_id")) != kClientId)
        return oauthError(401, "invalid_client", "unknown client");
    const QString grantType = form.value(QStringLiteral("grant_type"));
    if (grantType == QLatin1String("authorization_code")) {
        const QString codeValue = form.value(QStringLiteral("code"));
        const auto it = m_codes.find(codeValue);
        if (codeValue.isEmpty() || it == m_codes.end())
            return oauthError(400, "invalid_grant", "unknown code");
        if (it->used) {
            // RFC 6749 §4.1.2: a replayed code revokes what it issued.
            revokeGrant(codeValue);
            return oauthError(400, "invalid_grant", "code already used");
        }
        it->used = true;
        if (nowMs() > it->expiresMs)
            return oauthError(400, "invalid_grant", "code expired");
        if (form.value(QStringLiteral("redirect_uri")) != it->redirectUri)
            return oauthError(400, "invalid_grant", "redirect_uri does not match");
        const QString verifier = form.value(QStringLiteral("code_verifier"));
        const QString expected = QString::fromLatin1(
            base64Url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)));
        if (!isValidVerifier(verifier) || expected != it->challenge)
            return oauthError(400, "invalid_grant", "code_verifier does not match");
        m_grants.insert(codeValue, Grant{it->user, it->scope, {}, {}});
        return issue(codeValue, it->nonce, true);
    }
    if (grantType == QLatin1String("refresh_token")) {
        const QString refresh = form.value(QStringLiteral("refresh_token"));
        const QString grantId = m_refreshTokens.value(refresh);
        if (refresh.isEmpty() || grantId.isEmpty())
            return oauthError(400, "invalid_grant", "unknown refresh token");
        if (m_grants.value(grantId).revoked)
            return oauthError(400, "invalid_grant", "refresh token revoked");
        if (m_grants.value(grantId).liveRefresh != refresh) {
            // Reuse of a rotated token: treat as theft and end the whole grant.
            revokeGrant(grantId);
            return oauthError(400, "invalid_grant", "refresh token already used");
        }
        return issue(grantId, QString(), false);
    }
    return oauthError(400, "unsupported_grant_type", "grant_type not supported");
}

int AuthServer::expireAccessTokens(const QString &user)
{
    int n = 0;
    for (AccessToken &t : m_accessTokens)
        if ((user.isEmpty() || t.user == user) && t.expiresMs > 0) {
            t.expiresMs = 0; // kept, so a resend gets invalid_token rather than an unknown token
            ++n;
        }
    return n;
}

int AuthServer::revokeUser(const QString &user)
{
    int n = 0;
    for (auto it = m_grants.begin(); it != m_grants.end(); ++it)
        if (it->user == user && !it->revoked) {
            revokeGrant(it.key());
            it->revoked = true;
            ++n;
        }
    return n;
}

const DemoUser *AuthServer::userForAccessToken(const QString &token) const
{
    const auto it = m_accessTokens.constFind(token);
    if (it == m_accessTokens.constEnd() || nowMs() > it->expiresMs)
        return nullptr;
    return findUser(it->user);
}

} // namespace hearth::sandbox
