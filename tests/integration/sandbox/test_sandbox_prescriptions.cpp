// The sandbox's repeat prescriptions over HTTP: pharmacy directory, nominated pharmacy, the
// lifecycle of a repeat request Task (advanced by a switch or by timing), its FHIR history.
#include <catch2/catch.hpp>

#include "SandboxClient.h"

#include <QEventLoop>
#include <QTimer>

namespace {

QString parentIdOf(const Fixture &f) { return f.patientInfo(QStringLiteral("parent")).value(QStringLiteral("id")).toString(); }

// The parent's active repeat templates, by medicine name.
QHash<QString, QJsonObject> repeatTemplates(const Fixture &f, const QByteArray &token, const QString &patientId)
{
    QHash<QString, QJsonObject> out;
    const QJsonObject bundle = get(f.fhir(QStringLiteral("/MedicationRequest?_count=1000&patient=") + patientId), token).object();
    for (const auto &e : bundle.value(QStringLiteral("entry")).toArray()) {
        const QJsonObject mr = e.toObject().value(QStringLiteral("resource")).toObject();
        if (mr.value(QStringLiteral("intent")).toString() == QLatin1String("plan")
            && mr.value(QStringLiteral("status")).toString() == QLatin1String("active"))
            out.insert(mr.value(QStringLiteral("medicationCodeableConcept")).toObject().value(QStringLiteral("coding")).toArray()
                           .first().toObject().value(QStringLiteral("display")).toString(),
                       mr);
    }
    return out;
}

QByteArray renewal(const QString &patientId, const QString &planId, const QString &ods)
{
    const QJsonObject task{
        {QStringLiteral("resourceType"), QStringLiteral("Task")},
        {QStringLiteral("status"), QStringLiteral("requested")},
        {QStringLiteral("intent"), QStringLiteral("order")},
        {QStringLiteral("code"), QJsonObject{{QStringLiteral("coding"), QJsonArray{QJsonObject{
                                                  {QStringLiteral("system"), QStringLiteral("http://snomed.info/sct")},
                                                  {QStringLiteral("code"), QStringLiteral("103742009")}}}}}},
        {QStringLiteral("focus"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("MedicationRequest/") + planId}}},
        {QStringLiteral("for"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + patientId}}},
        {QStringLiteral("input"),
         QJsonArray{QJsonObject{{QStringLiteral("type"),
                                 QJsonObject{{QStringLiteral("coding"),
                                              QJsonArray{QJsonObject{{QStringLiteral("system"),
                                                                      QStringLiteral("https://fhir.nhs.uk/England/CodeSystem/England-PFSPrescriptionOrderingParameter")},
                                                                     {QStringLiteral("code"), QStringLiteral("preferred-performer")}}}}}},
                                {QStringLiteral("valueIdentifier"),
                                 QJsonObject{{QStringLiteral("system"), QStringLiteral("https://fhir.nhs.uk/Id/ods-organization-code")},
                                             {QStringLiteral("value"), ods}}}}}}};
    return QJsonDocument(task).toJson(QJsonDocument::Compact);
}

QString advance(const Fixture &f, const QString &taskId, const QString &reject = {})
{
    QString path = QStringLiteral("/_sandbox/prescriptions/advance?id=") + taskId;
    if (!reject.isEmpty())
        path += QStringLiteral("&reject=") + QString::fromLatin1(QUrl::toPercentEncoding(reject));
    const Response r = send("POST", f.url(path));
    return r.status == 200 ? r.object().value(QStringLiteral("step")).toString() : QStringLiteral("http-%1").arg(r.status);
}

} // namespace

