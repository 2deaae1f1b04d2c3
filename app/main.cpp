// The composition root: every service is built once here and passed to whoever needs it.
#include "AppController.h"
#include "AppearanceSettings.h"
#include "DocumentImageProvider.h"
#include "SectionsViewModel.h"
#include "QmlRegistration.h"
#include "SandboxServer.h"
#include "Notifier.h"
#include "ProcessHardening.h"
#include "SystemBrowser.h"
#include "common/Redaction.h"
#include "common/Log.h"
#include "store/QtKeychainKeyStore.h"
#include "store/SqlCipherDriver.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <QLocale>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(HearthPlugin)

namespace {

int g_qmlWarnings = 0;
QtMessageHandler g_previousHandler = nullptr;

// Counts QML warnings so --self-test fails on any, then hands the message on.
void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg
        && (message.contains(QLatin1String("qrc:/")) || message.contains(QLatin1String(".qml"))))
        ++g_qmlWarnings;
    g_previousHandler(type, context, message);
}

QString defaultProfileDir(bool sandbox)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return base + (sandbox ? QStringLiteral("/profiles/sandbox") : QStringLiteral("/profiles/default"));
}

QObject *rootWindow(QQmlApplicationEngine &engine)
{
    return engine.rootObjects().isEmpty() ? nullptr : engine.rootObjects().constFirst();
}

bool showPage(QObject *root, const QString &name)
{
    return QMetaObject::invokeMethod(root, "showPage", Q_ARG(QVariant, QVariant(name)));
}

