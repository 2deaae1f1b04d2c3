#include "SyncProblemsModel.h"

#include "SyncWording.h"

#include <QCoreApplication>

namespace hearth {

SyncProblemsModel::SyncProblemsModel(QObject *parent) : QAbstractListModel(parent) {}

int SyncProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SyncProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case TitleRole: return r.title;
    case DetailRole: return r.detail;
    case AccessibleTextRole: return r.accessibleText;
    default: return {};
    }
}

QHash<int, QByteArray> SyncProblemsModel::roleNames() const
{
    return {{TitleRole, "title"}, {DetailRole, "detail"}, {AccessibleTextRole, "accessibleText"}};
}

QString SyncProblemsModel::emptyText() const
{
    return tr("All parts of your record are up to date.");
}

SyncProblemsModel::Row SyncProblemsModel::rowFor(const Problem &problem)
{
    Row row;
    row.title = SyncWording::sectionTitle(problem.resourceType);
    const QString reason = SyncWording::reasonText(problem.storedError);
    // "You need to sign in again" already says what to do; anything else Hearth retries itself.
    const QString next = SyncWording::needsSignIn(problem.storedError)
            ? tr("Your saved record is still shown.")
            : tr("Hearth will try again.");
    //: %1 is a date and time like "3 May at 08:14", %2 a reason like "the service was busy", %3 what happens next
    row.detail = problem.when.isValid()
            ? tr("Could not be updated on %1 — %2. %3").arg(SyncWording::dateTimeText(problem.when), reason, next)
            : tr("Could not be updated last time — %1. %2").arg(reason, next);
    //: %1 is a part of the record like "Test results", %2 the sentence saying why it was not updated
    row.accessibleText = tr("%1: %2").arg(row.title, row.detail);
    return row;
}

void SyncProblemsModel::setProblems(const QList<Problem> &problems)
{
    QList<Row> rows;
    QStringList titles;
    for (const Problem &p : problems) {
        if (p.storedError.isEmpty())
            continue;
        const Row row = rowFor(p);
        if (titles.contains(row.title))
            continue;   // one row per section: the first failure found says enough
        titles << row.title;
        rows << row;
    }
    if (rows == m_rows)
        return;
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        emit countChanged();
}

} // namespace hearth
