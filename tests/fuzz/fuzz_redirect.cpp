// What a browser (or anything else on the machine) sends to the loopback sign-in listener: the raw
// request is parsed, and a callback's query goes through the same checks as a real sign-in.
#include "auth/AuthRequest.h"
#include "auth/RedirectRequest.h"

#include <QUrl>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const hearth::RedirectRequest request = hearth::parseRedirectRequest(bytes, 16 * 1024);
    if (request.kind != hearth::RedirectRequest::Kind::Callback)
        return 0;
    static const hearth::AuthRequest expected = [] {
        hearth::AuthRequest r;
        r.redirectUri = QUrl(QStringLiteral("http://127.0.0.1:8123/callback"));
        r.state = QByteArrayLiteral("c3RhdGUtb2YtdGhlLWZ1enotcnVu");
        r.nonce = QByteArrayLiteral("bm9uY2U");
        r.clientId = QStringLiteral("hearth");
        r.issuer = QUrl(QStringLiteral("http://127.0.0.1:8124/oauth2"));
        return r;
    }();
    QUrl url = expected.redirectUri;
    url.setQuery(QString::fromLatin1(request.query), QUrl::TolerantMode);
    (void)hearth::codeFromRedirect(expected, url);
    return 0;
}