TEST_CASE("pharmacy directory and the nominated pharmacy", "[sandbox][prescriptions]")
{
    Fixture f;
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const QJsonObject all = get(f.fhir(QStringLiteral("/Organization")), token).object();
    CHECK(all.value(QStringLiteral("total")).toInt() == 3);

    // The parent's Patient names its nominated pharmacy (UK Core extension, ODS code); the directory has it.
    const QJsonObject patient = get(f.fhir(QStringLiteral("/Patient/") + parentIdOf(f)), token).object();
    QString ods;
    for (const auto &e : patient.value(QStringLiteral("extension")).toArray())
        if (e.toObject().value(QStringLiteral("url")).toString().endsWith(QLatin1String("Extension-UKCore-NominatedPharmacy")))
            ods = e.toObject().value(QStringLiteral("valueReference")).toObject().value(QStringLiteral("identifier")).toObject()
                      .value(QStringLiteral("value")).toString();
    REQUIRE(ods == QLatin1String("FA123"));
    const QJsonObject one = get(f.fhir(QStringLiteral("/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|") + ods),
                                token).object();
    REQUIRE(one.value(QStringLiteral("total")).toInt() == 1);
    const QJsonObject org = one.value(QStringLiteral("entry")).toArray().first().toObject().value(QStringLiteral("resource")).toObject();
    CHECK(org.value(QStringLiteral("name")).toString() == QLatin1String("Hyde Park Pharmacy"));
    CHECK(org.value(QStringLiteral("address")).toArray().first().toObject().value(QStringLiteral("postalCode")).toString()
          == QLatin1String("LS6 1BD"));

    // Opening hours: the Location managed by that Organization.
    const QJsonObject locations = get(f.fhir(QStringLiteral("/Location?organization=Organization/") + org.value(QStringLiteral("id")).toString()),
                                      token).object();
    REQUIRE(locations.value(QStringLiteral("total")).toInt() == 1);
    const QJsonArray hours = locations.value(QStringLiteral("entry")).toArray().first().toObject().value(QStringLiteral("resource"))
                                 .toObject().value(QStringLiteral("hoursOfOperation")).toArray();
    REQUIRE(hours.size() == 2);
    CHECK(hours.first().toObject().value(QStringLiteral("daysOfWeek")).toArray().size() == 5);
    CHECK(hours.first().toObject().value(QStringLiteral("openingTime")).toString() == QLatin1String("09:00:00"));

    CHECK(get(f.fhir(QStringLiteral("/Organization?identifier=NOPE")), token).object().value(QStringLiteral("total")).toInt() == 0);
    CHECK(get(f.fhir(QStringLiteral("/Organization?telecom=x")), token).status == 400);
    CHECK(get(f.fhir(QStringLiteral("/Organization")), {}).status == 401);
}

TEST_CASE("repeat templates: supply, and one the practice keeps off online ordering", "[sandbox][prescriptions]")
{
    Fixture f;
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const auto plans = repeatTemplates(f, token, parentIdOf(f));
    REQUIRE(plans.size() >= 5);
    int blocked = 0;
    for (const QJsonObject &plan : plans) {
        const QJsonObject dispense = plan.value(QStringLiteral("dispenseRequest")).toObject();
        CHECK(dispense.value(QStringLiteral("quantity")).toObject().value(QStringLiteral("value")).toDouble() > 0);
        CHECK(dispense.value(QStringLiteral("expectedSupplyDuration")).toObject().value(QStringLiteral("value")).toInt() == 28);
        blocked += plan.contains(QStringLiteral("extension"));
    }
    CHECK(blocked == 1);
    CHECK(plans.value(QStringLiteral("Sumatriptan 50mg tablets")).contains(QStringLiteral("extension")));
}

TEST_CASE("a repeat request moves to collection one step at a time, with its history", "[sandbox][prescriptions]")
{
    Fixture f;
    const QString parentId = parentIdOf(f);
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const QJsonObject plan = repeatTemplates(f, token, parentId).value(QStringLiteral("Atorvastatin 20mg tablets"));
    const QString planId = plan.value(QStringLiteral("id")).toString();
    REQUIRE_FALSE(planId.isEmpty());
    const Response created = send("POST", f.fhir(QStringLiteral("/Task")), token, renewal(parentId, planId, QStringLiteral("FA123")),
                                  "application/fhir+json");
    REQUIRE(created.status == 201);
    const QString id = created.object().value(QStringLiteral("id")).toString();

    const auto task = [&] { return get(f.fhir(QStringLiteral("/Task/") + id), token).object(); };
    const auto text = [](const QJsonObject &o, const char *element) {
        return o.value(QLatin1String(element)).toObject().value(QStringLiteral("text")).toString();
    };
    CHECK(advance(f, id) == QLatin1String("in-review"));
    CHECK(task().value(QStringLiteral("status")).toString() == QLatin1String("in-progress"));
    CHECK(text(task(), "businessStatus") == QLatin1String("In review"));
    CHECK(advance(f, id) == QLatin1String("accepted"));
    CHECK(task().value(QStringLiteral("status")).toString() == QLatin1String("accepted"));

    const int issuesBefore = get(f.fhir(QStringLiteral("/MedicationRequest?_summary=count&patient=") + parentId), token)
                                 .object().value(QStringLiteral("total")).toInt();
    CHECK(advance(f, id) == QLatin1String("issued"));
    const QJsonObject issued = task();
    CHECK(issued.value(QStringLiteral("status")).toString() == QLatin1String("completed"));
    CHECK(issued.value(QStringLiteral("output")).toArray().size() == 1);
    // The issue: an order based on the template, for the chosen pharmacy.
    const QJsonObject latest = get(f.fhir(QStringLiteral("/MedicationRequest?_count=1000&patient=") + parentId), token).object();
    CHECK(latest.value(QStringLiteral("total")).toInt() == issuesBefore + 1);
    const QJsonObject issue = latest.value(QStringLiteral("entry")).toArray().last().toObject().value(QStringLiteral("resource")).toObject();
    CHECK(issue.value(QStringLiteral("intent")).toString() == QLatin1String("order"));
    CHECK(issue.value(QStringLiteral("basedOn")).toArray().first().toObject().value(QStringLiteral("reference")).toString()
          == QStringLiteral("MedicationRequest/") + planId);
    CHECK(issue.value(QStringLiteral("dispenseRequest")).toObject().value(QStringLiteral("performer")).toObject()
              .value(QStringLiteral("identifier")).toObject().value(QStringLiteral("value")).toString() == QLatin1String("FA123"));

    CHECK(advance(f, id) == QLatin1String("ready-to-collect"));
    CHECK(text(task(), "businessStatus") == QLatin1String("Ready to collect"));
    CHECK(advance(f, id) == QLatin1String("collected"));
    CHECK(text(task(), "businessStatus") == QLatin1String("Collected"));
    CHECK(advance(f, id) == QLatin1String("http-409"));
    CHECK(advance(f, QStringLiteral("no-such-task")) == QLatin1String("http-404"));

    // FHIR history: six versions, newest first, each with its lastModified.
    const QJsonObject history = get(f.fhir(QStringLiteral("/Task/") + id + QStringLiteral("/_history")), token).object();
    CHECK(history.value(QStringLiteral("type")).toString() == QLatin1String("history"));
    const QJsonArray versions = history.value(QStringLiteral("entry")).toArray();
    REQUIRE(versions.size() == 6);
    CHECK(versions.first().toObject().value(QStringLiteral("resource")).toObject().value(QStringLiteral("meta")).toObject()
              .value(QStringLiteral("versionId")).toString() == QLatin1String("6"));
    CHECK(versions.last().toObject().value(QStringLiteral("resource")).toObject().value(QStringLiteral("status")).toString()
          == QLatin1String("requested"));
    CHECK(get(f.fhir(QStringLiteral("/Task/") + id + QStringLiteral("/_history")), f.accessToken(QStringLiteral("teen"))).status == 403);
}

