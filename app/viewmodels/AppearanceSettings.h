#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>

class QSettings;

namespace hearth {

// More → Appearance: light, dark or the system's choice, and the text size. Kept in QSettings
// (a preference, not health data). The app feeds in whether the system looks dark (QtGui reads
// the palette; this class stays QtCore so it can be tested without a display).
class AppearanceSettings : public QObject {
    Q_OBJECT
    // "light", "dark" or "system"
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY changed)
    // 1.0 … 2.0 (100% … 200%)
    Q_PROPERTY(double textScale READ textScale WRITE setTextScale NOTIFY changed)
    Q_PROPERTY(bool systemDark READ systemDark NOTIFY changed)
    // What the Theme shows: the chosen theme, or the system's when "system".
    Q_PROPERTY(bool dark READ dark NOTIFY changed)
    // The sizes offered: [1.0, 1.25, 1.5, 1.75, 2.0]
    Q_PROPERTY(QVariantList textScales READ textScales CONSTANT)

public:
    static constexpr double minScale = 1.0;
    static constexpr double maxScale = 2.0;

    // `settings` must outlive this object; nullptr keeps choices for this run only.
    explicit AppearanceSettings(QSettings *settings, QObject *parent = nullptr);

    QString theme() const { return m_theme; }
    void setTheme(const QString &theme);
    double textScale() const { return m_textScale; }
    void setTextScale(double scale);
    bool systemDark() const { return m_systemDark; }
    void setSystemDark(bool dark);
    bool dark() const { return m_theme == QLatin1String("system") ? m_systemDark : m_theme == QLatin1String("dark"); }
    static QVariantList textScales();

    // Command-line choices (--theme, --text-scale) for screenshots: used for this run, never saved.
    void overrideForThisRun(const QString &theme, double textScale);

    // "150%" for a scale, in the user's locale.
    Q_INVOKABLE QString percentText(double scale) const;

    static bool isValidTheme(const QString &theme);

signals:
    void changed();

private:
    void save();

    QSettings *m_settings;
    QString m_theme = QStringLiteral("system");
    double m_textScale = 1.0;
    bool m_systemDark = false;
    bool m_saving = true;
};

} // namespace hearth
