#include "auth/RedirectRequest.h"

#include <QList>

namespace hearth {

RedirectRequest parseRedirectRequest(const QByteArray &buffer, qsizetype maxBytes)
{
    using Kind = RedirectRequest::Kind;
    if (buffer.size() > maxBytes)
        return {Kind::TooLarge, {}};
    if (!buffer.contains("\r\n\r\n"))
        return {Kind::Incomplete, {}};

    const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return {Kind::BadRequest, {}};
    const QByteArray &target = requestLine[1];
    const qsizetype q = target.indexOf('?');
    const QByteArray path = q < 0 ? target : target.left(q);
    if (requestLine[0] != "GET" || path != "/callback")
        return {Kind::NotFound, {}};
    return {Kind::Callback, q < 0 ? QByteArray() : target.mid(q + 1)};
}

} // namespace hearth
