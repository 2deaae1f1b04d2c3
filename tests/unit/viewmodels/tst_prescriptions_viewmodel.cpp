// The prescriptions view-model over a real encrypted store holding sandbox-like resources and a real
// Outbox whose server is a dead address (so requests wait): the medicines list and its wording, the
// order (one request however often it is submitted), waiting and refused requests, "Try again", and
// a request's timeline.
#include "support/CatchQt.h"
#include "support/SpinUntil.h"
#include "../domain/SectionsFixture.h"

#include "PrescriptionRequest.h"
#include "PrescriptionsViewModel.h"

#include "net/ApiClient.h"
#include "store/OutboxStore.h"
#include "sync/Outbox.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>

using namespace hearth;
using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

namespace {

const bool kLondon = test::useLondonTime();

QUrl deadBase()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(u"http://127.0.0.1:%1/fhir/R4"_s.arg(port));
}

QByteArray plan(const QString &id, const QString &name, const QString &status, const QString &extra = {})
{
    return uR"({"resourceType":"MedicationRequest","id":"%1","status":"%3","intent":"plan",
        "courseOfTherapyType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy","code":"continuous"}]},
        "medicationCodeableConcept":{"text":"%2"},"subject":{"reference":"Patient/p1"},"authoredOn":"2025-01-10",
        "dosageInstruction":[{"text":"One tablet twice a day"}],
        "dispenseRequest":{"numberOfRepeatsAllowed":11,"quantity":{"value":56,"unit":"tablet"},
          "expectedSupplyDuration":{"value":28,"unit":"days","system":"http://unitsofmeasure.org","code":"d"}}%4})"_s
        .arg(id, name, status, extra).toUtf8();
}

QByteArray issue(const QString &id, const QString &planId, const QString &name, const QString &date)
{
    return uR"({"resourceType":"MedicationRequest","id":"%1","status":"completed","intent":"order",
        "courseOfTherapyType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy","code":"continuous"}]},
        "medicationCodeableConcept":{"text":"%3"},"subject":{"reference":"Patient/p1"},"authoredOn":"%4",
        "basedOn":[{"reference":"MedicationRequest/%2"}]})"_s.arg(id, planId, name, date).toUtf8();
}

struct Env : test::SectionsStore {
    QNetworkAccessManager nam;
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<Outbox> outbox;
    PrescriptionsViewModel vm;

    Env()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        putJson(R"({"resourceType":"Patient","id":"p1","name":[{"given":["Sam"],"family":"Jones"}],
            "extension":[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NominatedPharmacy",
              "valueReference":{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"FA123"}}}]})");
        putJson(R"({"resourceType":"Organization","id":"org-fa123","name":"Hyde Park Pharmacy",
            "identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"FA123"}],
            "address":[{"line":["1 Hyde Park Corner"],"city":"Leeds","postalCode":"LS6 2AB"}]})");
        putJson(plan(u"mr-metformin"_s, u"Metformin 500mg tablets"_s, u"active"_s));
        putJson(issue(u"mr-metformin-1"_s, u"mr-metformin"_s, u"Metformin 500mg tablets"_s, u"2026-11-01"_s));
        putJson(plan(u"mr-amlodipine"_s, u"Amlodipine 5mg tablets"_s, u"active"_s));
        putJson(plan(u"mr-sumatriptan"_s, u"Sumatriptan 50mg tablets"_s, u"active"_s,
                     uR"(,"extension":[{"url":"https://fhir.hearth.example/StructureDefinition/patient-online-ordering-allowed","valueBoolean":false}])"_s));
        putJson(plan(u"mr-simvastatin"_s, u"Simvastatin 20mg tablets"_s, u"stopped"_s));
        putJson(R"({"resourceType":"MedicationRequest","id":"mr-amoxicillin","status":"completed","intent":"order",
            "courseOfTherapyType":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy","code":"acute"}]},
            "medicationCodeableConcept":{"text":"Amoxicillin 250mg capsules"},"subject":{"reference":"Patient/p1"},
            "authoredOn":"2026-09-02","dosageInstruction":[{"text":"One capsule three times a day"}]})");

        api = std::make_unique<ApiClient>(nam, deadBase());
        api->setTransferTimeoutMs(3000);
        auto opened = Outbox::open(*cache.db, *api);
        REQUIRE(opened.ok());
        outbox = std::move(opened).value();
        outbox->setAutoRetry(false);
        outbox->setBackoff([](int, const Error &) { return milliseconds(60 * 60 * 1000); });

        vm.setNow(QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
        for (QAbstractItemModel *m : {static_cast<QAbstractItemModel *>(vm.medicines()),
                                      static_cast<QAbstractItemModel *>(vm.requests()),
                                      static_cast<QAbstractItemModel *>(vm.timeline())})
            new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::Fatal, &vm);
        vm.setSources(store.get(), outbox.get(), u"p1"_s);
    }

    ~Env() { vm.setSources(nullptr, nullptr, {}); }

    QList<OutboxItem> items() const
    {
        auto all = outbox->items();
        REQUIRE(all.ok());
        return *all;
    }
};

