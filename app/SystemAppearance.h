#pragma once

#include <QObject>

namespace hearth {

class AppearanceSettings;

// Tells AppearanceSettings whether the system looks dark. Qt 6.4 has no colour-scheme API, so the
// application palette's window colour stands in: a dark window background means a dark system theme.
// Follows ApplicationPaletteChange, so switching the desktop theme while Hearth runs is picked up.
class SystemAppearance : public QObject {
    Q_OBJECT
public:
    explicit SystemAppearance(AppearanceSettings &settings, QObject *parent = nullptr);
    static bool paletteIsDark();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    AppearanceSettings &m_settings;
};

} // namespace hearth
