#include "SystemAppearance.h"

#include "AppearanceSettings.h"

#include <QEvent>
#include <QGuiApplication>
#include <QPalette>

namespace hearth {

SystemAppearance::SystemAppearance(AppearanceSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        app->installEventFilter(this);
        m_settings.setSystemDark(paletteIsDark());
    }
}

bool SystemAppearance::paletteIsDark()
{
    // HSL lightness below the middle: light text on a dark window.
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}

bool SystemAppearance::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange && watched == QCoreApplication::instance())
        m_settings.setSystemDark(paletteIsDark());
    return QObject::eventFilter(watched, event);
}

} // namespace hearth
