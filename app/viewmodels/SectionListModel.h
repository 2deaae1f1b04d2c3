#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace hearth {

// One record section page (problems, medicines, ...) as rows of ready-made, translated text.
// Four designed states like SummaryListModel; rows also carry the entry's id (to open it), a
// group heading for ListView sections, and whether the entry could be shown at all.
//
// Roles (QML names): resourceId, title, detail, secondary, dateText, flag (machine word),
// flagText, group, supported (bool), accessibleText.
class SectionListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString emptyText READ emptyText CONSTANT)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // More rows are in the store (paged sections): QML calls SectionsViewModel.loadMore(name).
    Q_PROPERTY(bool canLoadMore READ canLoadMore NOTIFY canLoadMoreChanged)

public:
    enum Status { Loading, Empty, Error, Content };
    Q_ENUM(Status)

    enum Role {
        ResourceIdRole = Qt::UserRole + 1, TitleRole, DetailRole, SecondaryRole, DateTextRole, FlagRole,
        FlagTextRole, GroupRole, SupportedRole, AccessibleTextRole
    };

    struct Row {
        QString resourceId;
        QString title;
        QString detail;
        QString secondary;
        QString dateText;
        QString flag;
        QString flagText;
        QString group;
        bool supported = true;
        QString accessibleText;   // made from the other fields when left empty
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit SectionListModel(QString emptyText, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Status status() const { return m_status; }
    QString emptyText() const { return m_emptyText; }
    QString errorText() const { return m_errorText; }
    bool canLoadMore() const { return m_canLoadMore; }
    Row row(int i) const { return m_rows.value(i); }
    const QList<Row> &rows() const { return m_rows; }

    // Replaces the rows with minimal signals (unchanged rows are left alone); status Content or Empty.
    void setRows(QList<Row> rows, bool canLoadMore = false);
    // Adds a page at the end.
    void appendRows(const QList<Row> &rows, bool canLoadMore);
    // Keeps the rows so a refresh does not blank the screen.
    void setLoading();
    void setError(const QString &translatedText);

    static QString sentenceFor(const Row &row);

Q_SIGNALS:
    void statusChanged();
    void countChanged();
    void errorTextChanged();
    void canLoadMoreChanged();

private:
    void setStatus(Status s);
    void setCanLoadMore(bool more);

    QList<Row> m_rows;
    Status m_status = Loading;
    QString m_emptyText;
    QString m_errorText;
    bool m_canLoadMore = false;
};

} // namespace hearth
