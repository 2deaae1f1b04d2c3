#include "HttpDate.h"

#include <QLocale>
#include <QTimeZone>

namespace hearth {

QDateTime parseHttpDate(const QByteArray &value)
{
    // Day and month names are fixed English tokens, whatever the user's locale.
    QDateTime parsed = QLocale::c().toDateTime(QString::fromLatin1(value.trimmed()),
                                               QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    parsed.setTimeZone(QTimeZone::utc());
    return parsed;
}

int parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool isNumber = false;
    const int seconds = trimmed.toInt(&isNumber);
    if (isNumber)
        return seconds < 0 ? -1 : seconds;
    const QDateTime when = parseHttpDate(trimmed);
    if (!when.isValid())
        return -1;
    return static_cast<int>(qMax<qint64>(0, now.secsTo(when)));
}

} // namespace hearth
