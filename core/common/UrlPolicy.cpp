#include "UrlPolicy.h"

namespace hearth {

bool isLoopbackUrl(const QUrl &url)
{
    const QString host = url.host().toLower();
    return host == QLatin1String("localhost") || host == QLatin1String("::1")
            || (host.startsWith(QLatin1String("127.")) && host.count(u'.') == 3);
}

bool isAllowedServerUrl(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    return scheme == QLatin1String("http") && isLoopbackUrl(url);
}

} // namespace hearth
