// Qt Quick Test runner for the Hearth QML module: the module's static plugin is linked in and
// found under qrc:/, the same way the app loads it.
#include "GlossaryViewModel.h"

#include <QAccessible>
#include <QQmlContext>
#include <QQmlEngine>
#include <QImage>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(HearthPlugin)

// What a screen reader would read for an item, via the public accessibility API.
class TestHelper : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString screenshotDir READ screenshotDir CONSTANT)
public:
    using QObject::QObject;
    Q_INVOKABLE QString accessibleName(QObject *item) const
    {
        QAccessibleInterface *iface = item ? QAccessible::queryAccessibleInterface(item) : nullptr;
        return iface ? iface->text(QAccessible::Name) : QString();
    }
    Q_INVOKABLE int accessibleRole(QObject *item) const
    {
        QAccessibleInterface *iface = item ? QAccessible::queryAccessibleInterface(item) : nullptr;
        return iface ? int(iface->role()) : -1;
    }
    // Grabs what the window shows (background included) and saves it as PNG.
    Q_INVOKABLE bool saveWindow(QObject *window, const QString &path) const
    {
        auto *w = qobject_cast<QQuickWindow *>(window);
        return w && w->grabWindow().save(path);
    }
    // Screenshots are written only when HEARTH_SCREENSHOT_DIR is set (never into the tree).
    QString screenshotDir() const { return qEnvironmentVariable("HEARTH_SCREENSHOT_DIR"); }
};

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Basic")); }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("testHelper"), new TestHelper(engine));
        // The real glossary from the source tree, for GlossaryText tests.
        engine->rootContext()->setContextProperty(QStringLiteral("testGlossary"),
                new hearth::GlossaryViewModel(QStringLiteral(GLOSSARY_JSON), engine));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(hearth_qml, Setup)

#include "main.moc"
