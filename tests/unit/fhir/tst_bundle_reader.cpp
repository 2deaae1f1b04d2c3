#include "fhir/BundleReader.h"
#include "fhir/OperationOutcome.h"
#include "net/HttpDate.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace hearth;

namespace {

QByteArray readFixture(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

} // namespace

TEST_CASE("BundleReader reads real NHS prescription bundles and keeps each resource's JSON intact")
{
    const QString name = GENERATE(QStringLiteral("includeMedReqs"), QStringLiteral("multiplePrescriptions"),
                                  QStringLiteral("methotrexate"));
    const QByteArray body = readFixture(QStringLiteral(HEARTH_NHS_FIXTURES_DIR "/prescriptions/") + name + QStringLiteral(".json"));
    BundleReader reader;
    auto page = reader.readSearchPage(body);
    REQUIRE(page.ok());

    const QJsonArray entries = QJsonDocument::fromJson(body).object().value(QStringLiteral("entry")).toArray();
    REQUIRE(page->resources.size() == entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject source = entries[i].toObject().value(QStringLiteral("resource")).toObject();
        const StoredResource &stored = page->resources[i];
        CHECK(stored.type == source.value(QStringLiteral("resourceType")).toString());
        CHECK(stored.id == source.value(QStringLiteral("id")).toString());
        // The kept bytes are the server's own, and parse back to the same resource.
        CHECK(QJsonDocument::fromJson(stored.json).object() == source);
        CHECK(body.contains(stored.json));
        if (stored.type == QLatin1String("MedicationRequest")) {
            const QJsonObject coding = source.value(QStringLiteral("medicationCodeableConcept")).toObject()
                                               .value(QStringLiteral("coding")).toArray().first().toObject();
            CHECK(stored.codeSystem == coding.value(QStringLiteral("system")).toString());   // dm+d in these
            CHECK(stored.code == coding.value(QStringLiteral("code")).toString());
            CHECK_FALSE(stored.code.isEmpty());
            CHECK(stored.status == source.value(QStringLiteral("status")).toString());
            CHECK(stored.effectiveDate == source.value(QStringLiteral("authoredOn")).toString());
        }
    }
}

TEST_CASE("BundleReader reads paging fields and indexes dates, codes and clinical status")
{
    const QByteArray body = R"({"resourceType":"Bundle","type":"searchset","total":3,
      "meta":{"lastUpdated":"2026-11-21T10:00:00.123Z"},
      "link":[{"relation":"self","url":"http://x/fhir/Condition?patient=1"},
              {"relation":"next","url":"http://x/fhir/Condition?patient=1&_getpagesoffset=2"}],
      "entry":[
        {"resource":{"resourceType":"Condition","id":"c1","meta":{"versionId":"2","lastUpdated":"2024-01-01T00:00:00Z"},
          "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
          "code":{"coding":[{"system":"http://snomed.info/sct","code":"195967001","display":"Asthma"}]},
          "onsetDateTime":"2010-05-01"},"search":{"mode":"match"}},
        {"resource":{"resourceType":"Observation","id":"o1","status":"final",
          "code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}]},
          "effectivePeriod":{"start":"2023-02-03T09:00:00Z"}}},
        {"resource":{"resourceType":"OperationOutcome","id":"w"},"search":{"mode":"outcome"}}
      ]})";
    BundleReader reader;
    auto page = reader.readSearchPage(body);
    REQUIRE(page.ok());
    CHECK(page->serverTime == QLatin1String("2026-11-21T10:00:00.123Z"));
    CHECK(page->nextLink == QLatin1String("http://x/fhir/Condition?patient=1&_getpagesoffset=2"));
    CHECK(page->total == 3);
    REQUIRE(page->resources.size() == 2);
    const StoredResource &condition = page->resources[0];
    CHECK(condition.versionId == QLatin1String("2"));
    CHECK(condition.lastUpdated == QLatin1String("2024-01-01T00:00:00Z"));
    CHECK(condition.status == QLatin1String("active"));
    CHECK(condition.code == QLatin1String("195967001"));
    CHECK(condition.effectiveDate == QLatin1String("2010-05-01"));
    const StoredResource &observation = page->resources[1];
    CHECK(observation.effectiveDate == QLatin1String("2023-02-03T09:00:00Z"));
    CHECK(observation.codeSystem == QLatin1String("http://loinc.org"));
    CHECK(observation.status == QLatin1String("final"));
    CHECK(QJsonDocument::fromJson(observation.json).object().value(QStringLiteral("id")).toString() == QLatin1String("o1"));
}

TEST_CASE("BundleReader rejects what is not a valid search page")
{
    BundleReader reader;
    const QByteArray bad = GENERATE(QByteArray(R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Observation","id":"1"}})"),
                                    QByteArray("<html>Bad gateway</html>"),
                                    QByteArray(R"({"resourceType":"Patient","id":"1"})"),
                                    QByteArray(R"({"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Observation"}}]})"),
                                    QByteArray());
    auto page = reader.readSearchPage(bad);
    REQUIRE_FALSE(page.ok());
    CHECK(page.error().kind == Error::Kind::Parse);
    // The message never repeats the body.
    CHECK_FALSE(page.error().message.contains(QLatin1String("Observation\"")));
}

TEST_CASE("OperationOutcome summaries and HTTP dates")
{
    const QByteArray outcome = readFixture(QStringLiteral(HEARTH_NHS_FIXTURES_DIR "/proxy/GET_Consent_errors_invalid-identifier.json"));
    CHECK(summariseOperationOutcome(outcome).startsWith(QLatin1String("error/")));
    CHECK(summariseOperationOutcome("{}").isEmpty());

    // The words for people: details.text, else diagnostics, else the coding's display; errors first.
    CHECK(operationOutcomeText(outcome)
          == QStringLiteral("Invalid request with error - performer:identifier or patient:identifier parameter is invalid."));
    CHECK(operationOutcomeText(R"({"resourceType":"OperationOutcome","issue":[
        {"severity":"warning","code":"informational","details":{"text":"Your practice is busy"}},
        {"severity":"error","code":"business-rule","diagnostics":"TASK-17","details":{"text":"  Please book a\n review first "}}]})")
          == QStringLiteral("Please book a review first"));
    CHECK(operationOutcomeText(R"({"resourceType":"OperationOutcome","issue":[
        {"severity":"error","code":"invalid","details":{"coding":[{"display":"Required parameter(s) are invalid."}]}}]})")
          == QStringLiteral("Required parameter(s) are invalid."));
    CHECK(operationOutcomeText(R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid"}]})").isEmpty());
    CHECK(operationOutcomeText(R"({"resourceType":"Task"})").isEmpty());
    CHECK(operationOutcomeText("not json").isEmpty());
    CHECK(operationOutcomeText(QByteArray(R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","details":{"text":")")
                               + QByteArray(400, 'a') + R"("}}]})").size() == 300);

    const QDateTime now = QDateTime(QDate(2026, 11, 21), QTime(10, 0), QTimeZone::utc());
    CHECK(parseRetryAfter("120", now) == 120);
    CHECK(parseRetryAfter("Sat, 21 Nov 2026 10:00:30 GMT", now) == 30);
    CHECK(parseRetryAfter("Sat, 21 Nov 2026 09:00:00 GMT", now) == 0);
    CHECK(parseRetryAfter("soon", now) == -1);
    CHECK(parseRetryAfter("", now) == -1);
}