TEST_CASE("a rejected request carries the practice's reason; timing moves requests on its own", "[sandbox][prescriptions]")
{
    Fixture f;
    const QString parentId = parentIdOf(f);
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const auto plans = repeatTemplates(f, token, parentId);
    const QString planId = plans.value(QStringLiteral("Metformin 500mg tablets")).value(QStringLiteral("id")).toString();
    REQUIRE_FALSE(planId.isEmpty());
    const auto create = [&] {
        const Response r = send("POST", f.fhir(QStringLiteral("/Task")), token, renewal(parentId, planId, QStringLiteral("FB456")),
                                "application/fhir+json");
        REQUIRE(r.status == 201);
        return r.object().value(QStringLiteral("id")).toString();
    };
    const QString id = create();
    CHECK(advance(f, id, QStringLiteral("Please book a medication review")) == QLatin1String("in-review")); // no reason yet
    CHECK(advance(f, id, QStringLiteral("Please book a medication review")) == QLatin1String("rejected"));
    const QJsonObject rejected = get(f.fhir(QStringLiteral("/Task/") + id), token).object();
    CHECK(rejected.value(QStringLiteral("status")).toString() == QLatin1String("rejected"));
    CHECK(rejected.value(QStringLiteral("statusReason")).toObject().value(QStringLiteral("text")).toString()
          == QLatin1String("Please book a medication review"));
    CHECK(advance(f, id) == QLatin1String("http-409"));

    // Timing: every 50 ms a step, until collected.
    const QString timed = create();
    REQUIRE(send("POST", f.url(QStringLiteral("/_sandbox/prescriptions/timing?step-ms=50"))).status == 200);
    QEventLoop loop;
    QTimer poll;
    QString business;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        business = get(f.fhir(QStringLiteral("/Task/") + timed), token).object().value(QStringLiteral("businessStatus")).toObject()
                       .value(QStringLiteral("text")).toString();
        if (business == QLatin1String("Collected"))
            loop.quit();
    });
    poll.start(40);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    CHECK(business == QLatin1String("Collected"));
    CHECK(send("POST", f.url(QStringLiteral("/_sandbox/prescriptions/timing?step-ms=-1"))).status == 400);
}

