#include "PrescriptionsListModel.h"

namespace hearth {

PrescriptionsListModel::PrescriptionsListModel(QByteArrayList roles, QString emptyText, QObject *parent)
    : QAbstractListModel(parent), m_roles(std::move(roles)), m_emptyText(std::move(emptyText))
{
}

int PrescriptionsListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PrescriptionsListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int which = role - Qt::UserRole - 1;
    if (which < 0 || which >= m_roles.size())
        return {};
    return m_rows.at(index.row()).value(QString::fromLatin1(m_roles.at(which)));
}

QHash<int, QByteArray> PrescriptionsListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_roles.size(); ++i)
        names.insert(Qt::UserRole + 1 + i, m_roles.at(i));
    return names;
}

void PrescriptionsListModel::setRows(QList<QVariantMap> rows)
{
    const qsizetype common = std::min(m_rows.size(), rows.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (m_rows.at(i) != rows.at(i)) {
            m_rows[i] = rows.at(i);
            emit dataChanged(index(int(i)), index(int(i)));
        }
    }
    if (rows.size() > m_rows.size()) {
        beginInsertRows({}, int(m_rows.size()), int(rows.size() - 1));
        m_rows = std::move(rows);
        endInsertRows();
        emit countChanged();
    } else if (rows.size() < m_rows.size()) {
        beginRemoveRows({}, int(rows.size()), int(m_rows.size() - 1));
        m_rows = std::move(rows);
        endRemoveRows();
        emit countChanged();
    }
    if (!m_errorText.isEmpty()) {
        m_errorText.clear();
        emit errorTextChanged();
    }
    setStatus(m_rows.isEmpty() ? Empty : Content);
}

void PrescriptionsListModel::setLoading()
{
    setStatus(Loading);
}

void PrescriptionsListModel::setError(const QString &translatedText)
{
    if (m_errorText != translatedText) {
        m_errorText = translatedText;
        emit errorTextChanged();
    }
    setStatus(Error);
}

void PrescriptionsListModel::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    emit statusChanged();
}

} // namespace hearth
