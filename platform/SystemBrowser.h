#pragma once

#include <QUrl>

namespace hearth::platform {

// Opens the sign-in page in the system browser (RFC 8252: never an embedded WebView, so the
// patient's password never passes through Hearth). Each platform has its own implementation,
// chosen in platform/CMakeLists.txt.
bool openInSystemBrowser(const QUrl &url);

} // namespace hearth::platform
