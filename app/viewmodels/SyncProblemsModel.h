#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace hearth {

// "Updates" on the More page: one row per part of the record that could not be updated last time,
// in patient words ("Test results" / "Could not be updated on 3 May at 08:14 — the service was busy.
// Hearth will try again."). The stored error text is only classified, never shown.
//
// Roles (QML names): title, detail, accessibleText.
class SyncProblemsModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString emptyText READ emptyText CONSTANT)

public:
    enum Role { TitleRole = Qt::UserRole + 1, DetailRole, AccessibleTextRole };
    Q_ENUM(Role)

    // One resource type's failed update, as SyncStateStore keeps it.
    struct Problem {
        QString resourceType;
        QString storedError;   // SyncCursor::lastError (Error::describe())
        QDateTime when;        // when the update failed; invalid if not known (e.g. from a previous run)
    };

    struct Row {
        QString title;
        QString detail;
        QString accessibleText;
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit SyncProblemsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString emptyText() const;
    Row row(int i) const { return m_rows.value(i); }

    // Replaces the rows. Types of one section (DiagnosticReport and Observation) share one row.
    void setProblems(const QList<Problem> &problems);

    static Row rowFor(const Problem &problem);

Q_SIGNALS:
    void countChanged();

private:
    QList<Row> m_rows;
};

} // namespace hearth
