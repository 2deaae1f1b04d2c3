#include "DBusNotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QVariantMap>

Q_LOGGING_CATEGORY(lcNotify, "hearth.notify", QtInfoMsg)

namespace hearth::platform {

Notifier::~Notifier() = default;

std::unique_ptr<Notifier> makeNotifier()
{
    return std::make_unique<DBusNotifier>();
}

DBusNotifier::DBusNotifier(const QDBusConnection &bus, const QString &service, QObject *parent)
    : QObject(parent), m_bus(bus), m_service(service)
{
}

void DBusNotifier::drop(const QString &why)
{
    // Only the kind of trouble is logged: the notice's words stay out of logs.
    if (!m_loggedDrop)
        qCInfo(lcNotify) << "desktop notification not shown:" << why;
    m_loggedDrop = true;
    emit dropped();
}

void DBusNotifier::notify(const QString &title, const QString &body)
{
    if (!m_bus.isConnected()) {
        drop(QStringLiteral("no D-Bus session bus"));
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(m_service, QString::fromLatin1(kPath),
                                                       QString::fromLatin1(kInterface), QStringLiteral("Notify"));
    // Notify(app_name s, replaces_id u, app_icon s, summary s, body s, actions as, hints a{sv}, expire_timeout i)
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(1)));   // normal
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("hearth"));
    call << QStringLiteral("Hearth") << uint(0) << QString() << title << body << QStringList() << hints << int(-1);
    // A missing service is not auto-started forever: fail fast rather than hold a call open.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        const QDBusPendingReply<uint> reply = *w;
        w->deleteLater();
        if (reply.isError()) {
            drop(reply.error().name());
            return;
        }
        m_loggedDrop = false;   // the service is back: log the next trouble again
        emit delivered(reply.value());
    });
}

} // namespace hearth::platform