QVariantMap rowOf(const PrescriptionsListModel *m, const QString &key, const QString &value)
{
    for (const QVariantMap &r : m->rows())
        if (r.value(key).toString() == value)
            return r;
    return {};
}

} // namespace

TEST_CASE("medicines: repeats you can order first, then those you cannot (with why), then one-off and past")
{
    REQUIRE(kLondon);
    Env env;
    const PrescriptionsListModel *m = env.vm.medicines();
    REQUIRE(m->status() == PrescriptionsListModel::Content);
    QStringList order;
    for (const QVariantMap &r : m->rows())
        order << r.value(u"templateId"_s).toString();
    CHECK(order == QStringList{u"mr-amlodipine"_s, u"mr-metformin"_s, u"mr-sumatriptan"_s, u"mr-amoxicillin"_s,
                               u"mr-simvastatin"_s});
    CHECK(env.vm.orderableCount() == 2);

    const QVariantMap metformin = rowOf(m, u"templateId"_s, u"mr-metformin"_s);
    CHECK(metformin.value(u"orderable"_s).toBool());
    CHECK(metformin.value(u"group"_s).toString() == u"Repeat prescriptions you can order"_s);
    CHECK(metformin.value(u"detail"_s).toString() == u"One tablet twice a day"_s);
    CHECK(metformin.value(u"quantityText"_s).toString() == u"Quantity: 56 tablets"_s);
    CHECK(metformin.value(u"lastIssuedText"_s).toString() == u"Last issued 1 November 2026"_s);
    CHECK(metformin.value(u"nextDueText"_s).toString() == u"Next supply due around 29 November 2026"_s);
    CHECK(rowOf(m, u"templateId"_s, u"mr-amlodipine"_s).value(u"lastIssuedText"_s).toString() == u"Not issued yet"_s);

    const QVariantMap sumatriptan = rowOf(m, u"templateId"_s, u"mr-sumatriptan"_s);
    CHECK_FALSE(sumatriptan.value(u"orderable"_s).toBool());
    CHECK(sumatriptan.value(u"group"_s).toString() == u"Repeat prescriptions you cannot order online"_s);
    CHECK(sumatriptan.value(u"reasonText"_s).toString()
          == PrescriptionsViewModel::reasonText(NotOrderableReason::PracticeDisallows));
    CHECK(sumatriptan.value(u"accessibleText"_s).toString().contains(u"Cannot be ordered online"_s));

    const QVariantMap amoxicillin = rowOf(m, u"templateId"_s, u"mr-amoxicillin"_s);
    CHECK_FALSE(amoxicillin.value(u"orderable"_s).toBool());
    CHECK(amoxicillin.value(u"group"_s).toString() == u"One-off medicines"_s);
    CHECK(amoxicillin.value(u"lastIssuedText"_s).toString() == u"Prescribed 2 September 2026"_s);
    CHECK(rowOf(m, u"templateId"_s, u"mr-simvastatin"_s).value(u"group"_s).toString() == u"Medicines you no longer take"_s);

    // Only what can be ordered can be chosen.
    CHECK_FALSE(env.vm.order()->setSelected(u"mr-sumatriptan"_s, true));
    CHECK_FALSE(env.vm.order()->setSelected(u"mr-amoxicillin"_s, true));
    CHECK(env.vm.order()->selectedCount() == 0);
    CHECK(env.vm.order()->nominatedPharmacyText() == u"Hyde Park Pharmacy, LS6 2AB"_s);
}

