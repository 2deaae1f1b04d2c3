#pragma once
// Test helpers for "what did the app leave behind": every file under a set of roots (sockets, FIFOs
// and devices skipped), and every item in the Secret Service's default collection, read over D-Bus
// straight from gnome-keyring rather than through qtkeychain, so the check does not trust the code
// under test.
#include <QByteArray>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSet>
#include <QStringList>

namespace hearth::test {

inline QStringList filesUnder(const QStringList &roots)
{
    QSet<QString> out;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QFileInfo info(path);
            if (info.isFile() && !info.isSymLink())
                out << info.canonicalFilePath();
        }
    }
    QStringList list(out.begin(), out.end());
    std::sort(list.begin(), list.end());
    return list;
}

// Each sentinel as UTF-8 and as UTF-16LE (what a QString or a UTF-16 database would write).
inline QList<QByteArray> encodings(const QString &sentinel)
{
    const QByteArray utf16(reinterpret_cast<const char *>(sentinel.utf16()), sentinel.size() * 2);
    return {sentinel.toUtf8(), utf16};
}

// "file: sentinel" for every sentinel found in every file.
inline QStringList scanForSentinels(const QStringList &files, const QStringList &sentinels)
{
    QStringList hits;
    for (const QString &path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        for (const QString &s : sentinels)
            for (const QByteArray &needle : encodings(s))
                if (bytes.contains(needle))
                    hits << path + QStringLiteral(": ") + s;
    }
    return hits;
}

// Labels (and attributes) of every item in the default Secret Service collection.
inline QStringList keyringItems()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusInterface props(QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets/aliases/default"),
                         QStringLiteral("org.freedesktop.DBus.Properties"), bus);
    QDBusReply<QDBusVariant> items = props.call(QStringLiteral("Get"), QStringLiteral("org.freedesktop.Secret.Collection"),
                                                QStringLiteral("Items"));
    if (!items.isValid())
        return {QStringLiteral("<keyring unreachable: ") + items.error().message() + u'>'};
    QList<QDBusObjectPath> paths;
    items.value().variant().value<QDBusArgument>() >> paths;
    QStringList out;
    for (const QDBusObjectPath &path : paths) {
        QDBusInterface item(QStringLiteral("org.freedesktop.secrets"), path.path(),
                            QStringLiteral("org.freedesktop.DBus.Properties"), bus);
        QDBusReply<QDBusVariant> label = item.call(QStringLiteral("Get"), QStringLiteral("org.freedesktop.Secret.Item"),
                                                   QStringLiteral("Label"));
        out << path.path() + QStringLiteral(" ") + (label.isValid() ? label.value().variant().toString() : QString());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace hearth::test
