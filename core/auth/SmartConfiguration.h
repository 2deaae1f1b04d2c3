#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QStringList>
#include <QUrl>

namespace hearth {

// The parts of a SMART (.well-known/smart-configuration) or OpenID Provider configuration that the
// sign-in flow uses.
struct SmartConfiguration {
    QUrl issuer;                    // may be empty in a SMART document; required to verify an id_token
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;                   // may be empty in a SMART document; required to verify an id_token
    QStringList codeChallengeMethods;
    QStringList scopesSupported;
    QStringList capabilities;

    // Requires authorization_endpoint and token_endpoint (https, or http on loopback only) and
    // code_challenge_methods_supported containing "S256". issuer/jwks_uri are checked when present.
    static Result<SmartConfiguration> fromJson(const QByteArray &json);

    // True when the document has what id_token verification needs (issuer and jwks_uri).
    bool supportsOpenId() const { return issuer.isValid() && !issuer.isEmpty() && jwksUri.isValid() && !jwksUri.isEmpty(); }
};

} // namespace hearth
