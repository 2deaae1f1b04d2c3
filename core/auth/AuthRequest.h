#pragma once

#include "auth/SmartConfiguration.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace hearth {

// Everything needed to finish one sign-in attempt. Kept in memory only, never stored.
struct AuthRequest {
    QUrl authorizeUrl;
    QUrl redirectUri;
    QByteArray state;          // 256 random bits, base64url
    QByteArray nonce;          // 256 random bits, base64url
    QByteArray codeVerifier;
    QString clientId;
    QUrl fhirBase;
    QUrl issuer;               // from the configuration; checks an RFC 9207 `iss` redirect parameter
};

struct AuthParams {
    QString clientId = QStringLiteral("hearth");
    QStringList scopes = {QStringLiteral("openid"), QStringLiteral("fhirUser"), QStringLiteral("launch/patient"),
                          QStringLiteral("offline_access"), QStringLiteral("patient/*.rs")};
    QUrl redirectUri;
    QString loginHint;         // empty = none
};

// Builds the authorize URL: response_type=code, client_id, redirect_uri, scope, state, nonce,
// code_challenge, code_challenge_method=S256, aud=fhirBase, login_hint if set. Fresh PKCE/state/nonce.
AuthRequest prepareAuthRequest(const SmartConfiguration &config, const QUrl &fhirBase, const AuthParams &params);

// Checks the redirect the browser delivered:
// - not the registered redirect URI (scheme/host/port/path) → Security "redirect URI mismatch";
// - an `error` parameter → Auth error, Error::outcome = the server's error code;
// - `state` missing or different (constant-time) → Security "state mismatch";
// - an `iss` parameter different from the issuer → Security "issuer mismatch";
// - no `code` → Auth error. Otherwise returns the code.
Result<QString> codeFromRedirect(const AuthRequest &request, const QUrl &redirect);

} // namespace hearth