TEST_CASE("double submit: one outbox item per medicine, waiting to send while the server cannot be reached")
{
    REQUIRE(kLondon);
    Env env;
    PrescriptionsOrder *order = env.vm.order();
    CHECK_FALSE(order->canReview());
    REQUIRE(order->setSelected(u"mr-metformin"_s, true));
    REQUIRE(order->setSelected(u"mr-amlodipine"_s, true));
    order->setNote(u"Going away on 3 December"_s);
    REQUIRE(order->canSubmit());
    CHECK(order->selectedItems().size() == 2);

    QSignalSpy states(order, &PrescriptionsOrder::stateChanged);
    order->submit();
    order->submit();   // a double tap
    CHECK(order->state() == PrescriptionsOrder::Storing);
    CHECK(env.items().size() == 2);
    REQUIRE(test::spinUntil([&] { return order->state() == PrescriptionsOrder::Stored; }));
    order->submit();   // pressed again on the confirmation
    CHECK(order->outcome() == u"waiting"_s);
    CHECK(order->resultTitle() == u"Request saved — waiting to send"_s);

    const QList<OutboxItem> items = env.items();
    REQUIRE(items.size() == 2);
    QStringList focus;
    for (const OutboxItem &item : items) {
        CHECK(item.kind == QLatin1String(PrescriptionRequest::kOutboxKind));
        CHECK(item.state == OutboxState::Waiting);
        const QJsonObject task = QJsonDocument::fromJson(item.payload).object();
        focus << task.value(u"focus"_s).toObject().value(u"reference"_s).toString();
        CHECK(task.value(u"note"_s).toArray().at(0).toObject().value(u"text"_s).toString() == u"Going away on 3 December"_s);
    }
    focus.sort();
    CHECK(focus == QStringList{u"MedicationRequest/mr-amlodipine"_s, u"MedicationRequest/mr-metformin"_s});

    // Your requests: one request (one group), each medicine waiting to send.
    REQUIRE(test::spinUntil([&] { return env.vm.requests()->rowCount() == 2; }));
    const auto &rows = env.vm.requests()->rows();
    CHECK(rows.at(0).value(u"group"_s) == rows.at(1).value(u"group"_s));
    CHECK(rows.at(0).value(u"group"_s).toString() == u"Requested 22 November 2026 at 10:00"_s);
    for (const QVariantMap &r : rows) {
        CHECK(r.value(u"statusKind"_s).toString() == u"waiting"_s);
        CHECK(r.value(u"statusText"_s).toString() == u"Waiting to send — it will go when you are back online"_s);
        CHECK_FALSE(r.value(u"canRetry"_s).toBool());
    }

    // A new order starts empty; the old one is not sent again.
    order->startNew();
    CHECK(order->state() == PrescriptionsOrder::Editing);
    CHECK(order->selectedCount() == 0);
    order->submit();
    CHECK(env.items().size() == 2);
}

TEST_CASE("the order refuses a note over the limit and a request with no pharmacy, and stores nothing")
{
    REQUIRE(kLondon);
    Env env;
    PrescriptionsOrder *order = env.vm.order();
    REQUIRE(order->setSelected(u"mr-metformin"_s, true));
    order->setNote(QString(PrescriptionRequest::kMaxNoteLength + 3, u'x'));
    CHECK(order->noteTooLong());
    CHECK(order->noteCounterText() == u"You have 3 characters too many"_s);
    CHECK_FALSE(order->canSubmit());
    CHECK_FALSE(order->blockedText().isEmpty());
    order->submit();
    CHECK(order->state() == PrescriptionsOrder::Editing);
    CHECK(env.items().isEmpty());
    order->setNote(u"ok"_s);
    CHECK(order->noteCounterText() == u"You have 498 characters remaining"_s);
    CHECK(order->canSubmit());
    // The other pharmacy cannot be chosen until the directory is wired in.
    order->setPharmacyChoice(u"other"_s);
    CHECK(order->pharmacyChoice() == u"nominated"_s);
}

