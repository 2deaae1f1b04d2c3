// Qt Quick Test runner for the Hearth QML module: the module's static plugin is linked in and
// found under qrc:/, the same way the app loads it.
#include "GlossaryViewModel.h"

#include <QAccessible>
#include <QQmlContext>
#include <QQmlEngine>
#include <QImage>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
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
    // Screenshot tests always render and save (so they can fail); the PNGs are kept only when
    // HEARTH_SCREENSHOT_DIR names a directory, otherwise they go to a scratch dir removed at exit.
    QString screenshotDir() const
    {
        const QString wanted = qEnvironmentVariable("HEARTH_SCREENSHOT_DIR");
        return wanted.isEmpty() ? m_scratch.path() : wanted;
    }

private:
    QTemporaryDir m_scratch;
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
