// Shared Catch2 main: a QCoreApplication exists for every test, so event loops, timers and
// QNetworkAccessManager work inside test cases.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("HearthTests"));
    QCoreApplication::setApplicationName(QStringLiteral("hearth-tests"));
    return Catch::Session().run(argc, argv);
}
