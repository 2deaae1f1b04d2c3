#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace hearth {

// One section of a record screen (allergies, medicines, ...) as rows of ready-made, translated text.
// Every list has four designed states; QML picks what to show from `status`.
//
// Roles (QML names): title, detail, dateText, flag (machine word: "high", "low", "abnormal", "normal",
// "active", "past", "repeat", "acute", "current" or ""), flagText (the flag in words, translated),
// accessibleText (one sentence for a screen reader).
class SummaryListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString emptyText READ emptyText WRITE setEmptyText NOTIFY emptyTextChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    enum Status { Loading, Empty, Error, Content };
    Q_ENUM(Status)

    enum Role { TitleRole = Qt::UserRole + 1, DetailRole, DateTextRole, FlagRole, FlagTextRole, AccessibleTextRole };
    Q_ENUM(Role)

    struct Row {
        QString title;
        QString detail;
        QString dateText;
        QString flag;
        QString flagText;
        QString accessibleText;   // filled in from the other fields when left empty
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit SummaryListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Status status() const { return m_status; }
    QString emptyText() const { return m_emptyText; }
    void setEmptyText(const QString &text);
    QString errorText() const { return m_errorText; }

    // Replaces the rows; status becomes Content or Empty.
    void setRows(QList<Row> rows);
    // Keeps the rows (if any) so a refresh does not blank the screen; status becomes Loading.
    void setLoading();
    // Drops the rows; status becomes Error with a translated, patient-facing text.
    void setError(const QString &translatedText);
    Row row(int i) const { return m_rows.value(i); }

    static QString sentenceFor(const Row &row);

Q_SIGNALS:
    void statusChanged();
    void countChanged();
    void emptyTextChanged();
    void errorTextChanged();

private:
    void setStatus(Status s);
    void replaceRows(QList<Row> rows);

    QList<Row> m_rows;
    Status m_status = Loading;
    QString m_emptyText;
    QString m_errorText;
};

} // namespace hearth
