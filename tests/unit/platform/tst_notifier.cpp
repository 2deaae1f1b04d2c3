// The desktop notifier against a fake org.freedesktop.Notifications service registered on the
// private session bus that tests/with-keyring.sh starts (never the user's own desktop).
#include "desktop/DBusNotifier.h"
#include "support/SpinUntil.h"

#include <catch2/catch.hpp>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>

using namespace hearth;
using hearth::platform::DBusNotifier;

namespace {

// Records every Notify call, as a notification daemon would receive it.
class FakeNotifications : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Received {
        QString appName;
        uint replacesId = 0;
        QString icon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
    };
    QList<Received> received;
    uint nextId = 41;

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        received << Received{appName, replacesId, icon, summary, body, actions, hints, timeout};
        return ++nextId;
    }
    QStringList GetCapabilities() { return {QStringLiteral("body")}; }
};

// The fake service on its own connection, so calls really cross the bus.
struct FakeService {
    QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-notifications"));
    FakeNotifications fake;
    bool registered = false;
    FakeService()
    {
        registered = bus.isConnected()
                && bus.registerObject(QString::fromLatin1(DBusNotifier::kPath), &fake, QDBusConnection::ExportAllSlots)
                && bus.registerService(QString::fromLatin1(DBusNotifier::kService));
    }
    ~FakeService()
    {
        bus.unregisterService(QString::fromLatin1(DBusNotifier::kService));
        bus.unregisterObject(QString::fromLatin1(DBusNotifier::kPath));
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-notifications"));
    }
};

bool onPrivateBus()
{
    // with-keyring.sh runs every test under dbus-run-session; refuse to talk to a real desktop.
    return !qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty() && !qEnvironmentVariable("XDG_RUNTIME_DIR").isEmpty()
            && qEnvironmentVariable("HOME").contains(QLatin1String("hearth-keyring"));
}

} // namespace

TEST_CASE("the desktop notifier sends the spec's Notify call to the session's notification service")
{
    REQUIRE(onPrivateBus());
    FakeService service;
    REQUIRE(service.registered);

    DBusNotifier notifier;   // the app's defaults: session bus, org.freedesktop.Notifications
    QSignalSpy delivered(&notifier, &DBusNotifier::delivered);
    QSignalSpy dropped(&notifier, &DBusNotifier::dropped);
    notifier.notify(QStringLiteral("Hearth"), QStringLiteral("Your prescription is ready to collect"));
    notifier.notify(QStringLiteral("Hearth"), QStringLiteral("A prescription request has been updated"));

    REQUIRE(test::spinUntil([&] { return delivered.size() == 2; }, 10000));
    CHECK(dropped.isEmpty());
    REQUIRE(service.fake.received.size() == 2);
    const auto &first = service.fake.received[0];
    CHECK(first.appName == QStringLiteral("Hearth"));
    CHECK(first.summary == QStringLiteral("Hearth"));
    CHECK(first.body == QStringLiteral("Your prescription is ready to collect"));
    CHECK(first.replacesId == 0u);         // a new notice each time, never replacing another
    CHECK(first.actions.isEmpty());
    CHECK(first.timeout == -1);            // the server's default
    CHECK(first.hints.value(QStringLiteral("urgency")).toInt() == 1);
    CHECK(service.fake.received[1].body == QStringLiteral("A prescription request has been updated"));
    // The id the service gave back is what the notifier reports.
    CHECK(delivered[0].at(0).toUInt() == 42u);
    CHECK(delivered[1].at(0).toUInt() == 43u);
}

TEST_CASE("with no notification service the notifier drops the notice quietly")
{
    REQUIRE(onPrivateBus());
    REQUIRE_FALSE(QDBusConnection::sessionBus().interface()->isServiceRegistered(QStringLiteral("org.hearth.test.NoNotifications")));
    DBusNotifier notifier(QDBusConnection::sessionBus(), QStringLiteral("org.hearth.test.NoNotifications"));
    QSignalSpy delivered(&notifier, &DBusNotifier::delivered);
    QSignalSpy dropped(&notifier, &DBusNotifier::dropped);
    notifier.notify(QStringLiteral("Hearth"), QStringLiteral("You have a new message in Hearth"));
    REQUIRE(test::spinUntil([&] { return dropped.size() == 1; }, 10000));
    CHECK(delivered.isEmpty());
}

TEST_CASE("with no session bus at all the notifier drops the notice at once")
{
    DBusNotifier notifier(QDBusConnection(QStringLiteral("never-connected")));
    QSignalSpy dropped(&notifier, &DBusNotifier::dropped);
    notifier.notify(QStringLiteral("Hearth"), QStringLiteral("You have a new message in Hearth"));
    CHECK(dropped.size() == 1);
}

TEST_CASE("makeNotifier gives the desktop notifier on Linux")
{
    const auto notifier = platform::makeNotifier();
    REQUIRE(notifier);
    CHECK(dynamic_cast<DBusNotifier *>(notifier.get()) != nullptr);
}

#include "tst_notifier.moc"
