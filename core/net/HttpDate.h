#pragma once

#include <QByteArray>
#include <QDateTime>

namespace hearth {

// Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Returns seconds to wait
// from `now`, or -1 if the header is absent or unreadable.
int parseRetryAfter(const QByteArray &value, const QDateTime &now);

// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), as in the Date header. Invalid if unreadable.
QDateTime parseHttpDate(const QByteArray &value);

} // namespace hearth
