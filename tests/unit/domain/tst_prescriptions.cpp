// GP Connect Prescriptions Management payloads (R4, UK Core): every NHS example file parses into
// values; the orderable rules; the Task a repeat request sends; the request timeline.
#include "Pharmacy.h"
#include "PharmacyDirectory.h"
#include "PharmacyRepository.h"
#include "PrescriptionsRepository.h"
#include "PrescriptionReader.h"
#include "PrescriptionRequest.h"
#include "PrescriptionTimeline.h"

#include "store/ResourceStore.h"
#include "support/TestCache.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace hearth;
namespace rx = hearth::prescriptions;

namespace {

const QString kDir = QStringLiteral(HEARTH_NHS_FIXTURES_DIR "/prescriptions");

QByteArray fixture(const QString &name)
{
    QFile f(kDir + QLatin1Char('/') + name);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

rx::BundleContents readFixture(const QString &name)
{
    auto r = rx::read(fixture(name));
    INFO(name.toStdString());
    REQUIRE(r.ok());
    return std::move(r).value();
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

MedicationRequestInfo activeRepeat(const QString &id = QStringLiteral("plan-1"))
{
    MedicationRequestInfo m;
    m.id = id;
    m.status = QStringLiteral("active");
    m.intent = MedicationIntent::Plan;
    m.course = CourseOfTherapy::Continuous;
    m.medication = QStringLiteral("Example 10mg tablets");
    return m;
}

} // namespace

TEST_CASE("every NHS prescriptions fixture parses", "[prescriptions]")
{
    const QStringList files = QDir(kDir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    REQUIRE(files.size() >= 12);
    int medicationRequests = 0;
    int tasks = 0;
    for (const QString &name : files) {
        const rx::BundleContents c = readFixture(name);
        INFO(name.toStdString());
        CHECK(c.otherEntries == 0);
        CHECK(c.medicationRequests.size() + c.tasks.size() > 0);
        for (const MedicationRequestInfo &m : c.medicationRequests) {
            CHECK_FALSE(m.id.isEmpty());
            CHECK_FALSE(m.medication.isEmpty());
            CHECK_FALSE(m.dosageText.isEmpty());
            CHECK(m.intent != MedicationIntent::Other);
            CHECK(m.course == CourseOfTherapy::Continuous);
            CHECK(m.authoredOn.isValid());
            // An issue names its template (methotrexate.json's plan names one too).
            if (m.intent == MedicationIntent::Order)
                CHECK_FALSE(m.basedOnId.isEmpty());
        }
        for (const RenewalTask &t : c.tasks) {
            // includeMedReqs.json's Tasks carry no code; every coded one is a renewal.
            CHECK((t.isRenewal() || t.code.isEmpty()));
            CHECK(t.intent == QLatin1String("order"));
            CHECK(t.status != TaskStatus::Other);
            CHECK(t.forPatientId == QLatin1String("9000000009"));
            CHECK_FALSE(t.focusMedicationRequestId.isEmpty());
            CHECK_FALSE(t.clientIdentifier.isEmpty());
            CHECK(t.authoredOn.isValid());
            CHECK(t.lastModified >= t.authoredOn);
            if (t.status == TaskStatus::Rejected)
                CHECK_FALSE(t.statusReason.isEmpty());
        }
        medicationRequests += int(c.medicationRequests.size());
        tasks += int(c.tasks.size());
    }
    CHECK(medicationRequests == 10);
    CHECK(tasks == 12);
}

TEST_CASE("a Task POST body: preferred performer, note, focus", "[prescriptions]")
{
    const rx::BundleContents c = readFixture(QStringLiteral("spec-task-1.json"));
    REQUIRE(c.tasks.size() == 1);
    const RenewalTask &t = c.tasks.first();
    CHECK(t.id.isEmpty());   // a create body has no id yet
    CHECK(t.status == TaskStatus::Requested);
    CHECK(t.preferredPerformerOds == QLatin1String("FLM49"));
    CHECK(t.notes == QStringList{QStringLiteral("ran out of previous prescription")});
    CHECK(t.focusMedicationRequestId == QLatin1String("b269d1d7-1acf-47bb-8b3c-e38b583d9a07"));
    CHECK(t.clientIdentifier == QLatin1String("ce3354f5-98c2-43ad-95bd-a6df1c5ed169"));
    CHECK(t.authoredOn == utc("2022-10-13T09:20:27.000Z"));
}

TEST_CASE("Task states from the spec: rejected with reason, in progress, completed and sent to EPS", "[prescriptions]")
{
    const RenewalTask rejected = readFixture(QStringLiteral("spec-task-4.json")).tasks.value(0);
    CHECK(rejected.status == TaskStatus::Rejected);
    CHECK(rejected.statusReason == QLatin1String("No longer suitable, please contact GP to organise an appointment"));
    // +07:00 offsets come back as UTC.
    CHECK(rejected.lastModified == utc("2022-08-14T04:40:47.000Z"));

    CHECK(readFixture(QStringLiteral("spec-task-5.json")).tasks.value(0).status == TaskStatus::InProgress);

    const RenewalTask done = readFixture(QStringLiteral("spec-task-6.json")).tasks.value(0);
    CHECK(done.status == TaskStatus::Completed);
    CHECK(done.sentToEpsItem == QLatin1String("4857b9d3-b714-44b9-9e67-3df67275b785"));
}

TEST_CASE("repeat template with UK Core repeat information", "[prescriptions]")
{
    const rx::BundleContents c = readFixture(QStringLiteral("includeMedReqs.json"));
    REQUIRE(c.medicationRequests.size() == 1);
    REQUIRE(c.tasks.size() == 3);
    const MedicationRequestInfo &m = c.medicationRequests.first();
    CHECK(m.intent == MedicationIntent::Plan);
    CHECK(m.medication == QLatin1String("Pulmicort 100 Turbohaler (AstraZeneca UK Ltd)"));
    CHECK(m.medicationCode == QLatin1String("3113111000001106"));
    CHECK(m.dosageText == QLatin1String("One to two puffs to be inhaled as needed"));
    REQUIRE(m.issuesSoFar.has_value());
    CHECK(*m.issuesSoFar == 1);
    CHECK(m.authorisationExpiry == utc("2023-09-10T19:00:00.000Z"));
    CHECK_FALSE(m.quantity.has_value());
    // Every Task of the bundle points at this template.
    for (const RenewalTask &t : c.tasks)
        CHECK(t.focusMedicationRequestId == m.id);

    CHECK(rx::notOrderableReason(m, utc("2023-01-01T00:00:00Z")) == NotOrderableReason::None);
    CHECK(rx::notOrderableReason(m, utc("2023-09-10T19:00:00Z")) == NotOrderableReason::AuthorisationEnded);
}

TEST_CASE("issues of a repeat: quantity, supply, repeats, performer, basedOn", "[prescriptions]")
{
    const rx::BundleContents c = readFixture(QStringLiteral("multiplePrescriptions.json"));
    REQUIRE(c.medicationRequests.size() == 5);
    const MedicationRequestInfo &issue = c.medicationRequests.first();
    CHECK(issue.intent == MedicationIntent::Order);
    CHECK(issue.basedOnId == QLatin1String("4de39acf-73b1-4dc6-bb87-c98b57ee5413"));
    REQUIRE(issue.quantity.has_value());
    CHECK(issue.quantity->value == 1);
    CHECK(issue.quantity->unit == QLatin1String("inhaler"));
    CHECK(issue.supplyDays == 28);
    CHECK(issue.repeatsAllowed == std::optional<int>(6));
    CHECK(issue.performerOds == QLatin1String("Y12345"));
    CHECK(rx::notOrderableReason(issue, QDateTime::currentDateTimeUtc()) == NotOrderableReason::NotARepeat);

    int plans = 0;
    for (const MedicationRequestInfo &m : c.medicationRequests)
        plans += m.intent == MedicationIntent::Plan;
    CHECK(plans == 2);

    const rx::BundleContents mtx = readFixture(QStringLiteral("methotrexate.json"));
    const MedicationRequestInfo &first = mtx.medicationRequests.first();
    CHECK(first.supplyDays == 7);
    CHECK(first.validityEnd == utc("2020-08-07T12:00:00Z"));
    CHECK(first.patientInstruction == QLatin1String("As directed"));
}

TEST_CASE("orderable online: the rules in order", "[prescriptions]")
{
    const QDateTime now = utc("2026-11-01T10:00:00Z");
    MedicationRequestInfo m = activeRepeat();
    CHECK(rx::notOrderableReason(m, now) == NotOrderableReason::None);

    auto with = [&](auto change) { MedicationRequestInfo c = m; change(c); return rx::notOrderableReason(c, now); };
    CHECK(with([](auto &c) { c.course = CourseOfTherapy::Acute; }) == NotOrderableReason::NotARepeat);
    CHECK(with([](auto &c) { c.intent = MedicationIntent::Order; }) == NotOrderableReason::NotARepeat);
    CHECK(with([](auto &c) { c.status = QStringLiteral("stopped"); }) == NotOrderableReason::NotActive);
    CHECK(with([](auto &c) { c.course = CourseOfTherapy::RepeatDispensing; }) == NotOrderableReason::RepeatDispensing);
    CHECK(with([](auto &c) { c.repeatsAllowed = 6; c.issuesSoFar = 6; }) == NotOrderableReason::NoIssuesLeft);
    CHECK(with([](auto &c) { c.repeatsAllowed = 6; c.issuesSoFar = 5; }) == NotOrderableReason::None);
    CHECK(with([](auto &c) { c.onlineOrderingDisallowed = true; }) == NotOrderableReason::PracticeDisallows);

    // The practice's flag is read from the extension; absent means allowed.
    QJsonObject json{{QStringLiteral("resourceType"), QStringLiteral("MedicationRequest")},
                     {QStringLiteral("id"), QStringLiteral("x")},
                     {QStringLiteral("status"), QStringLiteral("active")},
                     {QStringLiteral("intent"), QStringLiteral("plan")}};
    CHECK_FALSE(rx::readMedicationRequest(json).onlineOrderingDisallowed);
    json.insert(QStringLiteral("extension"),
                QJsonArray{QJsonObject{{QStringLiteral("url"), QString::fromLatin1(rx::kOnlineOrderingExtension)},
                                       {QStringLiteral("valueBoolean"), false}}});
    CHECK(rx::readMedicationRequest(json).onlineOrderingDisallowed);
}

TEST_CASE("a repeat request builds one UK Core Task per item and reads back as one", "[prescriptions]")
{
    const QDateTime now = utc("2026-11-01T10:00:00Z");
    PrescriptionRequest request(QStringLiteral("p1"), QStringLiteral("FA123"));
    request.setAuthoredOn(now);
    request.setNote(QStringLiteral("Away next week"));
    request.addItem(activeRepeat(QStringLiteral("plan-1")));
    request.addItem(activeRepeat(QStringLiteral("plan-2")));
    REQUIRE(request.validate(now) == PrescriptionRequest::Problem::None);

    QList<QPair<QString, QByteArray>> queued;
    const auto enqueue = [&](const QString &kind, const QString &type, const QByteArray &json) -> Result<QString> {
        CHECK(kind == QLatin1String("repeat-prescription"));
        queued.append({type, json});
        return QStringLiteral("id-%1").arg(queued.size());
    };
    const Result<QStringList> ids = request.submit(enqueue, now);
    REQUIRE(ids.ok());
    CHECK(ids.value() == QStringList{QStringLiteral("id-1"), QStringLiteral("id-2")});
    REQUIRE(queued.size() == 2);

    const QJsonObject task = QJsonDocument::fromJson(queued.at(0).second).object();
    CHECK(queued.at(0).first == QLatin1String("Task"));
    CHECK(task.value(QStringLiteral("meta")).toObject().value(QStringLiteral("profile")).toArray().first().toString()
          == QLatin1String(rx::kUkCoreTaskProfile));
    const RenewalTask back = rx::readTask(task);
    CHECK(back.isRenewal());
    CHECK(back.status == TaskStatus::Requested);
    CHECK(back.intent == QLatin1String("order"));
    CHECK(back.focusMedicationRequestId == QLatin1String("plan-1"));
    CHECK(back.forPatientId == QLatin1String("p1"));
    CHECK(back.preferredPerformerOds == QLatin1String("FA123"));
    CHECK(back.notes == QStringList{QStringLiteral("Away next week")});
    CHECK(back.authoredOn == now);
    CHECK(rx::readTask(QJsonDocument::fromJson(queued.at(1).second).object()).focusMedicationRequestId
          == QLatin1String("plan-2"));

    // Without setAuthoredOn every item gets submit's time: one request, one authoredOn.
    PrescriptionRequest unset(QStringLiteral("p1"), QStringLiteral("FA123"));
    unset.addItem(activeRepeat(QStringLiteral("plan-1")));
    unset.addItem(activeRepeat(QStringLiteral("plan-2")));
    queued.clear();
    const QDateTime later = now.addSecs(90);
    REQUIRE(unset.submit(enqueue, later).ok());
    REQUIRE(queued.size() == 2);
    for (const auto &[type, json] : queued)
        CHECK(rx::readTask(QJsonDocument::fromJson(json).object()).authoredOn == later);
}

TEST_CASE("a repeat request refuses what it must not send", "[prescriptions]")
{
    const QDateTime now = utc("2026-11-01T10:00:00Z");
    using P = PrescriptionRequest::Problem;
    int calls = 0;
    const auto enqueue = [&](const QString &, const QString &, const QByteArray &) -> Result<QString> {
        ++calls;
        return QStringLiteral("id");
    };

    PrescriptionRequest empty(QStringLiteral("p1"), QStringLiteral("FA123"));
    CHECK(empty.validate(now) == P::NoItems);

    PrescriptionRequest note(QStringLiteral("p1"), QStringLiteral("FA123"));
    note.addItem(activeRepeat());
    note.setNote(QString(PrescriptionRequest::kMaxNoteLength, QLatin1Char('a')));
    CHECK(note.validate(now) == P::None);
    note.setNote(QString(PrescriptionRequest::kMaxNoteLength + 1, QLatin1Char('a')));
    CHECK(note.validate(now) == P::NoteTooLong);
    CHECK_FALSE(note.submit(enqueue, now).ok());

    PrescriptionRequest twice(QStringLiteral("p1"), QStringLiteral("FA123"));
    twice.addItem(activeRepeat());
    twice.addItem(activeRepeat());
    CHECK(twice.validate(now) == P::DuplicateItem);

    PrescriptionRequest disallowed(QStringLiteral("p1"), QStringLiteral("FA123"));
    MedicationRequestInfo m = activeRepeat();
    m.onlineOrderingDisallowed = true;
    disallowed.addItem(m);
    CHECK(disallowed.validate(now) == P::NotOrderable);

    PrescriptionRequest noPharmacy(QStringLiteral("p1"), QStringLiteral(" "));
    noPharmacy.addItem(activeRepeat());
    CHECK(noPharmacy.validate(now) == P::NoPharmacy);
    CHECK(calls == 0);
}

TEST_CASE("timeline from Task versions and the issue", "[prescriptions]")
{
    RenewalTask v;
    v.focusMedicationRequestId = QStringLiteral("plan-1");
    v.preferredPerformerOds = QStringLiteral("FA123");
    v.authoredOn = utc("2026-11-01T09:00:00Z");
    v.lastModified = v.authoredOn;
    v.status = TaskStatus::Requested;
    QList<RenewalTask> versions{v};
    auto next = [&](TaskStatus s, const char *when, const QString &business = {}) {
        v.status = s;
        v.businessStatus = business;
        v.lastModified = utc(when);
        versions << v;
    };
    next(TaskStatus::InProgress, "2026-11-01T10:00:00Z", QStringLiteral("In review"));
    next(TaskStatus::Accepted, "2026-11-02T08:00:00Z");
    next(TaskStatus::Completed, "2026-11-02T09:00:00Z");
    next(TaskStatus::Completed, "2026-11-03T11:00:00Z", QStringLiteral("Ready to collect"));
    next(TaskStatus::Completed, "2026-11-04T16:30:00Z", QStringLiteral("Collected"));

    MedicationRequestInfo issue;
    issue.id = QStringLiteral("issue-9");
    issue.intent = MedicationIntent::Order;
    issue.basedOnId = QStringLiteral("plan-1");
    issue.authoredOn = utc("2026-11-02T09:00:00Z");
    MedicationRequestInfo older = issue;   // an issue from before the request is not this one
    older.id = QStringLiteral("issue-1");
    older.authoredOn = utc("2026-10-01T09:00:00Z");

    const QList<TimelineEntry> t = rx::buildTimeline(versions, {older, issue});
    REQUIRE(t.size() == 6);
    const QList<RequestStep> steps{RequestStep::Requested, RequestStep::InReview, RequestStep::Approved,
                                   RequestStep::Issued, RequestStep::ReadyToCollect, RequestStep::Collected};
    for (int i = 0; i < 6; ++i) {
        CHECK(t.at(i).step == steps.at(i));
        CHECK(t.at(i).at.isValid());
    }
    CHECK(t.at(1).at == utc("2026-11-01T10:00:00Z"));
    CHECK(t.at(3).issuedMedicationRequestId == QLatin1String("issue-9"));
    CHECK(t.at(4).pharmacyOds == QLatin1String("FA123"));
    CHECK(t.at(5).at == utc("2026-11-04T16:30:00Z"));

    // Only the latest version known: earlier steps are listed without a date.
    const QList<TimelineEntry> latest = rx::buildTimeline({versions.last()}, {});
    CHECK(rx::currentStep(latest) == RequestStep::Collected);
    CHECK(latest.at(0).at == v.authoredOn);
    CHECK_FALSE(latest.at(1).at.isValid());

    // Rejected ends it, with the practice's reason.
    RenewalTask r = versions.first();
    QList<RenewalTask> rejected{r};
    r.status = TaskStatus::InProgress;
    r.lastModified = utc("2026-11-01T10:00:00Z");
    rejected << r;
    r.status = TaskStatus::Rejected;
    r.statusReason = QStringLiteral("Please book a medication review");
    r.lastModified = utc("2026-11-01T12:00:00Z");
    rejected << r;
    const QList<TimelineEntry> rt = rx::buildTimeline(rejected, {issue});
    REQUIRE(rt.size() == 3);
    CHECK(rt.at(2).step == RequestStep::Rejected);
    CHECK(rt.at(2).reason == QLatin1String("Please book a medication review"));
    CHECK(rt.at(2).at == utc("2026-11-01T12:00:00Z"));
}

TEST_CASE("pharmacy: Organization, its Location's opening hours, the nominated one on Patient", "[prescriptions]")
{
    const QByteArray org = R"({"resourceType":"Organization","id":"o1",
        "identifier":[{"system":"urn:other","value":"X"},{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"FA123"}],
        "name":"Hyde Park Pharmacy","telecom":[{"system":"email","value":"a@b"},{"system":"phone","value":"0113 496 0101"}],
        "address":[{"line":["12 Brudenell Road"],"city":"Leeds","postalCode":"LS6 1BD"}]})";
    Pharmacy p = rx::readPharmacy(QJsonDocument::fromJson(org).object());
    CHECK(p.ods == QLatin1String("FA123"));
    CHECK(p.name == QLatin1String("Hyde Park Pharmacy"));
    CHECK(p.addressLines == QStringList{QStringLiteral("12 Brudenell Road")});
    CHECK(p.postcode == QLatin1String("LS6 1BD"));
    CHECK(p.phone == QLatin1String("0113 496 0101"));

    const QByteArray other = R"({"resourceType":"Location","managingOrganization":{"reference":"Organization/o2"},
        "hoursOfOperation":[{"daysOfWeek":["mon"],"openingTime":"09:00:00","closingTime":"17:00:00"}]})";
    CHECK_FALSE(rx::addLocation(p, QJsonDocument::fromJson(other).object()));
    CHECK(p.hours.isEmpty());
    const QByteArray location = R"({"resourceType":"Location","managingOrganization":{"reference":"Organization/o1"},
        "hoursOfOperation":[{"daysOfWeek":["mon","tue","wed","thu","fri"],"openingTime":"09:00:00","closingTime":"18:30:00"},
                            {"daysOfWeek":["sun"],"allDay":true}]})";
    REQUIRE(rx::addLocation(p, QJsonDocument::fromJson(location).object()));
    REQUIRE(p.hours.size() == 2);
    CHECK(p.hours.at(0).days.size() == 5);
    CHECK(p.hours.at(0).closes == QTime(18, 30));
    CHECK(p.hours.at(1).allDay);
    CHECK_FALSE(p.hours.at(1).opens.isValid());

    const QByteArray patient = R"({"resourceType":"Patient","extension":[
        {"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy",
         "valueReference":{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"FA123"}}}]})";
    CHECK(rx::nominatedPharmacyOds(QJsonDocument::fromJson(patient).object()) == QLatin1String("FA123"));
    CHECK(rx::nominatedPharmacyOds(QJsonObject{}).isEmpty());
}

