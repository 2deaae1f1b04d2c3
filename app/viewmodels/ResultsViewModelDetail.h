#pragma once

#include "ResultsTypes.h"

#include <QAbstractListModel>
#include <QVariantMap>

namespace hearth {

// One entry of the results list opened: its header and one row per result (same keys as
// ResultsText::row, as roles). States Loading / Empty / Error / Content like the list.
class ResultsDetailModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int status READ status NOTIFY changed)
    Q_PROPERTY(int count READ rowCount NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString dateText READ dateText NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString issuedText READ issuedText NOTIFY changed)
    Q_PROPERTY(QString conclusion READ conclusion NOTIFY changed)
    Q_PROPERTY(QString performer READ performer NOTIFY changed)
    Q_PROPERTY(QString missingText READ missingText NOTIFY changed)

public:
    enum Role {
        ObservationIdRole = Qt::UserRole + 1, TitleRole, ValueTextRole, UnitRole, RangeTextRole, FlagRole, FlagTextRole,
        ColourRoleRole, DateTextRole, TimeTextRole, StatusCodeRole, StatusTextRole, CanTrendRole, UnsupportedRole,
        UnsupportedTextRole, NoteRole, AccessibleTextRole
    };

    explicit ResultsDetailModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int status() const { return m_status; }
    QString errorText() const { return m_errorText; }
    QString title() const { return m_header.value(QStringLiteral("title")).toString(); }
    QString dateText() const { return m_header.value(QStringLiteral("dateText")).toString(); }
    QString statusText() const { return m_header.value(QStringLiteral("statusText")).toString(); }
    QString issuedText() const { return m_header.value(QStringLiteral("issuedText")).toString(); }
    QString conclusion() const { return m_header.value(QStringLiteral("conclusion")).toString(); }
    QString performer() const { return m_header.value(QStringLiteral("performer")).toString(); }
    QString missingText() const { return m_header.value(QStringLiteral("missingText")).toString(); }
    QVariantMap row(int i) const { return m_rows.value(i); }

    void setEntry(const ResultReport &report);
    void setError(const QString &translatedText);
    void clear();

Q_SIGNALS:
    void changed();

private:
    QVariantMap m_header;
    QList<QVariantMap> m_rows;
    int m_status = 0;
    QString m_errorText;
};

} // namespace hearth
