#pragma once

#include "ResultsTypes.h"

#include <QAbstractListModel>
#include <QVariantList>

namespace hearth {

// How one test moved over time: points oldest first (roles time (ms since epoch, for the x axis),
// dateText, value, value2 (NaN when none), valueText, flag, flagText, colourRole, tableText
// ("3 May 2024: 48 mmol/mol, high") — every point is also a row of the accessible table.
class TrendModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int status READ status NOTIFY changed)
    Q_PROPERTY(int count READ rowCount NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString unitText READ unitText NOTIFY changed)
    Q_PROPERTY(bool twoLines READ twoLines NOTIFY changed)
    Q_PROPERTY(QString lineName READ lineName NOTIFY changed)
    Q_PROPERTY(QString line2Name READ line2Name NOTIFY changed)
    Q_PROPERTY(double minValue READ minValue NOTIFY changed)
    Q_PROPERTY(double maxValue READ maxValue NOTIFY changed)
    Q_PROPERTY(double firstTime READ firstTime NOTIFY changed)
    Q_PROPERTY(double lastTime READ lastTime NOTIFY changed)
    Q_PROPERTY(bool hasRange READ hasRange NOTIFY changed)
    Q_PROPERTY(double rangeLow READ rangeLow NOTIFY changed)
    Q_PROPERTY(double rangeHigh READ rangeHigh NOTIFY changed)
    Q_PROPERTY(QString rangeText READ rangeText NOTIFY changed)
    Q_PROPERTY(QString separateText READ separateText NOTIFY changed)
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY changed)

public:
    enum Role {
        TimeRole = Qt::UserRole + 1, DateTextRole, ValueRole, Value2Role, ValueTextRole, FlagRole, FlagTextRole,
        ColourRoleRole, TableTextRole, ObservationIdRole
    };

    explicit TrendModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int status() const { return m_status; }
    QString errorText() const { return m_errorText; }
    QString title() const { return m_series.name; }
    QString unitText() const;
    bool twoLines() const { return m_series.bloodPressure; }
    QString lineName() const;
    QString line2Name() const;
    double minValue() const { return m_min; }
    double maxValue() const { return m_max; }
    double firstTime() const;
    double lastTime() const;
    bool hasRange() const { return m_series.range.low.has_value() || m_series.range.high.has_value(); }
    double rangeLow() const;
    double rangeHigh() const;
    QString rangeText() const;
    QString separateText() const { return m_separateText; }
    QString summaryText() const;
    QString tableText(int i) const;
    // For drawing in one go: [{time, value, value2 (absent when none), flag}], oldest first.
    Q_INVOKABLE QVariantList chartPoints() const;

    void setSeries(TrendSeries series);
    void setError(const QString &translatedText);
    void clear();
    const TrendSeries &series() const { return m_series; }

Q_SIGNALS:
    void changed();

private:
    struct Cached {
        double time = 0;
        QString dateText;
        QString valueText;
    };
    TrendSeries m_series;
    QList<Cached> m_cached;
    double m_min = 0;
    double m_max = 0;
    int m_status = 0;
    QString m_errorText;
    QString m_separateText;
};

} // namespace hearth
