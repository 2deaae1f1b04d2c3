#pragma once

#include <QByteArray>
#include <optional>

// Small crypto/encoding helpers shared by the auth code. Internal to hearth_auth, but public so tests
// can check the edge cases directly.
namespace hearth::authcrypto {

// base64url without padding (RFC 7515 §2).
QByteArray b64url(const QByteArray &data);
// Strict base64url decode: only [A-Za-z0-9_-], no padding, no whitespace, and the input must be the
// canonical encoding of the result (no stray bits). Anything else is rejected.
std::optional<QByteArray> b64urlDecodeStrict(const QByteArray &text);
// `bytes` random bytes from the system CSPRNG, base64url-encoded.
QByteArray randomB64url(int bytes);
QByteArray sha256(const QByteArray &data);
// Constant-time equality (length is not secret). Used for state and nonce.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace hearth::authcrypto
