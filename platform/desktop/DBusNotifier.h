#pragma once

#include "Notifier.h"

#include <QDBusConnection>
#include <QObject>

namespace hearth::platform {

// Desktop Linux: the freedesktop.org Desktop Notifications Specification (the Notify method of
// org.freedesktop.Notifications on the session bus), which GNOME Shell, KDE Plasma, dunst, mako and
// others implement. Calls are asynchronous; with no bus or no notification service the notice is
// dropped with one log line, never an error the patient sees.
class DBusNotifier final : public QObject, public Notifier {
    Q_OBJECT
public:
    static constexpr const char *kService = "org.freedesktop.Notifications";
    static constexpr const char *kPath = "/org/freedesktop/Notifications";
    static constexpr const char *kInterface = "org.freedesktop.Notifications";

    // `bus` and `service` are for tests (a fake service on a private bus); the app uses the defaults.
    explicit DBusNotifier(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                          const QString &service = QString::fromLatin1(kService), QObject *parent = nullptr);

    void notify(const QString &title, const QString &body) override;

signals:
    void delivered(uint notificationId);   // the service accepted the notice
    void dropped();                        // no bus, no service or the service refused it

private:
    void drop(const QString &why);
    QDBusConnection m_bus;
    QString m_service;
    bool m_loggedDrop = false;   // one log line per kind of trouble is enough
};

} // namespace hearth::platform