namespace {

QByteArray compact(const char *json) { return QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact); }

QJsonArray patchOf(const QByteArray &patch)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(patch, &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(doc.isArray());
    return doc.array();
}

} // namespace

TEST_CASE("nomination patch: replace the UK Core extension in place, or add it", "[prescriptions]")
{
    const QJsonObject withIt = QJsonDocument::fromJson(R"({"resourceType":"Patient","id":"p1","extension":[
        {"url":"https://example.org/other","valueString":"x"},
        {"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy",
         "valueReference":{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"FA123"}}}]})").object();
    const QJsonArray replace = patchOf(rx::nominationPatch(withIt, QStringLiteral("FB456")));
    REQUIRE(replace.size() == 2);
    CHECK(replace.at(0).toObject().value(QStringLiteral("op")).toString() == QLatin1String("test"));
    CHECK(replace.at(0).toObject().value(QStringLiteral("path")).toString() == QLatin1String("/extension/1/url"));
    CHECK(replace.at(1).toObject().value(QStringLiteral("op")).toString() == QLatin1String("replace"));
    CHECK(replace.at(1).toObject().value(QStringLiteral("path")).toString() == QLatin1String("/extension/1/valueReference"));
    CHECK(replace.at(1).toObject().value(QStringLiteral("value")).toObject().value(QStringLiteral("identifier")).toObject()
              .value(QStringLiteral("value")).toString() == QLatin1String("FB456"));

    const QJsonObject otherOnly = QJsonDocument::fromJson(R"({"resourceType":"Patient","extension":[{"url":"x"}]})").object();
    const QJsonArray append = patchOf(rx::nominationPatch(otherOnly, QStringLiteral("FB456")));
    REQUIRE(append.size() == 1);
    CHECK(append.at(0).toObject().value(QStringLiteral("op")).toString() == QLatin1String("add"));
    CHECK(append.at(0).toObject().value(QStringLiteral("path")).toString() == QLatin1String("/extension/-"));

    const QJsonArray first = patchOf(rx::nominationPatch(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Patient")}},
                                                        QStringLiteral("FB456")));
    REQUIRE(first.size() == 1);
    CHECK(first.at(0).toObject().value(QStringLiteral("path")).toString() == QLatin1String("/extension"));
    // What the patch adds reads back as the nomination.
    QJsonObject patched{{QStringLiteral("extension"), first.at(0).toObject().value(QStringLiteral("value"))}};
    CHECK(rx::nominatedPharmacyOds(patched) == QLatin1String("FB456"));
}

