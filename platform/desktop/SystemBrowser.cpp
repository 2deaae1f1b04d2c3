#include "SystemBrowser.h"

#include <QDesktopServices>

namespace hearth::platform {

bool openInSystemBrowser(const QUrl &url)
{
    // xdg-open / LaunchServices / ShellExecute: the user's default browser.
    return QDesktopServices::openUrl(url);
}

} // namespace hearth::platform
