#pragma once

#include "RunningLow.h"
#include "store/OutboxStore.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <functional>

namespace hearth {

class MetaStore;
class PrescriptionsRepository;


// The home page's "running low" cards: repeats with about 10 days or fewer left, orderable online,
// not already asked for since their last issue, not dismissed for their current issue.
//
// Roles (QML names): templateId, medication, daysLeft, message ("About 6 days of Amlodipine 5mg
// tablets left — order now?").
class RunningLowModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { TemplateIdRole = Qt::UserRole + 1, MedicationRole, DaysLeftRole, MessageRole };
    Q_ENUM(Role)

    explicit RunningLowModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Where the rows come from; all null/empty detaches (sign-out, store reopened). Not owned.
    using OutboxSource = std::function<QList<OutboxItem>()>;
    void setSources(const PrescriptionsRepository *repository, MetaStore *meta, OutboxSource outbox);
    // The clock (UTC); tests fix it.
    void setClock(std::function<QDateTime()> nowUtc) { m_now = std::move(nowUtc); }

    // Reads the store again (after a sync, or when the app comes back).
    Q_INVOKABLE void reload();
    // "Dismiss": hides the card until that medicine's next issue. False if it could not be saved.
    Q_INVOKABLE bool dismiss(const QString &templateId);

    QList<RunningLow> items() const { return m_items; }
    static QString message(const RunningLow &item);

Q_SIGNALS:
    void countChanged();

private:
    void setItems(const QList<RunningLow> &items);
    const PrescriptionsRepository *m_repository = nullptr;
    MetaStore *m_meta = nullptr;
    OutboxSource m_outbox;
    std::function<QDateTime()> m_now;
    QList<RunningLow> m_items;
};

} // namespace hearth
