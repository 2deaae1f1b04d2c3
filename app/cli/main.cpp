// hearth-cli: headless sign-in, sync and summary for automation and support. Same core, store and
// keystore as the app. Exit codes: 0 done, 1 failed (message on stderr), 2 wrong usage.
#include "CliCommands.h"
#include "ProcessHardening.h"
#include "common/Redaction.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    hearth::platform::hardenProcess();           // before any secret is in memory
    hearth::redaction::installMessageHandler();  // before anything can log
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Hearth"));
    QCoreApplication::setApplicationName(QStringLiteral("hearth-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEARTH_VERSION));
    return hearth::cli::run(QCoreApplication::arguments());
}
