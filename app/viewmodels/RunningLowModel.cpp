#include "RunningLowModel.h"

#include "PrescriptionRequests.h"
#include "PrescriptionsRepository.h"
#include "common/Log.h"

#include <QLocale>

namespace hearth {

RunningLowModel::RunningLowModel(QObject *parent)
    : QAbstractListModel(parent), m_now([] { return QDateTime::currentDateTimeUtc(); })
{
}

int RunningLowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant RunningLowModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const RunningLow &item = m_items.at(index.row());
    switch (role) {
    case TemplateIdRole: return item.templateId;
    case MedicationRole: return item.medication;
    case DaysLeftRole: return item.daysLeft;
    case MessageRole: return message(item);
    default: return {};
    }
}

QHash<int, QByteArray> RunningLowModel::roleNames() const
{
    return {{TemplateIdRole, "templateId"}, {MedicationRole, "medication"}, {DaysLeftRole, "daysLeft"},
            {MessageRole, "message"}};
}

QString RunningLowModel::message(const RunningLow &item)
{
    if (item.daysLeft <= 0)
        //: %1 is a medicine's name
        return tr("Your %1 may have run out — order now?").arg(item.medication);
    if (item.daysLeft == 1)
        //: %1 is a medicine's name
        return tr("About 1 day of %1 left — order now?").arg(item.medication);
    //: %1 is a number of days (2 to 10), %2 a medicine's name, e.g. "About 6 days of Amlodipine 5mg tablets left — order now?"
    return tr("About %1 days of %2 left — order now?").arg(QLocale().toString(item.daysLeft), item.medication);
}

void RunningLowModel::setSources(const PrescriptionsRepository *repository, MetaStore *meta, OutboxSource outbox)
{
    m_repository = repository;
    m_meta = meta;
    m_outbox = std::move(outbox);
    reload();
}

void RunningLowModel::setItems(const QList<RunningLow> &items)
{
    if (items == m_items)
        return;
    const bool countChanges = items.size() != m_items.size();
    beginResetModel();
    m_items = items;
    endResetModel();
    if (countChanges)
        emit countChanged();
}

void RunningLowModel::reload()
{
    if (!m_repository || !m_meta) {
        setItems({});
        return;
    }
    const QDateTime now = m_now();
    const auto templates = m_repository->repeatTemplates(now);
    if (!templates) {
        // A card is a suggestion: on a read failure show none rather than a wrong one.
        qCWarning(lcApp) << "running low: templates unreadable:" << templates.error().describe();
        setItems({});
        return;
    }
    QList<RunningLow> items = prescriptions::runningLow(*templates, now);
    if (!items.isEmpty()) {
        const auto requests = prescriptions::requestViews(*m_repository, m_outbox ? m_outbox() : QList<OutboxItem>());
        if (!requests) {
            qCWarning(lcApp) << "running low: requests unreadable:" << requests.error().describe();
            setItems({});
            return;
        }
        items = prescriptions::withoutOpenRequests(items, *requests);
    }
    const auto visible = RunningLowDismissals(*m_meta).visible(items);
    setItems(visible ? *visible : QList<RunningLow>());
}

bool RunningLowModel::dismiss(const QString &templateId)
{
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).templateId != templateId)
            continue;
        if (!m_meta || !RunningLowDismissals(*m_meta).dismiss(m_items.at(i))) {
            qCWarning(lcApp) << "running low: dismissal not saved";
            return false;
        }
        beginRemoveRows({}, int(i), int(i));
        m_items.removeAt(i);
        endRemoveRows();
        emit countChanged();
        return true;
    }
    return false;
}

} // namespace hearth
