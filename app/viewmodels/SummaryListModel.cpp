#include "SummaryListModel.h"

namespace hearth {

using namespace Qt::StringLiterals;

SummaryListModel::SummaryListModel(QObject *parent) : QAbstractListModel(parent) {}

int SummaryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SummaryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case TitleRole: return r.title;
    case DetailRole: return r.detail;
    case DateTextRole: return r.dateText;
    case FlagRole: return r.flag;
    case FlagTextRole: return r.flagText;
    case AccessibleTextRole: return r.accessibleText;
    default: return {};
    }
}

QHash<int, QByteArray> SummaryListModel::roleNames() const
{
    // Never "display": it clashes with ItemDelegate's own property in Qt 6.4.
    return {{TitleRole, "title"},       {DetailRole, "detail"},     {DateTextRole, "dateText"},
            {FlagRole, "flag"},         {FlagTextRole, "flagText"}, {AccessibleTextRole, "accessibleText"}};
}

void SummaryListModel::setEmptyText(const QString &text)
{
    if (text == m_emptyText)
        return;
    m_emptyText = text;
    Q_EMIT emptyTextChanged();
}

QString SummaryListModel::sentenceFor(const Row &row)
{
    QStringList parts;
    for (const QString &p : {row.title, row.detail, row.flagText, row.dateText}) {
        const QString t = QString(p).replace(u'\n', u", "_s).trimmed();
        if (!t.isEmpty())
            parts << t;
    }
    return parts.isEmpty() ? QString() : parts.join(u", "_s) + u'.';
}

void SummaryListModel::setRows(QList<Row> rows)
{
    for (Row &r : rows) {
        if (r.accessibleText.isEmpty())
            r.accessibleText = sentenceFor(r);
    }
    replaceRows(std::move(rows));
    if (!m_errorText.isEmpty()) {
        m_errorText.clear();
        Q_EMIT errorTextChanged();
    }
    setStatus(m_rows.isEmpty() ? Empty : Content);
}

void SummaryListModel::setLoading()
{
    setStatus(Loading);
}

void SummaryListModel::setError(const QString &translatedText)
{
    replaceRows({});
    if (translatedText != m_errorText) {
        m_errorText = translatedText;
        Q_EMIT errorTextChanged();
    }
    setStatus(Error);
}

void SummaryListModel::setStatus(Status s)
{
    if (s == m_status)
        return;
    m_status = s;
    Q_EMIT statusChanged();
}

// Minimal signals for the common cases (first fill, clear, same length); a reset otherwise.
void SummaryListModel::replaceRows(QList<Row> rows)
{
    const int oldCount = int(m_rows.size());
    const int newCount = int(rows.size());
    if (oldCount == 0 && newCount == 0)
        return;
    if (oldCount == 0) {
        beginInsertRows({}, 0, newCount - 1);
        m_rows = std::move(rows);
        endInsertRows();
    } else if (newCount == 0) {
        beginRemoveRows({}, 0, oldCount - 1);
        m_rows.clear();
        endRemoveRows();
    } else if (oldCount == newCount) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < newCount; ++i) {
            if (!(m_rows.at(i) == rows.at(i))) {
                if (first < 0)
                    first = i;
                last = i;
            }
        }
        m_rows = std::move(rows);
        if (first >= 0)
            Q_EMIT dataChanged(index(first), index(last));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    if (oldCount != newCount)
        Q_EMIT countChanged();
}

} // namespace hearth
