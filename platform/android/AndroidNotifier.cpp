// Android: NEVER COMPILED HERE (no NDK or Qt for Android on the build machine; see docs/platforms.md).
// Reviewed by hand against Qt 6.4's QJniObject and QNativeInterface::QAndroidApplication.
// The work is done by uk.nhs.hearth.HearthNotifications (java/), which the Android package must
// include together with androidx.core (NotificationCompat).
#include "Notifier.h"

#include <QCoreApplication>
#include <QJniObject>
#include <QLoggingCategory>
#include <QtCore/qcoreapplication_platform.h>

Q_LOGGING_CATEGORY(lcNotify, "hearth.notify", QtInfoMsg)

namespace hearth::platform {

Notifier::~Notifier() = default;

namespace {

class AndroidNotifier final : public Notifier {
public:
    void notify(const QString &title, const QString &body) override
    {
        // Qt 6.4 returns a jobject here (6.7 a QJniObject): QJniObject takes either.
        const QJniObject context(QNativeInterface::QAndroidApplication::context());
        if (!context.isValid()) {
            qCInfo(lcNotify) << "Android notification not shown: no application context";
            return;
        }
        //: Name of the Android notification channel, shown in the phone's notification settings
        const QString channel = QCoreApplication::translate("Notifier", "Prescriptions and messages");
        QJniObject::callStaticMethod<void>(
                "uk/nhs/hearth/HearthNotifications", "notify",
                "(Landroid/content/Context;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V",
                context.object(), QJniObject::fromString(channel).object<jstring>(),
                QJniObject::fromString(title).object<jstring>(), QJniObject::fromString(body).object<jstring>());
    }
};

} // namespace

std::unique_ptr<Notifier> makeNotifier()
{
    return std::make_unique<AndroidNotifier>();
}

} // namespace hearth::platform
