// AppearanceSettings: choices are saved and read back, bad values are refused, the command line
// overrides for one run without saving, and "Match this device" follows the system.
#include "AppearanceSettings.h"
#include "support/CatchQt.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace hearth;
using namespace Qt::Literals::StringLiterals;

TEST_CASE("appearance choices are saved and restored")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"settings.ini"_s);
    {
        QSettings settings(path, QSettings::IniFormat);
        AppearanceSettings a(&settings);
        CHECK(a.theme() == u"system"_s);   // first run follows the device
        CHECK(a.textScale() == 1.0);
        QSignalSpy spy(&a, &AppearanceSettings::changed);
        a.setTheme(u"dark"_s);
        a.setTextScale(1.75);
        CHECK(spy.count() == 2);
        a.setTheme(u"purple"_s);            // refused
        a.setTextScale(1.75);               // no change, no signal
        CHECK(spy.count() == 2);
        CHECK(a.theme() == u"dark"_s);
        CHECK(a.dark());
    }
    {
        QSettings settings(path, QSettings::IniFormat);
        AppearanceSettings a(&settings);
        CHECK(a.theme() == u"dark"_s);
        CHECK(a.textScale() == 1.75);
        a.setTextScale(9.0);
        CHECK(a.textScale() == AppearanceSettings::maxScale);
        a.setTextScale(0.2);
        CHECK(a.textScale() == AppearanceSettings::minScale);
    }
    {
        // A hand-edited or damaged file falls back to safe values.
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(u"appearance/theme"_s, u"neon"_s);
        settings.setValue(u"appearance/textScale"_s, u"huge"_s);
        AppearanceSettings a(&settings);
        CHECK(a.theme() == u"system"_s);
        CHECK(a.textScale() == 1.0);
    }
}

TEST_CASE("the command line overrides for this run only")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"settings.ini"_s);
    {
        QSettings settings(path, QSettings::IniFormat);
        AppearanceSettings a(&settings);
        a.setTheme(u"light"_s);
        a.overrideForThisRun(u"dark"_s, 2.0);
        CHECK(a.dark());
        CHECK(a.textScale() == 2.0);
        a.setTextScale(1.5);                // a change made during the screenshot run is not saved either
    }
    QSettings settings(path, QSettings::IniFormat);
    AppearanceSettings a(&settings);
    CHECK(a.theme() == u"light"_s);
    CHECK(a.textScale() == 1.0);
}

TEST_CASE("match this device follows the system palette")
{
    AppearanceSettings a(nullptr);
    a.setTheme(u"system"_s);
    CHECK(!a.dark());
    QSignalSpy spy(&a, &AppearanceSettings::changed);
    a.setSystemDark(true);
    CHECK(a.dark());
    CHECK(spy.count() == 1);
    a.setTheme(u"light"_s);
    CHECK(!a.dark());
    CHECK(a.systemDark());
    CHECK(AppearanceSettings::textScales().size() == 5);
    CHECK(a.percentText(1.25) == u"125%"_s);
}
