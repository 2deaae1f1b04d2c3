#include "net/ApiClient.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
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