TEST_CASE("pharmacy repository: the nominated pharmacy from stored rows; rows replaced, not piled up", "[prescriptions]")
{
    test::TempCache cache;
    REQUIRE(cache.db);
    ResourceStore store(cache.db->database());
    PharmacyRepository repository(store);

    auto none = repository.nominated(QStringLiteral("p1"));
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());   // no Patient stored

    StoredResource patient;
    patient.type = QStringLiteral("Patient");
    patient.id = QStringLiteral("p1");
    patient.json = compact(R"({"resourceType":"Patient","id":"p1","extension":[
        {"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy",
         "valueReference":{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"FA123"}}}]})");
    REQUIRE(store.put(patient).ok());
    auto bare = repository.nominated(QStringLiteral("p1"));
    REQUIRE(bare.ok());
    REQUIRE(bare->has_value());
    CHECK((*bare)->ods == QLatin1String("FA123"));
    CHECK((*bare)->name.isEmpty());   // details not downloaded yet

    rx::PharmacyRows rows;
    rows.ods = QStringLiteral("FA123");
    rows.organization = compact(R"({"resourceType":"Organization","id":"org-1","name":"Hyde Park Pharmacy",
        "identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"FA123"}],
        "address":[{"line":["12 Brudenell Road"],"city":"Leeds","postalCode":"LS6 1BD"}]})");
    rows.locations << compact(R"({"resourceType":"Location","id":"loc-1","managingOrganization":{"reference":"Organization/org-1"},
        "hoursOfOperation":[{"daysOfWeek":["mon","tue"],"openingTime":"09:00:00","closingTime":"18:00:00"}]})")
                   << compact(R"({"resourceType":"Location","id":"loc-2","managingOrganization":{"reference":"Organization/org-1"},
        "hoursOfOperation":[{"daysOfWeek":["sat"],"openingTime":"10:00:00","closingTime":"13:00:00"}]})");
    REQUIRE(cache.db->transaction([&] { return rx::storePharmacyRows(store, rows); }).ok());
    auto full = repository.nominated(QStringLiteral("p1"));
    REQUIRE(full.ok());
    REQUIRE(full->has_value());
    CHECK((*full)->name == QLatin1String("Hyde Park Pharmacy"));
    CHECK((*full)->postcode == QLatin1String("LS6 1BD"));
    CHECK((*full)->hours.size() == 2);

    // The pharmacy stops opening on Saturdays: its second Location goes.
    rows.locations.removeLast();
    REQUIRE(cache.db->transaction([&] { return rx::storePharmacyRows(store, rows); }).ok());
    auto fewer = repository.byOds(QStringLiteral("fa123"));
    REQUIRE(fewer.ok());
    REQUIRE(fewer->has_value());
    CHECK((*fewer)->hours.size() == 1);
    CHECK(store.count(QStringLiteral("Location")).value() == 1);
    auto other = repository.byOds(QStringLiteral("FB456"));
    REQUIRE(other.ok());
    CHECK_FALSE(other->has_value());
}

