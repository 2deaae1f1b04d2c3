#include "net/ApiClient.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace hearth;

namespace {

// Runs one GET to completion and returns its error, if any.
std::optional<Error> errorOfGet(ApiClient &api, const QString &pathOrUrl)
{
    QEventLoop loop;
    std::optional<Error> error;
    api.get(pathOrUrl, [&](Result<HttpReply> reply) {
        if (!reply)
            error = reply.error();
        loop.quit();
    });
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    return error;
}

} // namespace

TEST_CASE("ApiClient resolves paths under the FHIR base and never sends the token elsewhere")
{
    QNetworkAccessManager nam;
    ApiClient api(nam, QUrl(QStringLiteral("https://records.example/fhir/R4/")));
    CHECK(api.resolve(QStringLiteral("Observation?patient=1")) == QUrl(QStringLiteral("https://records.example/fhir/R4/Observation?patient=1")));
    CHECK(api.isUnderBase(QUrl(QStringLiteral("https://records.example/fhir/R4/Observation?x=1"))));
    CHECK(api.isUnderBase(QUrl(QStringLiteral("https://records.example:443/fhir/R4/Patient/1"))));
    CHECK_FALSE(api.isUnderBase(QUrl(QStringLiteral("https://evil.example/fhir/R4/Observation"))));
    CHECK_FALSE(api.isUnderBase(QUrl(QStringLiteral("http://records.example/fhir/R4/Observation"))));
    CHECK_FALSE(api.isUnderBase(QUrl(QStringLiteral("https://records.example/fhir/R4x/Observation"))));
    CHECK_FALSE(api.isUnderBase(QUrl(QStringLiteral("https://records.example:8443/fhir/R4/Observation"))));

    api.setAccessToken("secret");
    const auto error = errorOfGet(api, QStringLiteral("https://evil.example/fhir/R4/Observation?page=2"));
    REQUIRE(error.has_value());
    CHECK(error->kind == Error::Kind::Security);
    CHECK(api.requestsSent() == 0);
}

TEST_CASE("ApiClient refuses plain http to a server that is not on this machine")
{
    QNetworkAccessManager nam;
    ApiClient api(nam, QUrl(QStringLiteral("http://records.example/fhir/R4")));
    api.setAccessToken("secret");
    const auto error = errorOfGet(api, QStringLiteral("Observation?patient=1"));
    REQUIRE(error.has_value());
    CHECK(error->kind == Error::Kind::Security);
    CHECK(api.requestsSent() == 0);
}

TEST_CASE("ApiClient never takes a body cut short by a closed connection as a response")
{
    // Answers every request with 200 and Content-Length 100, sends 10 bytes, then closes (FIN).
    QTcpServer server;
    REQUIRE(server.listen(QHostAddress::LocalHost, 0));
    int connections = 0;
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket *s = server.nextPendingConnection()) {
            ++connections;
            QObject::connect(s, &QTcpSocket::readyRead, s, [s] {
                if (!s->readAll().contains("\r\n\r\n"))
                    return;
                s->write("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\n"
                         "Content-Length: 100\r\n\r\n{\"resource");
                s->flush();
                s->disconnectFromHost();
            });
            QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    QNetworkAccessManager nam;
    ApiClient api(nam, QUrl(QStringLiteral("http://127.0.0.1:%1/fhir/").arg(server.serverPort())));
    RetryPolicy::Config once;
    once.maxAttempts = 1;
    api.setRetryPolicy(RetryPolicy(once));
    const auto error = errorOfGet(api, QStringLiteral("Patient?_id=1"));
    REQUIRE(error.has_value());
    CHECK(error->kind == Error::Kind::Network);
    CHECK(connections >= 1);
}
