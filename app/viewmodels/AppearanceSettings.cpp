#include "AppearanceSettings.h"

#include <QLocale>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace hearth {

namespace {
const QString themeKey = QStringLiteral("appearance/theme");
const QString scaleKey = QStringLiteral("appearance/textScale");

double clampScale(double scale)
{
    if (!std::isfinite(scale))
        return 1.0;
    return std::clamp(scale, AppearanceSettings::minScale, AppearanceSettings::maxScale);
}
} // namespace

AppearanceSettings::AppearanceSettings(QSettings *settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    if (m_settings) {
        const QString theme = m_settings->value(themeKey, m_theme).toString();
        if (isValidTheme(theme))
            m_theme = theme;
        m_textScale = clampScale(m_settings->value(scaleKey, 1.0).toDouble());
    }
}

bool AppearanceSettings::isValidTheme(const QString &theme)
{
    return theme == QLatin1String("light") || theme == QLatin1String("dark") || theme == QLatin1String("system");
}

QVariantList AppearanceSettings::textScales()
{
    return {1.0, 1.25, 1.5, 1.75, 2.0};
}

void AppearanceSettings::setTheme(const QString &theme)
{
    if (!isValidTheme(theme) || theme == m_theme)
        return;
    m_theme = theme;
    save();
    emit changed();
}

void AppearanceSettings::setTextScale(double scale)
{
    scale = clampScale(scale);
    if (qFuzzyCompare(scale, m_textScale))
        return;
    m_textScale = scale;
    save();
    emit changed();
}

void AppearanceSettings::setSystemDark(bool dark)
{
    if (dark == m_systemDark)
        return;
    m_systemDark = dark;
    emit changed();
}

void AppearanceSettings::overrideForThisRun(const QString &theme, double textScale)
{
    m_saving = false;   // the saved choice stays as the patient left it
    if (isValidTheme(theme))
        m_theme = theme;
    if (textScale > 0)
        m_textScale = clampScale(textScale);
    emit changed();
}

QString AppearanceSettings::percentText(double scale) const
{
    return tr("%1%").arg(QLocale().toString(qRound(scale * 100)));
}

void AppearanceSettings::save()
{
    if (!m_settings || !m_saving)
        return;
    m_settings->setValue(themeKey, m_theme);
    m_settings->setValue(scaleKey, m_textScale);
}

} // namespace hearth
