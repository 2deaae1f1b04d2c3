#pragma once

#include <QAbstractListModel>
#include <QByteArrayList>
#include <QList>
#include <QVariantMap>

namespace hearth {

// A list of ready-made, translated rows for the prescriptions pages (medicines, requests, a
// request's timeline). Each list has its own fixed set of role names, given once; a row is a map
// from those names to values. setRows() changes only what changed (same length: dataChanged per
// changed row; otherwise inserts/removes at the end), so a reload does not jump the view.
class PrescriptionsListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString emptyText READ emptyText CONSTANT)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    enum Status { Loading, Empty, Error, Content };
    Q_ENUM(Status)

    PrescriptionsListModel(QByteArrayList roles, QString emptyText, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Status status() const { return m_status; }
    QString emptyText() const { return m_emptyText; }
    QString errorText() const { return m_errorText; }
    const QList<QVariantMap> &rows() const { return m_rows; }
    // A row as a map (QML: model.get(i)); empty outside the list.
    Q_INVOKABLE QVariantMap get(int row) const { return m_rows.value(row); }

    void setRows(QList<QVariantMap> rows);
    void setLoading();
    void setError(const QString &translatedText);

Q_SIGNALS:
    void countChanged();
    void statusChanged();
    void errorTextChanged();

private:
    void setStatus(Status status);

    QByteArrayList m_roles;
    QList<QVariantMap> m_rows;
    Status m_status = Loading;
    QString m_emptyText;
    QString m_errorText;
};

} // namespace hearth