TEST_CASE("request versions: the stored Task history, ending with the stored Task", "[prescriptions]")
{
    test::TempCache cache;
    REQUIRE(cache.db);
    ResourceStore store(cache.db->database());
    PrescriptionsRepository repository(store);
    const auto version = [](int n, const char *status, const char *when) {
        return QStringLiteral(R"({"resourceType":"Task","id":"t1","meta":{"versionId":"%1","lastUpdated":"%3"},
            "status":"%2","intent":"order","focus":{"reference":"MedicationRequest/plan-1"},"for":{"reference":"Patient/p1"},
            "authoredOn":"2026-11-01T09:00:00Z","lastModified":"%3"})").arg(n).arg(QLatin1String(status), QLatin1String(when));
    };
    const QString v1 = version(1, "requested", "2026-11-01T09:00:00Z");
    const QString v2 = version(2, "in-progress", "2026-11-01T10:00:00Z");
    const QString v3 = version(3, "accepted", "2026-11-02T08:00:00Z");
    const QString v4 = version(4, "completed", "2026-11-02T09:00:00Z");
    const RenewalTask latest3 = rx::readTask(QJsonDocument::fromJson(v3.toUtf8()).object());

    // No history stored: just the Task.
    auto only = repository.versions(latest3);
    REQUIRE(only.ok());
    CHECK(only->size() == 1);

    // History (newest first, as FHIR sends it) of versions 1-3.
    StoredResource history;
    history.type = QString::fromLatin1(kTaskHistoryType);
    history.id = QStringLiteral("t1");
    history.versionId = QStringLiteral("3");
    history.json = QStringLiteral(R"({"resourceType":"Bundle","type":"history","entry":[{"resource":%1},{"resource":%2},{"resource":%3}]})")
                       .arg(v3, v2, v1).toUtf8();
    REQUIRE(store.put(history).ok());
    auto three = repository.versions(latest3);
    REQUIRE(three.ok());
    REQUIRE(three->size() == 3);
    CHECK(three->at(0).versionId == QLatin1String("1"));
    CHECK(three->at(2).status == TaskStatus::Accepted);
    const auto timeline = rx::buildTimeline(*three, {});
    REQUIRE(timeline.size() == 3);
    for (const TimelineEntry &e : timeline)
        CHECK(e.at.isValid());

    // The Task moved on since: the stored one ends the list.
    const RenewalTask latest4 = rx::readTask(QJsonDocument::fromJson(v4.toUtf8()).object());
    auto four = repository.versions(latest4);
    REQUIRE(four.ok());
    REQUIRE(four->size() == 4);
    CHECK(four->last().status == TaskStatus::Completed);
    // An older stored Task than the history (never shows a step it has not reached).
    const RenewalTask latest2 = rx::readTask(QJsonDocument::fromJson(v2.toUtf8()).object());
    auto two = repository.versions(latest2);
    REQUIRE(two.ok());
    REQUIRE(two->size() == 2);
    CHECK(two->last().status == TaskStatus::InProgress);
}
