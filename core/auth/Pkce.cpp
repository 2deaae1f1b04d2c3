#include "auth/Pkce.h"

#include "auth/AuthCrypto.h"

namespace hearth {

Pkce Pkce::generate()
{
    Pkce pkce;
    pkce.verifier = authcrypto::randomB64url(32);
    pkce.challenge = challengeFor(pkce.verifier);
    return pkce;
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return authcrypto::b64url(authcrypto::sha256(verifier));
}

} // namespace hearth
