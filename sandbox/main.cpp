// hearth-sandbox: runs the local FHIR + OpenID Connect test server until killed.
// The first line on stdout is the FHIR base URL (tests and scripts read it).
#include "SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hearth-sandbox"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Local FHIR R4 + SMART/OpenID Connect test server with synthetic data"));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (0 = any free port)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Seed of the synthetic data."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("Multiplies the parent's history."),
                                         QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption lifetimeOption(QStringLiteral("token-lifetime"), QStringLiteral("Access token lifetime."),
                                            QStringLiteral("SECONDS"), QStringLiteral("3600"));
    const QCommandLineOption tlsCertOption(QStringLiteral("tls-cert"), QStringLiteral("Serve HTTPS with this PEM certificate."),
                                           QStringLiteral("FILE"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"), QStringLiteral("The PEM private key of --tls-cert."),
                                          QStringLiteral("FILE"));
    parser.addOptions({portOption, seedOption, scaleOption, lifetimeOption, tlsCertOption, tlsKeyOption});
    parser.process(app);

    bool okPort = false, okSeed = false, okScale = false, okLifetime = false;
    const uint port = parser.value(portOption).toUInt(&okPort);
    hearth::sandbox::SandboxOptions options;
    options.seed = parser.value(seedOption).toULongLong(&okSeed);
    options.scale = parser.value(scaleOption).toInt(&okScale);
    options.accessTokenLifetimeSeconds = parser.value(lifetimeOption).toInt(&okLifetime);
    if (!okPort || port > 65535 || !okSeed || !okScale || options.scale < 1 || !okLifetime
        || options.accessTokenLifetimeSeconds < 1) {
        std::fprintf(stderr, "hearth-sandbox: invalid option value\n");
        return 2;
    }
    hearth::sandbox::SandboxServer server(options);
    if (parser.isSet(tlsCertOption) || parser.isSet(tlsKeyOption)) {
        QFile certFile(parser.value(tlsCertOption)), keyFile(parser.value(tlsKeyOption));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "hearth-sandbox: --tls-cert and --tls-key need two readable PEM files\n");
            return 2;
        }
        const QSslCertificate certificate(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
        if (certificate.isNull() || key.isNull()) {
            std::fprintf(stderr, "hearth-sandbox: cannot read the TLS certificate or key\n");
            return 2;
        }
        server.useTls(certificate, key);
    }
    if (!server.listen(quint16(port))) {
        std::fprintf(stderr, "hearth-sandbox: cannot listen on 127.0.0.1:%u\n", port);
        return 1;
    }
    std::printf("%s\n", server.fhirBaseUrl().toString().toUtf8().constData());
    std::fflush(stdout);
    return app.exec();
}