TEST_CASE("nominated pharmacy by JSON Patch: the patient only, the current version only, extensions only",
          "[sandbox][prescriptions]")
{
    Fixture f;
    const QString parentId = parentIdOf(f);
    const QString teenId = f.patientInfo(QStringLiteral("teen")).value(QStringLiteral("id")).toString();
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const QUrl patientUrl = f.fhir(QStringLiteral("/Patient/") + parentId);
    const QByteArray patchType = "application/json-patch+json";
    const QByteArray change = R"([{"op":"test","path":"/extension/0/url","value":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy"},
        {"op":"replace","path":"/extension/0/valueReference/identifier/value","value":"FC789"}])";
    const auto odsOf = [](const QJsonObject &patient) {
        return patient.value(QStringLiteral("extension")).toArray().first().toObject().value(QStringLiteral("valueReference")).toObject()
            .value(QStringLiteral("identifier")).toObject().value(QStringLiteral("value")).toString();
    };

    CHECK(send("PATCH", patientUrl, token, change, patchType).status == 428);                           // no If-Match
    CHECK(send("PATCH", patientUrl, token, change, "application/fhir+json", {{"If-Match", "W/\"1\""}}).status == 415);
    CHECK(send("PATCH", patientUrl, token, change, patchType, {{"If-Match", "W/\"7\""}}).status == 412);
    CHECK(send("PATCH", patientUrl, token, R"([{"op":"replace","path":"/birthDate","value":"1990-01-01"}])", patchType,
               {{"If-Match", "W/\"1\""}}).status == 403);
    CHECK(send("PATCH", patientUrl, token, R"([{"op":"test","path":"/extension/0/url","value":"nope"}])", patchType,
               {{"If-Match", "W/\"1\""}}).status == 422);
    // A proxy (the parent, for the teenager) may not.
    CHECK(send("PATCH", f.fhir(QStringLiteral("/Patient/") + teenId), token, change, patchType, {{"If-Match", "W/\"1\""}}).status == 403);
    CHECK(odsOf(get(patientUrl, token).object()) == QLatin1String("FA123"));   // nothing changed so far

    const Response done = send("PATCH", patientUrl, token, change, patchType, {{"If-Match", "W/\"1\""}});
    REQUIRE(done.status == 200);
    CHECK(odsOf(done.object()) == QLatin1String("FC789"));
    CHECK(done.object().value(QStringLiteral("meta")).toObject().value(QStringLiteral("versionId")).toString() == QLatin1String("2"));
    CHECK(odsOf(get(patientUrl, token).object()) == QLatin1String("FC789"));
    // The old version is stale now.
    CHECK(send("PATCH", patientUrl, token, change, patchType, {{"If-Match", "W/\"1\""}}).status == 412);
}

TEST_CASE("directory string searches: name contains, town, postcode", "[sandbox][prescriptions]")
{
    Fixture f;
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const auto total = [&](const QString &query) {
        return get(f.fhir(QStringLiteral("/Organization?") + query), token).object().value(QStringLiteral("total")).toInt();
    };
    CHECK(total(QStringLiteral("name:contains=late")) == 1);
    CHECK(total(QStringLiteral("name=late")) == 0);          // plain `name` is "starts with"
    CHECK(total(QStringLiteral("name=kirkstall")) == 1);
    CHECK(total(QStringLiteral("address-city=leeds")) == 3);
    CHECK(total(QStringLiteral("address-postalcode=ls61bd")) == 1);
    CHECK(total(QStringLiteral("address-postalcode=LS6")) == 2);
    const QJsonObject both = get(f.fhir(QStringLiteral("/Location?organization=Organization/pharm-FA123,Organization/pharm-FB456")), token).object();
    CHECK(both.value(QStringLiteral("total")).toInt() == 2);
}

TEST_CASE("a request the practice will not take is refused with words for the patient", "[sandbox][prescriptions]")
{
    Fixture f;
    const QString parentId = parentIdOf(f);
    const QByteArray token = f.accessToken(QStringLiteral("parent"));
    const auto plans = repeatTemplates(f, token, parentId);
    const QString blocked = plans.value(QStringLiteral("Sumatriptan 50mg tablets")).value(QStringLiteral("id")).toString();
    REQUIRE_FALSE(blocked.isEmpty());
    const Response refused = send("POST", f.fhir(QStringLiteral("/Task")), token, renewal(parentId, blocked, QStringLiteral("FA123")),
                                  "application/fhir+json");
    REQUIRE(refused.status == 422);
    const QJsonObject issue = refused.object().value(QStringLiteral("issue")).toArray().first().toObject();
    CHECK(issue.value(QStringLiteral("code")).toString() == QLatin1String("business-rule"));
    CHECK(issue.value(QStringLiteral("details")).toObject().value(QStringLiteral("text")).toString()
          == QLatin1String("This medicine cannot be ordered online. Please contact your GP surgery."));
    CHECK(send("POST", f.fhir(QStringLiteral("/Task")), token, renewal(parentId, QStringLiteral("no-such-plan"), QStringLiteral("FA123")),
               "application/fhir+json").status == 422);
    CHECK(get(f.url(QStringLiteral("/_sandbox/resources?type=Task"))).object().value(QStringLiteral("count")).toInt() == 0);
}
