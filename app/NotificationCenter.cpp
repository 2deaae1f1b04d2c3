#include "NotificationCenter.h"

#include "Notifier.h"
#include "common/Log.h"

namespace hearth {

NotificationCenter::NotificationCenter(QObject *parent) : QObject(parent) {}

QString NotificationCenter::title()
{
    return QStringLiteral("Hearth");   // the app's name, not translated
}

QString NotificationCenter::body(RequestNotice::Kind kind)
{
    switch (kind) {
    case RequestNotice::Kind::Approved:
        return tr("Your prescription request has been approved");
    case RequestNotice::Kind::ReadyToCollect:
        return tr("Your prescription is ready to collect");
    case RequestNotice::Kind::Rejected:   // the practice's reason is read inside the app, not on a lock screen
    case RequestNotice::Kind::Updated:
        break;
    }
    return tr("A prescription request has been updated");
}

QString NotificationCenter::messagesBody(int count)
{
    return count == 1 ? tr("You have a new message in Hearth") : tr("You have new messages in Hearth");
}

void NotificationCenter::newMessages(int count)
{
    if (count <= 0)
        return;
    const QString text = messagesBody(count);
    if (m_notifier)
        m_notifier->notify(title(), text);
    emit notified(title(), text);
}

QStringList NotificationCenter::everyText()
{
    QStringList texts{title(), messagesBody(1), messagesBody(2)};
    for (auto kind : {RequestNotice::Kind::Approved, RequestNotice::Kind::Rejected, RequestNotice::Kind::ReadyToCollect,
                      RequestNotice::Kind::Updated})
        texts << body(kind);
    texts.removeDuplicates();
    return texts;
}

int NotificationCenter::requestsSynced(const QList<RequestItemView> &requests, MetaStore &meta)
{
    const auto notices = RequestNotificationLog(meta).update(requests);
    if (!notices) {
        qCWarning(lcApp) << "request notifications skipped:" << notices.error().describe();
        return 0;
    }
    for (const RequestNotice &notice : *notices) {
        const QString text = body(notice.kind);
        if (m_notifier)
            m_notifier->notify(title(), text);
        emit notified(title(), text);
    }
    return int(notices->size());
}

} // namespace hearth
