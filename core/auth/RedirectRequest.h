#pragma once

#include <QByteArray>

namespace hearth {

// What the loopback listener received, read from the raw bytes a browser sent (pure: no sockets, so
// it is unit tested and fuzzed on its own).
struct RedirectRequest {
    enum class Kind {
        Incomplete,   // no end of headers yet: wait for more bytes
        TooLarge,     // more than the limit without a complete request: 431
        BadRequest,   // not an HTTP/1.x request line: 400
        NotFound,     // another method or path: 404 (the listener keeps waiting)
        Callback,     // GET /callback[?query]
    };
    Kind kind = Kind::Incomplete;
    QByteArray query;   // Callback: the raw query after '?', empty if none
};

RedirectRequest parseRedirectRequest(const QByteArray &buffer, qsizetype maxBytes);

} // namespace hearth
