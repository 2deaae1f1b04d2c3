#pragma once

#include "RequestNotifications.h"

#include <QObject>
#include <QStringList>

namespace hearth {

class MetaStore;
namespace platform { class Notifier; }

// Turns what changed after a sync into notifications, in words that are safe on a lock screen: the
// title is always "Hearth" and the body never names a medicine, pharmacy, practice or sender
// (issue 5 and the architecture's rule: "notifications never show health content"). The Notifier is
// built once in main.cpp and handed in; messages (issue 6) can send through the same one.
class NotificationCenter : public QObject {
    Q_OBJECT
public:
    explicit NotificationCenter(QObject *parent = nullptr);

    // Not owned; null = notices are worked out and remembered but shown nowhere (tests, self-test).
    void setNotifier(platform::Notifier *notifier) { m_notifier = notifier; }
    platform::Notifier *notifier() const { return m_notifier; }

    // After a successful sync of the patient whose meta table is `meta`: notifies what changed in their
    // repeat requests since the last notice. Returns how many notifications were sent (or would have been).
    int requestsSynced(const QList<RequestItemView> &requests, MetaStore &meta);

    // Messages (issue 6): new messages arrived in a sync (count > 0). "You have a new message in Hearth";
    // never the sender or the content. For msg6's wiring; nothing calls it on this branch yet.
    void newMessages(int count);

    static QString title();
    static QString messagesBody(int count);
    static QString body(RequestNotice::Kind kind);
    // Every title and body this class can send, for the "no health content" test.
    static QStringList everyText();

signals:
    // Each notification as sent (also without a Notifier), for tests and a future in-app list.
    void notified(const QString &title, const QString &body);

private:
    platform::Notifier *m_notifier = nullptr;
};

} // namespace hearth
