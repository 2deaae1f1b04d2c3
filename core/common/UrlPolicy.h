#pragma once

#include <QUrl>

namespace hearth {

// The one rule for where Hearth may talk to: https anywhere, plain http only on this machine's
// loopback (the sandbox and local test servers). Tokens and health data never cross plain http.
bool isLoopbackUrl(const QUrl &url);
bool isAllowedServerUrl(const QUrl &url);

} // namespace hearth
