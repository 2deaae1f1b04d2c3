// iOS: NEVER COMPILED HERE (no Xcode on the build machine; see docs/platforms.md). Reviewed by hand
// against the UserNotifications framework (iOS 14+). Built with ARC (-fobjc-arc, platform/CMakeLists.txt).
#include "Notifier.h"

#include <QLoggingCategory>

#import <Foundation/Foundation.h>
#import <UserNotifications/UserNotifications.h>

Q_LOGGING_CATEGORY(lcNotify, "hearth.notify", QtInfoMsg)

// Without a delegate iOS drops local notifications while the app is in the foreground, which is
// exactly when a sync finishes. The words are lock-screen safe, so a banner is fine.
@interface HearthNotificationDelegate : NSObject <UNUserNotificationCenterDelegate>
@end

@implementation HearthNotificationDelegate
- (void)userNotificationCenter:(UNUserNotificationCenter *)center
       willPresentNotification:(UNNotification *)notification
         withCompletionHandler:(void (^)(UNNotificationPresentationOptions))completionHandler
{
    Q_UNUSED(center);
    Q_UNUSED(notification);
    completionHandler(UNNotificationPresentationOptionBanner | UNNotificationPresentationOptionList);
}
@end

namespace hearth::platform {

Notifier::~Notifier() = default;

namespace {

class IosNotifier final : public Notifier {
public:
    IosNotifier()
    {
        m_delegate = [[HearthNotificationDelegate alloc] init];
        UNUserNotificationCenter *center = [UNUserNotificationCenter currentNotificationCenter];
        center.delegate = m_delegate;   // the center holds it weakly: this object keeps it alive
        [center requestAuthorizationWithOptions:(UNAuthorizationOptionAlert | UNAuthorizationOptionSound)
                              completionHandler:^(BOOL granted, NSError *error) {
                                  if (!granted || error)
                                      qCInfo(lcNotify) << "notifications not allowed on this device";
                              }];
    }
    ~IosNotifier() override
    {
        UNUserNotificationCenter *center = [UNUserNotificationCenter currentNotificationCenter];
        if (center.delegate == m_delegate)
            center.delegate = nil;
    }

    void notify(const QString &title, const QString &body) override
    {
        UNMutableNotificationContent *content = [[UNMutableNotificationContent alloc] init];
        content.title = title.toNSString();
        content.body = body.toNSString();
        content.sound = [UNNotificationSound defaultSound];
        // trigger nil: deliver now. A fresh identifier so two notices never replace each other.
        UNNotificationRequest *request = [UNNotificationRequest requestWithIdentifier:[[NSUUID UUID] UUIDString]
                                                                              content:content
                                                                              trigger:nil];
        [[UNUserNotificationCenter currentNotificationCenter]
                addNotificationRequest:request
                 withCompletionHandler:^(NSError *error) {
                     if (error)
                         qCInfo(lcNotify) << "notification not shown: the system refused it";
                 }];
    }

private:
    HearthNotificationDelegate *m_delegate = nil;   // strong under ARC
};

} // namespace

std::unique_ptr<Notifier> makeNotifier()
{
    return std::make_unique<IosNotifier>();
}

} // namespace hearth::platform
