#pragma once

#include <QString>

namespace hearth::redaction {

// Masks what must never reach a log line, as a second line of defence behind "never log bodies,
// tokens, names or identifiers" (a log line is often copied into a bug report):
//   Authorization/Bearer values, JWT-shaped strings, OAuth parameters (code, state, nonce, tokens,
//   login_hint, code_verifier) in URLs, forms and JSON, NHS numbers (10 digits, optionally spaced
//   3-3-4, that pass the modulus-11 check), e-mail addresses, UUIDs, and the id after a FHIR resource
//   type in a URL path ("Patient/abc" → "Patient/[id]") or in a patient-naming query parameter.
// Names cannot be recognised by pattern; the rule that code never logs them is checked by the
// sentinel test in tests/security instead.
QString redact(const QString &message);

// True for a 10-digit NHS number whose check digit is right (modulus 11).
bool isNhsNumber(const QString &digits);

// Installs a Qt message handler that redacts every message (all categories, Qt's own included)
// before handing it to the handler that was installed before, so the default output or a test's
// capture sees only the redacted text. Safe to call more than once (installs once).
void installMessageHandler();

} // namespace hearth::redaction