// Loads every page in turn; passes only if QML printed no warnings.
int runSelfTest(QQmlApplicationEngine &engine)
{
    QObject *root = rootWindow(engine);
    if (!root) {
        std::fprintf(stderr, "self-test: Main.qml did not load\n");
        return 1;
    }
    const QStringList pages = root->property("pageNames").toStringList();
    if (pages.isEmpty()) {
        std::fprintf(stderr, "self-test: Main.qml lists no pages\n");
        return 1;
    }
    for (const QString &page : pages) {
        if (!showPage(root, page) || root->property("currentPageName").toString() != page) {
            std::fprintf(stderr, "self-test: could not show page %s\n", qPrintable(page));
            return 1;
        }
        QCoreApplication::processEvents();
    }
    // Every record section, through showPage("record:<section>").
    const QStringList sections = root->property("recordSections").toStringList();
    for (const QString &section : sections) {
        if (!showPage(root, QStringLiteral("record:") + section)) {
            std::fprintf(stderr, "self-test: could not show record section %s\n", qPrintable(section));
            return 1;
        }
        QCoreApplication::processEvents();
    }
    if (g_qmlWarnings > 0) {
        std::fprintf(stderr, "self-test: %d QML warning(s)\n", g_qmlWarnings);
        return 1;
    }
    std::printf("self-test: %lld pages loaded without warnings\n", static_cast<long long>(pages.size()));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    hearth::platform::hardenProcess();           // before any secret is in memory
    hearth::redaction::installMessageHandler();  // before anything can log
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Hearth"));
    QCoreApplication::setApplicationName(QStringLiteral("hearth"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEARTH_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Hearth"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hearth: your GP record, prescriptions and messages."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("sandbox"), QStringLiteral("Start the built-in demo records service and sign in as the demo parent.")},
        {QStringLiteral("server"), QStringLiteral("FHIR base URL of the records service."), QStringLiteral("URL")},
        {QStringLiteral("profile"), QStringLiteral("Profile directory (default: per user)."), QStringLiteral("DIR")},
        {QStringLiteral("self-test"), QStringLiteral("Load every page and exit 0 if none printed a warning.")},
        {QStringLiteral("screenshot"), QStringLiteral("Save a PNG of a page once the record is shown, then quit."), QStringLiteral("FILE")},
        {QStringLiteral("screenshot-page"), QStringLiteral("Page for --screenshot (default record)."), QStringLiteral("NAME"), QStringLiteral("record")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the built-in demo data."), QStringLiteral("S"), QStringLiteral("1")},
        {QStringLiteral("window-size"), QStringLiteral("Initial window size, e.g. 1280x800."), QStringLiteral("WxH")},
        {QStringLiteral("theme"), QStringLiteral("Colours for this run only: light, dark or system."), QStringLiteral("THEME")},
        {QStringLiteral("text-scale"), QStringLiteral("Text size for this run only, 1.0 to 2.0 (e.g. 2.0 = 200%)."), QStringLiteral("SCALE")},
    });
    parser.process(app);

    // Translations are compiled into the binary under :/i18n (qt_add_translations).
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("hearth"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    hearth::registerSqlCipherDriver();
    hearth::registerQmlTypes();
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QNetworkAccessManager nam;
    hearth::QtKeychainKeyStore keys;
    // Desktop notifications (D-Bus) / the mobile hooks: built once, outlives the controller that uses it.
    const std::unique_ptr<hearth::platform::Notifier> notifier = hearth::platform::makeNotifier();
    hearth::AppController controller(keys, nam, [](const QUrl &url) { hearth::platform::openInSystemBrowser(url); });
    controller.setNotifier(notifier.get());

    // --theme / --text-scale: for screenshots in each mode; the patient's saved choice is not changed.
    if (parser.isSet(QStringLiteral("theme")) || parser.isSet(QStringLiteral("text-scale"))) {
        const QString theme = parser.value(QStringLiteral("theme"));
        if (parser.isSet(QStringLiteral("theme")) && !hearth::AppearanceSettings::isValidTheme(theme)) {
            std::fprintf(stderr, "hearth: --theme takes light, dark or system\n");
            return 2;
        }
        bool scaleOk = true;
        const double scale = parser.isSet(QStringLiteral("text-scale"))
                ? parser.value(QStringLiteral("text-scale")).toDouble(&scaleOk) : 0.0;
        if (!scaleOk || (parser.isSet(QStringLiteral("text-scale"))
                         && (scale < hearth::AppearanceSettings::minScale || scale > hearth::AppearanceSettings::maxScale))) {
            std::fprintf(stderr, "hearth: --text-scale takes a number from 1.0 to 2.0\n");
            return 2;
        }
        controller.appearanceSettings().overrideForThisRun(theme, scale);
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.rootContext()->setContextProperty(QStringLiteral("appController"), &controller);
    // Letters and documents: PDF pages and pictures from the encrypted store, drawn in memory.
    controller.sectionsViewModel()->setPdfPageCounter(&hearth::DocumentImageProvider::pdfPageCount);
    engine.addImageProvider(QStringLiteral("hearthdocument"),
                            new hearth::DocumentImageProvider(*controller.sectionsViewModel()));

    if (parser.isSet(QStringLiteral("self-test"))) {
        g_previousHandler = qInstallMessageHandler(countingHandler);
        engine.load(QUrl(QStringLiteral("qrc:/Hearth/Main.qml")));
        return runSelfTest(engine);
    }

    std::unique_ptr<hearth::sandbox::SandboxServer> sandbox;
    hearth::AppController::Options options;
    options.sandbox = parser.isSet(QStringLiteral("sandbox"));
    if (options.sandbox) {
        hearth::sandbox::SandboxOptions sandboxOptions;
        sandboxOptions.seed = parser.value(QStringLiteral("seed")).toULongLong();
        sandboxOptions.pastRequests = true;   // the demo parent has ordered before
        sandbox = std::make_unique<hearth::sandbox::SandboxServer>(sandboxOptions);
        if (!sandbox->listen(0)) {
            std::fprintf(stderr, "hearth: the built-in demo service could not start\n");
            return 1;
        }
        options.server = sandbox->fhirBaseUrl();
        options.loginHint = QStringLiteral("parent");
    } else if (parser.isSet(QStringLiteral("server"))) {
        options.server = QUrl(parser.value(QStringLiteral("server")));
    }

    // Remember which profile was used last (a path only, no health data), so a plain `hearth`
    // reopens the same record, offline if its server is gone.
    QSettings settings;
    options.profileDir = parser.value(QStringLiteral("profile"));
    if (options.profileDir.isEmpty())
        options.profileDir = (options.sandbox || !options.server.isEmpty())
                ? defaultProfileDir(options.sandbox)
                : settings.value(QStringLiteral("lastProfile"), defaultProfileDir(false)).toString();
    settings.setValue(QStringLiteral("lastProfile"), QDir(options.profileDir).absolutePath());

    engine.load(QUrl(QStringLiteral("qrc:/Hearth/Main.qml")));
    QObject *root = rootWindow(engine);
    if (!root)
        return 1;
    if (const QStringList size = parser.value(QStringLiteral("window-size")).split(u'x'); size.size() == 2) {
        root->setProperty("width", size[0].toInt());
        root->setProperty("height", size[1].toInt());
    }

    const QString screenshot = parser.value(QStringLiteral("screenshot"));
    if (!screenshot.isEmpty()) {
        const QString page = parser.value(QStringLiteral("screenshot-page"));
        auto *window = qobject_cast<QQuickWindow *>(root);
        auto taken = std::make_shared<bool>(false);
        QObject::connect(&controller, &hearth::AppController::recordShown, &app, [&, window, page, taken] {
            if (controller.syncing() || *taken)
                return;   // wait for the sync that follows a saved record; one screenshot only
            *taken = true;
            QTimer::singleShot(800, &app, [&, window, page, taken] {
                if (controller.syncing()) {
                    *taken = false;   // a refresh started meanwhile: its end shows the record again
                    return;
                }
                showPage(root, page);
                QTimer::singleShot(1200, &app, [&controller, window, screenshot] {
                    const bool saved = window && window->grabWindow().save(screenshot);
                    std::printf(saved ? "Saved a screenshot to %s (record: %s, offline: %s)\n" : "Could not save %s\n",
                                qPrintable(screenshot), controller.hasRecord() ? "yes" : "no",
                                controller.offline() ? "yes" : "no");
                    std::fflush(stdout);
                    QCoreApplication::exit(saved ? 0 : 1);
                });
            });
        });
        QTimer::singleShot(180 * 1000, &app, [] {
            std::fprintf(stderr, "hearth: the record was not shown within 3 minutes\n");
            QCoreApplication::exit(1);
        });
    }

    controller.start(options);
    return app.exec();
}
