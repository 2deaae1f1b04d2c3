#include "SectionListModel.h"

namespace hearth {

SectionListModel::SectionListModel(QString emptyText, QObject *parent)
    : QAbstractListModel(parent), m_emptyText(std::move(emptyText))
{
}

int SectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case ResourceIdRole: return r.resourceId;
    case TitleRole: return r.title;
    case DetailRole: return r.detail;
    case SecondaryRole: return r.secondary;
    case DateTextRole: return r.dateText;
    case FlagRole: return r.flag;
    case FlagTextRole: return r.flagText;
    case GroupRole: return r.group;
    case SupportedRole: return r.supported;
    case AccessibleTextRole: return r.accessibleText.isEmpty() ? sentenceFor(r) : r.accessibleText;
    default: return {};
    }
}

QHash<int, QByteArray> SectionListModel::roleNames() const
{
    return {{ResourceIdRole, "resourceId"}, {TitleRole, "title"},       {DetailRole, "detail"},
            {SecondaryRole, "secondary"},   {DateTextRole, "dateText"}, {FlagRole, "flag"},
            {FlagTextRole, "flagText"},     {GroupRole, "group"},       {SupportedRole, "supported"},
            {AccessibleTextRole, "accessibleText"}};
}

QString SectionListModel::sentenceFor(const Row &row)
{
    QStringList parts;
    for (const QString &p : {row.title, row.flagText, row.detail, row.secondary, row.dateText}) {
        if (!p.isEmpty())
            parts << p;
    }
    return parts.join(QStringLiteral(". ")).replace(u'\n', QStringLiteral(". "));
}

void SectionListModel::setRows(QList<Row> rows, bool canLoadMore)
{
    const qsizetype before = m_rows.size();
    const qsizetype common = qMin(before, rows.size());
    // Same position, different content: dataChanged; the tail is inserted or removed.
    qsizetype firstChanged = -1, lastChanged = -1;
    for (qsizetype i = 0; i < common; ++i) {
        if (!(m_rows[i] == rows[i])) {
            if (firstChanged < 0)
                firstChanged = i;
            lastChanged = i;
            m_rows[i] = rows[i];
        }
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(int(firstChanged)), index(int(lastChanged)));
    if (rows.size() > before) {
        beginInsertRows({}, int(before), int(rows.size() - 1));
        m_rows.append(rows.mid(before));
        endInsertRows();
    } else if (rows.size() < before) {
        beginRemoveRows({}, int(rows.size()), int(before - 1));
        m_rows.resize(rows.size());
        endRemoveRows();
    }
    if (before != m_rows.size())
        Q_EMIT countChanged();
    setCanLoadMore(canLoadMore);
    setStatus(m_rows.isEmpty() ? Empty : Content);
}

void SectionListModel::appendRows(const QList<Row> &rows, bool canLoadMore)
{
    if (!rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
        m_rows.append(rows);
        endInsertRows();
        Q_EMIT countChanged();
    }
    setCanLoadMore(canLoadMore);
    setStatus(m_rows.isEmpty() ? Empty : Content);
}

void SectionListModel::setLoading()
{
    setStatus(Loading);
}

void SectionListModel::setError(const QString &translatedText)
{
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
        Q_EMIT countChanged();
    }
    setCanLoadMore(false);
    if (m_errorText != translatedText) {
        m_errorText = translatedText;
        Q_EMIT errorTextChanged();
    }
    setStatus(Error);
}

void SectionListModel::setStatus(Status s)
{
    if (s == m_status)
        return;
    m_status = s;
    Q_EMIT statusChanged();
}

void SectionListModel::setCanLoadMore(bool more)
{
    if (more == m_canLoadMore)
        return;
    m_canLoadMore = more;
    Q_EMIT canLoadMoreChanged();
}

} // namespace hearth
