#pragma once

#include <QString>

#include <memory>

namespace hearth::platform {

// Shows one notice outside the app: a desktop notification, an Android notification or an iOS
// local notification. Callers pass only words that are safe on a lock screen (the app's name and
// a sentence such as "You have a new message in Hearth"): never a medicine, sender, pharmacy or any
// other health content. Implementations never block and never fail loudly: with no notification
// service they log one line and drop the notice (the app itself still shows everything).
class Notifier {
public:
    virtual ~Notifier();
    virtual void notify(const QString &title, const QString &body) = 0;
};

// The platform's notifier, chosen in platform/CMakeLists.txt (desktop: org.freedesktop.Notifications
// over D-Bus; Android: NotificationCompat; iOS: UNUserNotificationCenter).
std::unique_ptr<Notifier> makeNotifier();

} // namespace hearth::platform

namespace hearth {
using platform::Notifier;
using platform::makeNotifier;
} // namespace hearth