TEST_CASE("a refused request shows the server's words and Try again puts it back in the queue")
{
    REQUIRE(kLondon);
    Env env;
    const auto id = env.outbox->enqueue(QLatin1String(PrescriptionRequest::kOutboxKind), u"Task"_s,
                                        R"({"resourceType":"Task","status":"requested","intent":"order",
                                            "focus":{"reference":"MedicationRequest/mr-metformin"},
                                            "for":{"reference":"Patient/p1"},"authoredOn":"2026-11-21T09:30:00Z"})");
    REQUIRE(id.ok());
    OutboxStore store(env.cache.db->database());
    REQUIRE(store.markSending(*id).ok());
    REQUIRE(store.markFailed(*id, u"http-422"_s, u"This medicine needs a review first"_s).ok());
    env.vm.reload();

    const QVariantMap row = rowOf(env.vm.requests(), u"clientId"_s, *id);
    REQUIRE_FALSE(row.isEmpty());
    CHECK(row.value(u"name"_s).toString() == u"Metformin 500mg tablets"_s);
    CHECK(row.value(u"statusKind"_s).toString() == u"refused"_s);
    CHECK(row.value(u"statusText"_s).toString() == u"Not sent — try again"_s);
    CHECK(row.value(u"refusalText"_s).toString().contains(u"This medicine needs a review first"_s));
    CHECK(row.value(u"canRetry"_s).toBool());
    CHECK(row.value(u"group"_s).toString() == u"Requested 21 November 2026 at 09:30"_s);

    REQUIRE(env.vm.retry(*id));
    const auto item = env.outbox->item(*id);
    REQUIRE(item.ok());
    REQUIRE(item->has_value());
    CHECK(((*item)->state == OutboxState::Waiting || (*item)->state == OutboxState::Sending));
    REQUIRE(test::spinUntil([&] { return rowOf(env.vm.requests(), u"clientId"_s, *id).value(u"statusKind"_s) == u"waiting"_s; }));
    CHECK(rowOf(env.vm.requests(), u"clientId"_s, *id).value(u"refusalText"_s).toString().isEmpty());
    CHECK_FALSE(env.vm.retry(u"no-such-item"_s));
}

TEST_CASE("a request's timeline lists every step, the ones reached with their dates")
{
    REQUIRE(kLondon);
    Env env;
    env.putJson(R"({"resourceType":"Task","id":"task-1","status":"in-progress","intent":"order",
        "businessStatus":{"text":"In review"},
        "code":{"coding":[{"system":"http://snomed.info/sct","code":"103742009"}]},
        "focus":{"reference":"MedicationRequest/mr-metformin"},"for":{"reference":"Patient/p1"},
        "authoredOn":"2026-11-20T09:00:00Z","lastModified":"2026-11-20T14:30:00Z",
        "input":[{"type":{"coding":[{"system":"https://fhir.nhs.uk/England/CodeSystem/England-PFSPrescriptionOrderingParameter","code":"preferred-performer"}]},
                  "valueIdentifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"FA123"}}]})");
    env.vm.reload();
    const QVariantMap row = rowOf(env.vm.requests(), u"taskId"_s, u"task-1"_s);
    REQUIRE_FALSE(row.isEmpty());
    CHECK(row.value(u"statusKind"_s).toString() == u"in-review"_s);
    CHECK(row.value(u"statusText"_s).toString() == u"Being reviewed by your GP surgery"_s);

    QSignalSpy opened(&env.vm, &PrescriptionsViewModel::openedRequestChanged);
    REQUIRE(env.vm.openRequest(u"task-1"_s));
    CHECK(opened.count() == 1);
    CHECK(env.vm.openedRequest().value(u"pharmacyText"_s).toString() == u"Hyde Park Pharmacy, LS6 2AB"_s);
    const auto &steps = env.vm.timeline()->rows();
    REQUIRE(steps.size() == 6);
    CHECK(steps.at(0).value(u"title"_s).toString() == u"Requested"_s);
    CHECK(steps.at(0).value(u"dateText"_s).toString() == u"20 November 2026 at 09:00"_s);
    CHECK(steps.at(0).value(u"reached"_s).toBool());
    CHECK(steps.at(1).value(u"reached"_s).toBool());
    CHECK(steps.at(1).value(u"current"_s).toBool());
    CHECK(steps.at(1).value(u"dateText"_s).toString() == u"20 November 2026 at 14:30"_s);
    for (int i = 2; i < 6; ++i) {
        CHECK_FALSE(steps.at(i).value(u"reached"_s).toBool());
        CHECK(steps.at(i).value(u"dateText"_s).toString() == u"Not yet"_s);
    }
    CHECK(steps.at(5).value(u"title"_s).toString() == u"Collected"_s);
    CHECK_FALSE(env.vm.openRequest(u"nothing"_s));
    CHECK(env.vm.timeline()->rowCount() == 0);
}

TEST_CASE("signed out: every list is cleared and the order cannot be sent")
{
    REQUIRE(kLondon);
    Env env;
    REQUIRE(env.vm.order()->setSelected(u"mr-metformin"_s, true));
    env.vm.setSources(nullptr, nullptr, {});
    CHECK(env.vm.medicines()->rowCount() == 0);
    CHECK(env.vm.requests()->rowCount() == 0);
    CHECK(env.vm.order()->selectedCount() == 0);
    CHECK_FALSE(env.vm.order()->hasNominatedPharmacy());
    CHECK_FALSE(env.vm.order()->setSelected(u"mr-metformin"_s, true));
}
